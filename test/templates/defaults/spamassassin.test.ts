import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../../src/templates/defaults/index.js';
import { createMailer } from '../../../src/index.js';
import { startSmtpSink, type SmtpSink } from '../../../src/testing/index.js';
import type { Mailer } from '../../../src/mailer.js';
import { sampleMessages, type SampleMessage } from './sample-messages.js';

const INSTALLED = spawnSync('spamassassin', ['--version']).status === 0;
const SKIP = !INSTALLED && !process.env.CI;
if (SKIP) {
  console.warn('SpamAssassin is not installed: skipping the spam score tests of the default templates (CI runs them).');
}

// The test string every SpamAssassin install scores as spam: proves its rules are loaded.
const GTUBE_MESSAGE = [
  'From: Acme <no-reply@example.com>',
  'To: ada@example.com',
  'Subject: Test',
  'Date: Mon, 01 Jan 2024 00:00:00 +0000',
  'Message-ID: <gtube-test@example.com>',
  '',
  'XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X',
  '',
].join('\r\n');

let sink: SmtpSink | undefined;
let mailer: Mailer | undefined;
let delivered: Promise<Map<SampleMessage, string>> | undefined;

// Sends every sample once, through the real mailer and SMTP, and keeps the raw messages the sink got.
function deliverSamples(): Promise<Map<SampleMessage, string>> {
  delivered ??= (async () => {
    sink = await startSmtpSink();
    mailer = createMailer({ ...sink.config, fromEmail: 'Acme <no-reply@example.com>', templates: [...defaultTemplates] });
    const raw = new Map<SampleMessage, string>();
    for (const sample of sampleMessages) {
      const locale = sample.template.locale ?? 'en';
      await mailer.send({ to: 'ada@example.com', type: sample.template.usageType, payload: { ...sample.payload, locale } });
      const received = sink.messages.at(-1);
      expect(received?.subject).toBe(sample.subject);
      raw.set(sample, received?.raw ?? '');
    }
    return raw;
  })();
  return delivered;
}

afterAll(async () => {
  await mailer?.close();
  await sink?.close();
});

// Runs `spamassassin -L -t` (local rules only) and returns its score and report.
function scoreMessage(raw: string): Promise<{ score: number; report: string }> {
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
      const { score } = await scoreMessage(GTUBE_MESSAGE);
      expect(score).toBeGreaterThanOrEqual(5);
    },
    120_000,
  );

  it.skipIf(SKIP).concurrent.each(sampleMessages.map((sample) => [sample.name, sample] as const))(
    '%s, as sent over SMTP, scores at most 0 with local rules',
    async (_name, sample) => {
      assertInstalled();
      const raw = (await deliverSamples()).get(sample) ?? '';
      const { score, report } = await scoreMessage(raw);
      expect(score, report).toBeLessThanOrEqual(0);
    },
    120_000,
  );
});
