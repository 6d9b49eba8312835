import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, type RetryOptions } from '../../src/index.js';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../../src/testing/index.js';
import { logtoTemplates } from '../helpers/logto-config.js';
import { expectNoUnhandledRejections, outcomeOf } from '../faults/send-outcome.js';

const SENDS = 2_000;
const MAX_CONNECTIONS = 5;
const cleanups: Array<() => Promise<void>> = [];

expectNoUnhandledRejections();
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A small seeded generator (mulberry32), so a failure replays the same refusals. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Sends to user0..user{SENDS-1} all at once and checks each arrived exactly once over at most MAX_CONNECTIONS at a time. */
async function sendAllAtOnce(sinkOptions: SmtpSinkOptions, retry: RetryOptions): Promise<{ sink: SmtpSink; attempts: number[] }> {
  // The most connections open at once, as the sink sees them when each new one arrives.
  let mostOpen = 0;
  const sink: SmtpSink = await startSmtpSink({
    ...sinkOptions,
    onConnect: () => void (mostOpen = Math.max(mostOpen, sink.openConnectionCount)),
  });
  cleanups.push(() => sink.close());
  const mailer = createMailer(
    {
      host: sink.host,
      port: sink.port,
      fromEmail: 'no-reply@acme.test',
      templates: logtoTemplates(),
      maxConnections: MAX_CONNECTIONS,
    },
    { retry },
  );
  cleanups.push(() => mailer.close());
  const outcomes = await Promise.all(
    Array.from({ length: SENDS }, (_, index) =>
      outcomeOf(mailer.send({ to: `user${index}@example.com`, type: 'SignIn', payload: { code: String(index) } })),
    ),
  );
  const failures = outcomes.flatMap((outcome) => (outcome.error ? [outcome.error.message] : []));
  expect(failures).toEqual([]);
  await mailer.close();

  const perRecipient = new Map<string, number>();
  for (const message of sink.messages) {
    for (const to of message.envelope.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  }
  expect(perRecipient.size).toBe(SENDS);
  expect([...perRecipient.values()].every((count) => count === 1)).toBe(true);
  expect(sink.messages).toHaveLength(SENDS);
  // A pooled connection is replaced after maxMessages (100) sends, so 20 or more are opened in all;
  // never more than maxConnections at once.
  expect(mostOpen).toBeGreaterThan(0);
  expect(mostOpen).toBeLessThanOrEqual(MAX_CONNECTIONS);
  return { sink, attempts: outcomes.map((outcome) => outcome.result?.attempts ?? 0) };
}

describe(`${SENDS} sends in flight at once through the default transport`, () => {
  it('delivers each exactly once over at most maxConnections connections', async () => {
    const { attempts } = await sendAllAtOnce({}, { deadline: 60_000 });
    expect(attempts.every((count) => count === 1)).toBe(true);
  }, 60_000);

  it('delivers each exactly once when 10% of RCPTs are answered 451 at random', async () => {
    const random = seededRandom(20_240_601);
    let refused = 0;
    const { attempts } = await sendAllAtOnce(
      { onRcptTo: () => (random() < 0.1 ? (refused++, { code: 451, message: 'Greylisted, try again' }) : undefined) },
      { attempts: 8, baseDelay: 5, maxDelay: 50, deadline: 60_000 },
    );
    expect(refused).toBeGreaterThan(SENDS * 0.05);
    // Every refusal cost its send one more attempt, and nothing else did.
    expect(attempts.reduce((sum, count) => sum + count, 0)).toBe(SENDS + refused);
  }, 60_000);
});
