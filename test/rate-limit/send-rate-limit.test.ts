import { afterEach, describe, expect, it } from 'vitest';
import {
  createMailer,
  createMemoryRateLimitStore,
  isMailerError,
  type Mailer,
  type MailerError,
  type RateLimitOptions,
  type RateLimitStore,
} from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/index.js';
import { failureOf } from '../helpers/failure-of.js';

const CONFIG = {
  host: 'smtp.example.com',
  fromEmail: 'Acme <no-reply@acme.test>',
  templates: [
    { usageType: 'SignIn', contentType: 'text/plain', subject: 'Sign in', content: 'Code {{code}}' },
    { usageType: 'Register', contentType: 'text/plain', subject: 'Register', content: 'Code {{code}}' },
    { usageType: 'Generic', contentType: 'text/plain', subject: 'Code', content: 'Code {{code}}' },
  ],
};

const mailers: Mailer[] = [];
afterEach(async () => {
  await Promise.all(mailers.splice(0).map((mailer) => mailer.close()));
});

function clock(): { now: () => number; advance: (ms: number) => void } {
  let time = 5_000_000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

function setup(rateLimit: RateLimitOptions): { mailer: Mailer; transport: MemoryTransport } {
  const transport = new MemoryTransport();
  const mailer = createMailer(CONFIG, { transport, rateLimit, useDefaultTemplates: false, retry: { baseDelay: 1, maxDelay: 1 } });
  mailers.push(mailer);
  return { mailer, transport };
}

const signIn = (to: string, code = '111111') => ({ to, type: 'SignIn', payload: { code } });

describe('the per-recipient rate limit', () => {
  it('is off by default', async () => {
    const transport = new MemoryTransport();
    const mailer = createMailer(CONFIG, { transport });
    mailers.push(mailer);
    for (let sent = 0; sent < 50; sent += 1) await mailer.send(signIn('ada@example.com'));
    expect(transport.messages).toHaveLength(50);
  });

  it('refuses the (limit+1)th send with RateLimited, retryable, and never hands it to the transport', async () => {
    const time = clock();
    const { mailer, transport } = setup({ limit: 2, window: 600_000, store: createMemoryRateLimitStore({ now: time.now }) });
    await mailer.send(signIn('ada@example.com', '1'));
    time.advance(60_000);
    await mailer.send(signIn('ada@example.com', '2'));
    time.advance(60_000);

    const error = await failureOf(mailer.send(signIn('ada@example.com', '3')));
    expect(error.code).toBe('RateLimited');
    expect(error.retryable).toBe(true);
    expect(error.retryAfter).toBe(480_000);
    expect(error.message).toContain('SignIn');
    expect(error.message).toContain('ada@example.com');
    expect(error.message).toContain('try again in 8 min');
    expect(error.toJSON()).toMatchObject({ code: 'RateLimited', retryAfter: 480_000 });
    expect(transport.messages.map((message) => message.text)).toEqual(['Code 1', 'Code 2']);

    time.advance(480_000);
    await mailer.send(signIn('ada@example.com', '4'));
    expect(transport.messages).toHaveLength(3);
  });

  it('counts display names and letter case as the same recipient', async () => {
    const { mailer, transport } = setup({ limit: 2, window: 60_000 });
    await mailer.send(signIn('ada@example.com'));
    await mailer.send(signIn('Ada Lovelace <ADA@Example.COM>'));
    for (const to of ['"Lovelace, Ada" <Ada@example.com>', ' ada@EXAMPLE.com ', 'ADA@example.com']) {
      expect((await failureOf(mailer.send(signIn(to)))).code).toBe('RateLimited');
    }
    await mailer.send(signIn('grace@example.com'));
    expect(transport.messages.map((message) => message.to)).toEqual([
      'ada@example.com',
      'Ada Lovelace <ADA@example.com>',
      'grace@example.com',
    ]);
  });

  it('with foldSubaddresses, counts +tag and case variants as one mailbox; without, keeps tags apart', async () => {
    const folded = setup({ limit: 2, window: 60_000, foldSubaddresses: true });
    await folded.mailer.send(signIn('ada+1@example.com'));
    await folded.mailer.send(signIn('ADA+Two@Example.com'));
    for (const to of ['ada@example.com', 'Ada+3@EXAMPLE.com', 'Ada <ada+x+y@example.com>']) {
      expect((await failureOf(folded.mailer.send(signIn(to)))).code).toBe('RateLimited');
    }
    expect(folded.transport.messages).toHaveLength(2);

    const kept = setup({ limit: 1, window: 60_000 });
    await kept.mailer.send(signIn('ada+1@example.com'));
    await kept.mailer.send(signIn('ada+2@example.com'));
    expect(kept.transport.messages).toHaveLength(2);
  });

  it('counts each usage type on its own, and applies perUsageType limits', async () => {
    const { mailer, transport } = setup({ limit: 1, window: 60_000, perUsageType: { Register: { limit: 2, window: 60_000 } } });
    await mailer.send(signIn('ada@example.com'));
    expect((await failureOf(mailer.send(signIn('ada@example.com')))).code).toBe('RateLimited');
    await mailer.send({ to: 'ada@example.com', type: 'Register', payload: { code: '1' } });
    await mailer.send({ to: 'ada@example.com', type: 'Register', payload: { code: '2' } });
    const refused = await failureOf(mailer.send({ to: 'ada@example.com', type: 'Register', payload: { code: '3' } }));
    expect(refused.code).toBe('RateLimited');
    expect(refused.message).toContain('Register');
    expect(transport.messages.map((message) => message.usageType)).toEqual(['SignIn', 'Register', 'Register']);
  });

  it('keys on the usage type asked for, not the Generic template it fell back to', async () => {
    const { mailer, transport } = setup({ limit: 1, window: 60_000 });
    await mailer.send({ to: 'ada@example.com', type: 'ForgotPassword', payload: { code: '1' } });
    await mailer.send({ to: 'ada@example.com', type: 'MfaVerification', payload: { code: '2' } });
    expect(transport.messages.map((message) => message.text)).toEqual(['Code 1', 'Code 2']);
  });

  it('does not spend the quota on a send that fails before delivery (bad recipient, missing variable)', async () => {
    const { mailer, transport } = setup({ limit: 1, window: 60_000 });
    const missing = await failureOf(mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: {} }));
    expect(missing.code).toBe('MissingVariable');
    await mailer.send(signIn('ada@example.com'));
    expect(transport.messages).toHaveLength(1);
  });

  it('counts one send once, however many delivery attempts it takes', async () => {
    const { mailer, transport } = setup({ limit: 1, window: 60_000 });
    transport.failNext('Unavailable', 2);
    const result = await mailer.send(signIn('ada@example.com'));
    expect(result.attempts).toBe(3);
    expect((await failureOf(mailer.send(signIn('ada@example.com')))).code).toBe('RateLimited');
  });

  it('counts a send whose delivery failed: the attempt was made', async () => {
    const { mailer, transport } = setup({ limit: 1, window: 60_000 });
    transport.failNext('Rejected');
    expect((await failureOf(mailer.send(signIn('ada@example.com')))).code).toBe('Rejected');
    expect((await failureOf(mailer.send(signIn('ada@example.com')))).code).toBe('RateLimited');
  });

  it('never limits render()', async () => {
    const { mailer, transport } = setup({ limit: 1, window: 60_000 });
    for (let preview = 0; preview < 5; preview += 1) await mailer.render(signIn('ada@example.com'));
    await mailer.send(signIn('ada@example.com'));
    expect(transport.messages).toHaveLength(1);
  });

  it('lets concurrent sends through only up to the limit', async () => {
    const { mailer, transport } = setup({ limit: 3, window: 60_000 });
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, index) => mailer.send(signIn('ada@example.com', String(index)))));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
    expect(transport.messages).toHaveLength(3);
  });

  it('calls a custom store with the key and rule, and honours its answer', async () => {
    const calls: Array<[string, unknown]> = [];
    const store: RateLimitStore = {
      async hit(key, rule) {
        calls.push([key, rule]);
        return calls.length === 1 ? { allowed: true, retryAfter: 0 } : { allowed: false, retryAfter: 1234.2 };
      },
    };
    const { mailer, transport } = setup({ limit: 5, window: 900_000, store, perUsageType: { Register: { limit: 2, window: 60_000 } } });
    await mailer.send(signIn('Ada <Ada@Example.com>'));
    const error = await failureOf(mailer.send({ to: 'ada@example.com', type: 'Register', payload: { code: '1' } }));
    expect(calls).toEqual([
      ['SignIn:ada@example.com', { limit: 5, window: 900_000 }],
      ['Register:ada@example.com', { limit: 2, window: 60_000 }],
    ]);
    expect(error.retryAfter).toBe(1235);
    expect(transport.messages).toHaveLength(1);
  });

  it('builds keys with a custom key function, here one count for every usage type', async () => {
    const { mailer, transport } = setup({ limit: 2, window: 60_000, key: (address) => address.replace(/\+[^@]*@/, '@') });
    await mailer.send(signIn('ada+one@example.com'));
    await mailer.send({ to: 'ada+two@example.com', type: 'Register', payload: { code: '1' } });
    const error = await failureOf(mailer.send({ to: 'ada@example.com', type: 'Generic', payload: { code: '1' } }));
    expect(error.code).toBe('RateLimited');
    expect(transport.messages).toHaveLength(2);
  });

  it('fails closed: a store that rejects makes the send Unavailable, with the cause kept and nothing sent', async () => {
    const outage = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    const { mailer, transport } = setup({ limit: 5, window: 60_000, store: { hit: () => Promise.reject(outage) } });
    const error = await failureOf(mailer.send(signIn('ada@example.com')));
    expect(error.code).toBe('Unavailable');
    expect(error.retryable).toBe(true);
    expect(error.cause).toBe(outage);
    expect(error.message).toContain('rate limit');
    expect(error.message).toContain('Nothing was sent');
    expect(transport.messages).toHaveLength(0);
  });

  it('fails closed on a store that throws synchronously, a key function that throws, or an answer without `allowed`', async () => {
    const stores: RateLimitOptions[] = [
      { limit: 1, window: 1, store: { hit: () => { throw new Error('boom'); } } },
      { limit: 1, window: 1, key: () => { throw new Error('boom'); } },
      { limit: 1, window: 1, store: { hit: async () => ({}) as never } },
      { limit: 1, window: 1, store: { hit: async () => undefined as never } },
    ];
    for (const rateLimit of stores) {
      const { mailer, transport } = setup(rateLimit);
      expect((await failureOf(mailer.send(signIn('ada@example.com')))).code).toBe('Unavailable');
      expect(transport.messages).toHaveLength(0);
    }
  });

  it('refuses invalid options at createMailer with InvalidConfig naming each one', () => {
    let thrown: unknown;
    try {
      createMailer(CONFIG, {
        transport: new MemoryTransport(),
        rateLimit: {
          limit: 0,
          window: 1.5,
          perUsageType: { SignIn: { limit: 3, window: -1 } },
          store: {} as RateLimitStore,
          key: 'email' as never,
          foldSubaddresses: 'yes' as never,
        },
      });
    } catch (error) {
      thrown = error;
    }
    expect(isMailerError(thrown) && thrown.code).toBe('InvalidConfig');
    expect((thrown as MailerError).issues?.map((issue) => issue.path)).toEqual([
      'rateLimit.limit',
      'rateLimit.window',
      'rateLimit.perUsageType.SignIn.window',
      'rateLimit.store',
      'rateLimit.foldSubaddresses',
      'rateLimit.key',
    ]);
    expect(() => createMailer(CONFIG, { transport: new MemoryTransport(), rateLimit: null as never })).toThrow(
      expect.objectContaining({ code: 'InvalidConfig' }),
    );
  });
});
