import { spawn, spawnSync } from 'node:child_process';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { sampleMessages, type SampleMessage } from './sample-messages.js';

const INSTALLED = spawnSync('spamassassin', ['--version']).status === 0;
const SKIP = !INSTALLED && !process.env.CI;
if (SKIP) {
  console.warn('SpamAssassin is not installed: skipping the spam score tests of the default templates (CI runs them).');
}

// The test string every SpamAssassin install scores as spam: proves its rules are loaded.
const GTUBE = 'XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X';

// Builds the MIME message as the mailer sends it: multipart/alternative, Date, Message-ID, Auto-Submitted.
async function composeMessage(content: Pick<SampleMessage, 'subject' | 'text' | 'html'>): Promise<Buffer> {
  const composer = new MailComposer({
    from: 'Acme <no-reply@example.com>',
    to: 'ada@example.com',
    subject: content.subject,
    text: content.text,
    html: content.html,
    headers: { 'Auto-Submitted': 'auto-generated' },
    messageId: `<${crypto.randomUUID()}@example.com>`,
    date: new Date(),
  });
  return composer.compile().build();
}

// Runs `spamassassin -L -t` (local rules only) and returns its score and report.
function scoreMessage(raw: Buffer): Promise<{ score: number; report: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('spamassassin', ['-L', '-t'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', () => {
      const report = Buffer.concat(chunks).toString('utf8');
      const match = /^X-Spam-Status: \w+, score=(-?\d+(?:\.\d+)?)/m.exec(report);
      if (match?.[1] === undefined) reject(new Error(`No X-Spam-Status header in SpamAssassin's output:\n${report}`));
      else resolve({ score: Number(match[1]), report: report.slice(report.indexOf('Content analysis details')) });
    });
    child.stdin.end(raw);
  });
}

function assertInstalled(): void {
  if (!INSTALLED) throw new Error('SpamAssassin is not installed; CI must install it (apt-get install spamassassin).');
}

describe('the default templates under SpamAssassin', () => {
  it.skipIf(SKIP)(
    'scores the GTUBE test message as spam, so a passing score means something',
    async () => {
      assertInstalled();
      const { score } = await scoreMessage(await composeMessage({ subject: 'Test', text: GTUBE, html: `<p>${GTUBE}</p>` }));
      expect(score).toBeGreaterThanOrEqual(5);
    },
    120_000,
  );

  it.skipIf(SKIP).concurrent.each(sampleMessages.map((sample) => [sample.name, sample] as const))(
    '%s scores at most 0 with local rules',
    async (_name, sample) => {
      assertInstalled();
      const { score, report } = await scoreMessage(await composeMessage(sample));
      expect(score, report).toBeLessThanOrEqual(0);
    },
    120_000,
  );
});
