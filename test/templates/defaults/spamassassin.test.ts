import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../../src/index.js';
import { startSmtpSink, type SmtpSink } from '../../../src/testing/index.js';
import type { Mailer } from '../../../src/mailer.js';
import { LANGUAGES } from '../../../src/templates/defaults/languages.js';
import { SAMPLE_CODE, sampleMessages } from './sample-messages.js';

const INSTALLED = spawnSync('spamassassin', ['--version']).status === 0;
const SKIP = !INSTALLED && !process.env.CI;
if (SKIP) {
  console.warn('SpamAssassin is not installed: skipping the spam score tests of the default templates (CI runs them).');
}

/** SpamAssassin processes at once, each scoring its share of the messages in one run (it takes about a second to start). */
const PROCESSES = 2;

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

/** One message to score: what to send, and with which mailer option. */
interface SpamCase {
  name: string;
  type: string;
  payload: Record<string, unknown>;
  codeInSubject: boolean;
  /** The subject the message received must carry. */
  subject: string;
}

/** Every sample, and each language's sign-in mail with the code in its subject. */
const cases: readonly SpamCase[] = [
  ...sampleMessages.map((sample) => ({
    name: sample.name,
    type: sample.template.usageType,
    payload: { ...sample.payload, locale: sample.template.locale ?? 'en' },
    codeInSubject: false,
    subject: sample.subject,
  })),
  ...LANGUAGES.map((language) => ({
    name: `SignIn ${language.locale ?? 'en (fallback)'} with the code in the subject`,
    type: 'SignIn',
    payload: { code: SAMPLE_CODE, locale: language.locale ?? 'en' },
    codeInSubject: true,
    subject: `${SAMPLE_CODE} – ${language.subjects.SignIn}`,
  })),
];

interface Score {
  score: number;
  report: string;
}

let sink: SmtpSink | undefined;
const mailers: Mailer[] = [];
let scored: Promise<Map<SpamCase, Score>> | undefined;

// Sends every case once, through the real mailer and SMTP (the built-in templates, chosen by
// locale), and keeps the raw messages the sink got.
async function deliverCases(): Promise<string[]> {
  const smtp = (sink = await startSmtpSink());
  const [plain, codeInSubject] = [false, true].map((option) => {
    const mailer = createMailer({ ...smtp.config, fromEmail: 'Acme <no-reply@example.com>' }, { codeInSubject: option });
    mailers.push(mailer);
    return mailer;
  }) as [Mailer, Mailer];
  const raw: string[] = [];
  for (const { type, payload, codeInSubject: option, subject } of cases) {
    await (option ? codeInSubject : plain).send({ to: 'ada@example.com', type, payload });
    const received = smtp.messages.at(-1);
    expect(received?.subject).toBe(subject);
    raw.push(received?.raw ?? '');
  }
  return raw;
}

afterAll(async () => {
  await Promise.all(mailers.map((mailer) => mailer.close()));
  await sink?.close();
});

/** The mbox separator line of message `index`: its envelope sender names it in SpamAssassin's output. */
const separator = (index: number): string => `From sample-${index}@example.com Mon Jan  1 00:00:00 2024`;
const SEPARATOR = /^From sample-(\d+)@example\.com .*$/m;

/** Messages as one mbox: LF line ends, body lines starting with "From " quoted. */
function toMbox(messages: ReadonlyArray<[index: number, raw: string]>): string {
  return messages
    .map(([index, raw]) => `${separator(index)}\n${raw.replaceAll('\r\n', '\n').replace(/^(>*From )/gm, '>$1')}\n`)
    .join('\n');
}

// Runs `spamassassin -L -t` (local rules only) over an mbox and returns its report of each message, by index.
function scoreMbox(mbox: string): Promise<Map<number, Score>> {
  return new Promise((resolve, reject) => {
    const child = spawn('spamassassin', ['--mbox', '-L', '-t'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', () => {
      const parts = Buffer.concat(chunks).toString('utf8').split(SEPARATOR);
      const scores = new Map<number, Score>();
      for (let part = 1; part + 1 < parts.length; part += 2) {
        const report = parts[part + 1] as string;
        const match = /^X-Spam-Status: \w+, score=(-?\d+(?:\.\d+)?)/m.exec(report);
        if (match?.[1] === undefined) return reject(new Error(`No X-Spam-Status header in SpamAssassin's output:\n${report}`));
        scores.set(Number(parts[part]), { score: Number(match[1]), report: report.slice(report.indexOf('Content analysis details')) });
      }
      resolve(scores);
    });
    child.stdin.end(mbox);
  });
}

// Scores every case once, in PROCESSES runs of SpamAssassin side by side.
function scoreCases(): Promise<Map<SpamCase, Score>> {
  scored ??= (async () => {
    const raw = await deliverCases();
    const shares = Array.from({ length: PROCESSES }, (_, share) =>
      raw.map((message, index) => [index, message] as [number, string]).filter(([index]) => index % PROCESSES === share),
    );
    const scores = new Map<number, Score>();
    for (const share of await Promise.all(shares.map((messages) => scoreMbox(toMbox(messages))))) {
      for (const [index, score] of share) scores.set(index, score);
    }
    return new Map(cases.map((spamCase, index) => [spamCase, scores.get(index) ?? { score: Infinity, report: 'not scored' }]));
  })();
  return scored;
}

function assertInstalled(): void {
  if (!INSTALLED) throw new Error('SpamAssassin is not installed; CI must install it (apt-get install spamassassin).');
}

describe('the default templates under SpamAssassin', () => {
  it.skipIf(SKIP)(
    'scores the GTUBE test message as spam, also in an mbox run, so a passing score means something',
    async () => {
      assertInstalled();
      const scores = await scoreMbox(toMbox([[7, GTUBE_MESSAGE]]));
      expect(scores.get(7)?.score).toBeGreaterThanOrEqual(5);
    },
    120_000,
  );

  it.skipIf(SKIP).each(cases.map((spamCase) => [spamCase.name, spamCase] as const))(
    '%s, as sent over SMTP, scores at most 0 with local rules',
    async (_name, spamCase) => {
      assertInstalled();
      const { score, report } = (await scoreCases()).get(spamCase) as Score;
      expect(score, report).toBeLessThanOrEqual(0);
    },
    600_000,
  );
});
