import { describe, expect, it } from 'vitest';
import { DeadlineSweeper } from '../../src/delivery/deadline-sweeper.js';
import { deliverWithRetry } from '../../src/delivery/deliver-with-retry.js';
import { MailerError } from '../../src/errors/mailer-error.js';
import { resolveRetryPolicy } from '../../src/delivery/retry-policy.js';
import type { Transport, TransportResult } from '../../src/types/transport.js';
import { mailMessage } from '../helpers/mail-message.js';

const message = mailMessage();
const context = { operation: 'send SignIn mail to ada@example.com', host: '127.0.0.1', port: 2525, secure: false };
const fastPolicy = resolveRetryPolicy({ attempts: 3, baseDelay: 1, maxDelay: 2 });

/** A transport that fails with the scripted errors, in order, then succeeds. */
function scriptedTransport(failures: unknown[]): Transport & { calls: number } {
  return {
    calls: 0,
    async send(): Promise<TransportResult> {
      const failure = failures[this.calls++];
      if (failure !== undefined) throw failure;
      return { messageId: `<${this.calls}@test>`, accepted: [message.to] };
    },
  };
}

function smtpError(responseCode: number): Error {
  return Object.assign(new Error(`${responseCode} try later`), { responseCode });
}

describe('deliverWithRetry', () => {
  it('retries a 4xx reply and reports the attempts it took', async () => {
    const transport = scriptedTransport([smtpError(451), smtpError(421)]);
    const delivery = await deliverWithRetry(message, { transport, policy: fastPolicy, context });
    expect(delivery.attempts).toBe(3);
    expect(transport.calls).toBe(3);
  });

  it('never retries a permanent 5xx reply', async () => {
    const transport = scriptedTransport([smtpError(550)]);
    const failure = await deliverWithRetry(message, { transport, policy: fastPolicy, context }).catch((e) => e);
    expect(failure).toBeInstanceOf(MailerError);
    expect(failure).toMatchObject({ code: 'Rejected', responseCode: 550, attempts: 1, retryable: false });
    expect(transport.calls).toBe(1);
  });

  it('gives up after the configured attempts with the last failure', async () => {
    const transport = scriptedTransport([smtpError(451), smtpError(451), smtpError(452), smtpError(451)]);
    const failure = await deliverWithRetry(message, { transport, policy: fastPolicy, context }).catch((e) => e);
    expect(failure).toMatchObject({ code: 'Unavailable', retryable: true, attempts: 3, responseCode: 452 });
    expect(transport.calls).toBe(3);
  });

  it('keeps the code of a MailerError thrown by the transport', async () => {
    const transport = scriptedTransport([new MailerError('AuthFailed', 'no')]);
    const failure = await deliverWithRetry(message, { transport, policy: fastPolicy, context }).catch((e) => e);
    expect(failure).toMatchObject({ code: 'AuthFailed', attempts: 1 });
  });

  it('does not call the transport when the caller aborted already', async () => {
    const transport = scriptedTransport([]);
    const signal = AbortSignal.abort();
    const failure = await deliverWithRetry(message, { transport, policy: fastPolicy, context, signal }).catch(
      (e) => e,
    );
    expect(failure).toBeInstanceOf(MailerError);
    expect(failure.attempts).toBe(0);
    expect(transport.calls).toBe(0);
  });

  it('stops waiting for a retry when the caller aborts', async () => {
    const controller = new AbortController();
    const transport = scriptedTransport([smtpError(451), smtpError(451)]);
    const policy = resolveRetryPolicy({ attempts: 3, baseDelay: 60_000, maxDelay: 60_000 });
    const delivery = deliverWithRetry(message, { transport, policy, context, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const failure = await delivery.catch((e) => e);
    expect(failure).toMatchObject({ code: 'Unavailable', attempts: 1, responseCode: 451 });
    expect(transport.calls).toBe(1);
  });

  it('aborts an attempt in progress when the sweeper says the deadline passed, and says so', async () => {
    const seen: AbortSignal[] = [];
    const transport: Transport = {
      send: (_message, { signal }) =>
        new Promise((_resolve, reject) => {
          seen.push(signal);
          signal.addEventListener('abort', () => reject(new Error('aborted by signal')));
        }),
    };
    const policy = resolveRetryPolicy({ attempts: 3, deadline: 30 });
    const sweeper = new DeadlineSweeper(policy.deadline, () => {});
    const signal = sweeper.signalFor(sweeper.deadlineFromNow());
    const failure = await deliverWithRetry(message, { transport, policy, context, signal }).catch((e) => e);
    expect(failure).toMatchObject({ code: 'Unavailable', attempts: 1 });
    expect(failure.message).toMatch(/gave up after 30 ms/);
    expect(seen).toEqual([signal]);
  });
});

describe('resolveRetryPolicy', () => {
  it('applies defaults fit for an interactive flow', () => {
    expect(resolveRetryPolicy()).toEqual({ attempts: 3, deadline: 30_000, baseDelay: 250, maxDelay: 4_000 });
  });

});
