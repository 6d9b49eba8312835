import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, isMailerError, type Mailer, type MailerError, type MailerOptions, type Transport } from '../../src/index.js';

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

async function failureOf(promise: Promise<unknown>): Promise<MailerError> {
  const error = await promise.then(
    (value) => ({ resolvedWith: value }),
    (reason: unknown) => reason,
  );
  if (!isMailerError(error)) throw new Error(`expected a MailerError, got ${inspect(error)}`);
  return error;
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
    expect((thrown as MailerError).issues).toEqual([{ path: 'transport.send', message: expect.stringContaining('function') }]);
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
