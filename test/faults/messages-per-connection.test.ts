import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, type Mailer, type MailerConfig, type RetryOptions } from '../../src/index.js';
import { MAX_CONNECTION_MOVES } from '../../src/transports/smtp/smtp-delivery.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/index.js';
import { failureOf } from '../helpers/failure-of.js';
import { logtoTemplates } from '../helpers/logto-config.js';
import { expectNoUnhandledRejections } from './send-outcome.js';

const cleanups: Array<() => Promise<void>> = [];
expectNoUnhandledRejections();
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/**
 * A healthy server with a limit of messages per connection, as Exim's
 * `smtp_accept_max_per_connection`: the MAIL after the limit gets `421 ... too many messages` and
 * the server closes the connection.
 */
async function limitingSink(limit: number): Promise<{ sink: SmtpSink; refusals: () => number }> {
  const perConnection = new Map<string, number>();
  let refusals = 0;
  const sink = await startSmtpSink({
    onMailFrom(_address, session) {
      const count = (perConnection.get(session.id) ?? 0) + 1;
      perConnection.set(session.id, count);
      if (count <= limit) return undefined;
      refusals += 1;
      return { code: 421, message: 'mx.test too many messages in this connection' };
    },
  });
  cleanups.push(() => sink.close());
  return { sink, refusals: () => refusals };
}

function mailerFor(sink: SmtpSink, retry: RetryOptions, extra: Partial<MailerConfig> = {}): Mailer {
  const mailer = createMailer(
    { host: sink.host, port: sink.port, fromEmail: 'no-reply@acme.test', templates: logtoTemplates(), ...extra },
    { retry },
  );
  cleanups.push(() => mailer.close());
  return mailer;
}

const sendTo = (mailer: Mailer, to: string) => mailer.send({ to, type: 'SignIn', payload: { code: '123456' } });

describe('a server that closes a pooled connection after N messages', () => {
  it('delivers 30 concurrent sends over 2 connections, each in one attempt', async () => {
    const { sink, refusals } = await limitingSink(3);
    const mailer = mailerFor(sink, { attempts: 3, baseDelay: 1, maxDelay: 2 }, { maxConnections: 2 });
    const recipients = Array.from({ length: 30 }, (_, index) => `user${index}@example.com`);
    const results = await Promise.all(recipients.map((to) => sendTo(mailer, to)));
    expect(results.map((result) => result.attempts)).toEqual(recipients.map(() => 1));
    expect(sink.messages.map((message) => message.envelope.to[0]).sort()).toEqual([...recipients].sort());
    // The server did close connections under sends: they moved on without spending an attempt.
    expect(refusals()).toBeGreaterThan(0);
  });

  it('moves a send whose connection reached the limit to a fresh one, without spending an attempt', async () => {
    const { sink, refusals } = await limitingSink(1);
    const mailer = mailerFor(sink, { attempts: 1 }, { maxConnections: 1 });
    await expect(sendTo(mailer, 'first@example.com')).resolves.toMatchObject({ attempts: 1 });
    await expect(sendTo(mailer, 'second@example.com')).resolves.toMatchObject({ attempts: 1 });
    expect(refusals()).toBe(1);
    expect(sink.connectionCount).toBe(2);
    expect(sink.messages.map((message) => message.envelope.to)).toEqual([['first@example.com'], ['second@example.com']]);
  });

  it('counts the attempt, keeping the 421, once a send has met more closing connections than it may move', async () => {
    const { sink, refusals } = await limitingSink(1);
    const mailer = mailerFor(sink, { attempts: 1 }, { maxConnections: 1 });
    // One message per connection, one connection at a time, two sends in flight: the second send
    // meets the used connection and moves; meanwhile the next send took its place in the pool's
    // queue, uses the fresh connection first, and the second send meets a used one again.
    const others = Array.from({ length: MAX_CONNECTION_MOVES + 2 }, (_, index) => `other${index}@example.com`);
    const [first, victim, ...rest] = [others[0]!, 'victim@example.com', ...others.slice(1)].map((to) => sendTo(mailer, to));
    const error = await failureOf(victim!);
    expect(error).toMatchObject({ code: 'Unavailable', retryable: true, responseCode: 421, attempts: 1 });
    expect(error.message).toMatch(/closed the connection before the message was sent: 421 .*too many messages/);
    for (const other of [first, ...rest]) await expect(other).resolves.toMatchObject({ attempts: 1 });
    expect(refusals()).toBe(MAX_CONNECTION_MOVES + 1);
    expect(sink.messages.map((message) => message.envelope.to[0])).toEqual(others);
  }, 20_000);
});
