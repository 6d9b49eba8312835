import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, isMailerError, MailerError, type Mailer, type MailMessage, type MailerOptions, type Transport } from '../../src/index.js';
import { failureOf } from '../helpers/failure-of.js';

const config = {
  host: 'smtp.example.com',
  fromEmail: 'no-reply@example.com',
  templates: [{ usageType: 'SignIn', contentType: 'text/plain', subject: 'Your code', content: 'Code: {{code}}' }],
};
const request = { to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } } as const;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function mailerWith(transport: Transport, options: MailerOptions = {}): Mailer {
  const mailer = createMailer(config, { transport, retry: { baseDelay: 1, maxDelay: 2 }, ...options });
  cleanups.push(() => mailer.close().catch(() => undefined));
  return mailer;
}

describe('a transport of the user’s own', () => {
  it('that ignores its signal still lets the deadline end the send', async () => {
    let calls = 0;
    const mailer = mailerWith({ send: () => ((calls += 1), new Promise(() => {})) }, { retry: { deadline: 50 } });
    const error = await failureOf(mailer.send(request));
    expect(error).toMatchObject({ code: 'Unavailable', attempts: 1 });
    expect(error.message).toMatch(/gave up after 50 ms/);
    expect(calls).toBe(1);
  });

  it('that ignores its signal still lets the caller abort the send', async () => {
    const mailer = mailerWith({ send: () => new Promise(() => {}) });
    const controller = new AbortController();
    const sending = mailer.send(request, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await failureOf(sending);
    expect(error).toMatchObject({ code: 'Unavailable', attempts: 1 });
    expect(error.message).toMatch(/was aborted/);
  });
});

describe('a transport that resolves with something other than a TransportResult', () => {
  const malformed: Array<[string, unknown]> = [
    ['nothing', undefined],
    ['null', null],
    ['no messageId', { accepted: ['ada@example.com'] }],
    ['a numeric messageId', { messageId: 42 }],
    ['accepted as a string', { messageId: '<1@example.com>', accepted: 'ada@example.com' }],
    ['rejected holding a non-string', { messageId: '<1@example.com>', rejected: [{ address: 'x@example.com' }] }],
    ['a numeric response', { messageId: '<1@example.com>', response: 250 }],
  ];

  it.each(malformed)('rejects with %s as Rejected, not retried, naming the expected shape', async (_name, result) => {
    let calls = 0;
    const mailer = mailerWith({ send: async () => ((calls += 1), result as never) });
    const error = await failureOf(mailer.send(request));
    expect(error).toMatchObject({ code: 'Rejected', retryable: false, attempts: 1 });
    expect(error.message).toContain('messageId: string');
    expect(calls).toBe(1);
  });
});

describe('closing and verifying with a transport of the user’s own', () => {
  it('verify() resolves when the transport has no verify', async () => {
    const mailer = mailerWith({ send: async () => ({ messageId: '<1@example.com>' }) });
    await expect(mailer.verify()).resolves.toBeUndefined();
  });

  it.each([
    ['an Error', new Error('socket already gone')],
    ['a string', 'socket already gone'],
  ])('close() rejects with a MailerError when the transport’s close throws %s', async (_name, thrown) => {
    const mailer = createMailer(config, {
      transport: {
        send: async () => ({ messageId: '<1@example.com>' }),
        close: async () => {
          throw thrown;
        },
      },
    });
    const error = await failureOf(mailer.close());
    expect(error.code).toBe('Unavailable');
    expect(error.message).toContain('close the transport');
    expect(error.message).toContain('socket already gone');
    expect((await failureOf(mailer.send(request))).code).toBe('Closed');
  });
});

describe('a transport option of the wrong shape', () => {
  it.each([
    ['an object without send', {}],
    ['send that is not a function', { send: 'smtp://example.com' }],
    ['a string', 'smtp'],
  ])('is InvalidConfig at createMailer: %s', (_name, transport) => {
    let thrown: unknown;
    try {
      createMailer(config, { transport: transport as never });
    } catch (error) {
      thrown = error;
    }
    expect(isMailerError(thrown) && thrown.code).toBe('InvalidConfig');
    expect((thrown as MailerError).issues).toEqual([{ path: 'transport', message: expect.stringContaining('send(message, { signal })') }]);
  });
});

describe('a template store or rate-limit store that never answers', () => {
  const stalled = { findTemplate: () => new Promise<undefined>(() => {}) };

  it('lets the deadline end the send before its first attempt', async () => {
    const transport = { calls: 0, send: async () => ((transport.calls += 1), { messageId: '<1@example.com>' }) };
    const mailer = mailerWith(transport, { templateStore: stalled, retry: { deadline: 50 } });
    const error = await failureOf(mailer.send(request));
    expect(error).toMatchObject({ code: 'Unavailable', attempts: 0 });
    expect(error.message).toMatch(/gave up after 50 ms/);
    expect(transport.calls).toBe(0);
  });

  it('lets the caller abort the send', async () => {
    const mailer = mailerWith(
      { send: async () => ({ messageId: '<1@example.com>' }) },
      { rateLimit: { limit: 5, window: 60_000, store: { hit: () => new Promise(() => {}) } } },
    );
    const controller = new AbortController();
    const sending = mailer.send(request, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await failureOf(sending);
    expect(error).toMatchObject({ code: 'Unavailable', attempts: 0 });
    expect(error.message).toMatch(/was aborted/);
  });
});

describe('a transport of the user’s own is not treated as SMTP', () => {
  it('gets errors that name no SMTP host or port and carry no SMTP hint', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' });
    const mailer = mailerWith(
      {
        send: async () => {
          throw refused;
        },
      },
      { retry: { attempts: 1 } },
    );
    const error = await failureOf(mailer.send(request));
    expect(error.code).toBe('Unavailable');
    expect(error.message).toBe('send SignIn mail to ada@example.com failed: connect ECONNREFUSED 10.0.0.1:443 [Unavailable]');
    expect(error.message).not.toContain('smtp.example.com');
    expect(error.hint).toBeUndefined();
  });

  it('gives every message headers of its own, which the transport may change', async () => {
    const seen: Array<MailMessage['headers']> = [];
    const mailer = mailerWith({
      async send(message) {
        message.headers!['X-Request-Id'] = `request-${seen.length}`;
        seen.push(message.headers);
        return { messageId: `<${seen.length}@example.com>` };
      },
    });
    const first = await mailer.send(request);
    const second = await mailer.send(request);
    expect([first.attempts, second.attempts]).toEqual([1, 1]);
    expect(seen.map((headers) => headers?.['X-Request-Id'])).toEqual(['request-0', 'request-1']);
    expect(seen[0]).not.toBe(seen[1]);
    expect(seen[1]).toEqual({ 'Auto-Submitted': 'auto-generated', 'X-Entity-Ref-ID': expect.any(String), 'X-Request-Id': 'request-1' });
  });

  it('honours the retryAfter of a RateLimited it throws: no retry sooner, and none past the deadline', async () => {
    const calls: number[] = [];
    const limited = {
      send: async (): Promise<never> => {
        calls.push(performance.now());
        throw new MailerError('RateLimited', 'provider quota reached', { retryAfter: 60_000 });
      },
    };
    const error = await failureOf(mailerWith(limited, { retry: { attempts: 3, deadline: 1_000 } }).send(request));
    expect(error).toMatchObject({ code: 'RateLimited', retryAfter: 60_000, attempts: 1 });
    expect(calls).toHaveLength(1);

    const soon = { attempts: 0, send: async () => {
      soon.attempts += 1;
      if (soon.attempts === 1) throw new MailerError('RateLimited', 'slow down', { retryAfter: 40 });
      return { messageId: '<ok@example.com>' };
    } };
    const started = performance.now();
    const result = await mailerWith(soon, { retry: { attempts: 3, deadline: 5_000 } }).send(request);
    expect(result.attempts).toBe(2);
    // The wait is the transport's, not a timing budget: a retry sooner than asked would be the bug.
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
  });
});
