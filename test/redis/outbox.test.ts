import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '../../src/index.js';
import { createRedisOutbox, type Outbox, type OutboxEvents, type RedisOutboxOptions } from '../../src/redis/index.js';
import { startSmtpSink, type SinkHookResult, type SmtpSink } from '../../src/testing/index.js';
import { failureOf } from '../helpers/failure-of.js';
import { startRedis, type RedisInstance } from '../helpers/redis-server.js';
import { redisContents } from './redis-contents.js';

let redis: RedisInstance;
let sink: SmtpSink;
let refuse: ((code: string) => SinkHookResult) | undefined;
const open: Array<Outbox | Mailer> = [];

beforeEach(async () => {
  redis = await startRedis();
  refuse = undefined;
  sink = await startSmtpSink({ onData: (message) => refuse?.(codeIn(message.text ?? '')) });
});
afterEach(async () => {
  for (const closable of open.splice(0).reverse()) await closable.close();
  await sink.close();
  await redis.stop();
});

function codeIn(text: string): string {
  return /Code (\S+)/.exec(text)?.[1] ?? '';
}

function mailer(): Mailer {
  const created = createMailer(
    {
      host: sink.host,
      port: sink.port,
      fromEmail: 'Acme <no-reply@acme.test>',
      templates: [{ usageType: 'SignIn', contentType: 'text/plain', subject: 'Sign in', content: 'Code {{code}} {{link}}' }],
    },
    // One attempt per run: the outbox's retries are what these tests watch.
    { retry: { attempts: 1 } },
  );
  open.push(created);
  return created;
}

function outbox(options: Partial<RedisOutboxOptions> = {}): Outbox {
  const created = createRedisOutbox({ connection: redis.url, backoff: { baseDelay: 50, maxDelay: 200 }, lockDuration: 1000, ...options });
  open.push(created);
  return created;
}

/** Resolves with the first `count` events of `kind`. */
function eventsOf<E extends keyof OutboxEvents>(box: Outbox, kind: E, count = 1): Promise<Array<OutboxEvents[E]>> {
  const seen: Array<OutboxEvents[E]> = [];
  return new Promise((resolve) => {
    const stop = box.on(kind, (facts) => {
      seen.push(facts);
      if (seen.length === count) {
        stop();
        resolve(seen);
      }
    });
  });
}

const signIn = (code: string, to = 'ada@example.com') => ({ to, type: 'SignIn', payload: { code, link: `https://acme.test/v?c=${code}` } });

describe('the Redis outbox', () => {
  it('sends an enqueued job through the mailer with the Message-ID fixed at enqueue, and leaves no code in Redis', async () => {
    const box = outbox({ mailer: mailer() });
    const sent = eventsOf(box, 'sent');
    const { id, duplicate } = await box.enqueue(signIn('739104'));
    expect(duplicate).toBe(false);
    await box.work({ concurrency: 2 });
    const [received] = await sink.waitForMessages(1);
    const [event] = await sent;
    expect(received?.messageId).toBe(`<${id}@acme.test>`);
    expect(codeIn(received?.text ?? '')).toBe('739104');
    expect(event).toMatchObject({ id, to: 'ada@example.com', type: 'SignIn', attempt: 1, messageId: `<${id}@acme.test>` });
    expect(event?.payload).toEqual({ code: '***', link: '***' });
    await box.close();
    const contents = (await redisContents(redis.url)).join('\n');
    expect(contents).not.toContain('739104');
    // The completed job was removed (its id stays only in BullMQ's trimmed event stream).
    expect(contents).not.toContain(`auth-mailer:auth-mailer:${id} =`);
  });

  it('makes one job and one email of one idempotency key enqueued ten times from three outboxes', async () => {
    const boxes = [outbox(), outbox(), outbox()];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => (boxes[index % 3] as Outbox).enqueue(signIn('551200'), { idempotencyKey: 'signup-request-42' })),
    );
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    const worker = outbox({ mailer: mailer() });
    const sent = eventsOf(worker, 'sent');
    await worker.work();
    await sent;
    // Still one job after it completed and was removed: the key is remembered for its window.
    expect((await (boxes[0] as Outbox).enqueue(signIn('551200'), { idempotencyKey: 'signup-request-42' })).duplicate).toBe(true);
    await worker.close();
    expect(sink.messages).toHaveLength(1);
  });

  it('drops a job whose notAfter passed before a worker took it: an expired event, nothing delivered, no code left', async () => {
    const box = outbox({ mailer: mailer() });
    const expired = eventsOf(box, 'expired');
    const { id } = await box.enqueue(signIn('880011'), { notAfter: Date.now() + 150 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await box.work();
    const [event] = await expired;
    expect(event).toMatchObject({ id, payload: { code: '***', link: '***' } });
    // A later job goes through the same worker: the expired one was not merely queued behind it.
    await box.enqueue(signIn('880012'));
    await sink.waitForMessages(1);
    await box.close();
    expect(sink.messages.map((message) => codeIn(message.text ?? ''))).toEqual(['880012']);
    expect((await redisContents(redis.url)).join('\n')).not.toContain('880011');
  });

  it('retries a retryable failure (451) with backoff, then sends, as the same message', async () => {
    let refusals = 2;
    refuse = () => (refusals-- > 0 ? { code: 451, message: 'Try again later' } : undefined);
    const box = outbox({ mailer: mailer() });
    const retried = eventsOf(box, 'retried', 2);
    const sent = eventsOf(box, 'sent');
    const { id } = await box.enqueue(signIn('620001'));
    await box.work();
    const retries = await retried;
    const [event] = await sent;
    expect(retries.map((facts) => [facts.attempt, facts.error.code, facts.error.retryable])).toEqual([
      [1, 'Unavailable', true],
      [2, 'Unavailable', true],
    ]);
    expect(retries.every((facts) => facts.delay > 0)).toBe(true);
    expect(event).toMatchObject({ id, attempt: 3 });
    expect(sink.messages.map((message) => message.messageId)).toEqual([`<${id}@acme.test>`]);
  });

  it('fails a permanent failure (550) at once, keeping the redacted error and a masked payload only', async () => {
    refuse = (code) => ({ code: 550, message: `Mailbox unavailable for code ${code}` });
    const box = outbox({ mailer: mailer() });
    const failed = eventsOf(box, 'failed');
    const { id } = await box.enqueue(signIn('404550'));
    await box.work();
    const [event] = await failed;
    expect(event).toMatchObject({ id, attempt: 1, payload: { code: '***', link: '***' } });
    expect(event?.error).toMatchObject({ code: 'Rejected', retryable: false });
    expect(event?.error.message).not.toContain('404550');
    await box.close();
    const contents = (await redisContents(redis.url)).join('\n');
    expect(contents).toContain(`auth-mailer:auth-mailer:${id} =`); // kept in the failed set, for inspection
    expect(contents).toContain('Rejected');
    expect(contents).not.toContain('404550');
  });

  it('refuses at enqueue with RateLimited once the limit is reached, across outboxes and address variants', async () => {
    const rateLimit = { limit: 2, window: 60_000, foldSubaddresses: true };
    const [first, second] = [outbox({ rateLimit }), outbox({ rateLimit })] as [Outbox, Outbox];
    await first.enqueue(signIn('1', 'ada@example.com'));
    await second.enqueue(signIn('2', 'ADA+x@Example.com'));
    const error = await failureOf(first.enqueue(signIn('3', 'Ada <ada+y@example.com>')));
    expect(error).toMatchObject({ code: 'RateLimited', retryable: true });
    expect(error.retryAfter).toBeGreaterThan(0);
    const reader = new Redis(redis.url);
    expect(await reader.llen('auth-mailer:auth-mailer:wait')).toBe(2);
    await reader.quit();
  });

  it('does not spend the limit on a duplicate of an idempotent enqueue, even on one enqueued at the same time', async () => {
    const [box, other] = [outbox({ rateLimit: { limit: 2, window: 60_000 } }), outbox({ rateLimit: { limit: 2, window: 60_000 } })];
    const twins = await Promise.all([box.enqueue(signIn('1'), { idempotencyKey: 'request-1' }), other.enqueue(signIn('1'), { idempotencyKey: 'request-1' })]);
    expect(twins[0].id).toBe(twins[1].id);
    expect(await box.enqueue(signIn('1'), { idempotencyKey: 'request-1' })).toEqual({ id: twins[0].id, duplicate: true });
    // One count spent for the three: one more send is allowed.
    await other.enqueue(signIn('2'));
    expect(await failureOf(box.enqueue(signIn('3')))).toMatchObject({ code: 'RateLimited' });
  });

  it('holds all workers of the queue to sendRate: no more than `max` sends per duration', async () => {
    const box = outbox({ mailer: mailer(), sendRate: { max: 2, duration: 60_000 } });
    const other = outbox({ mailer: mailer(), sendRate: { max: 2, duration: 60_000 } });
    for (let index = 0; index < 5; index += 1) await box.enqueue(signIn(`50000${index}`, `user${index}@example.com`));
    await Promise.all([box.work({ concurrency: 4 }), other.work({ concurrency: 4 })]);
    await sink.waitForMessages(2);
    // A slow machine can only send fewer: waiting longer never lets a third through within the minute.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.messages).toHaveLength(2);
  });

  it('rejects a bad request or options at enqueue, storing nothing', async () => {
    const box = outbox();
    expect(await failureOf(box.enqueue({ to: 'not an address', type: 'SignIn' }))).toMatchObject({ code: 'InvalidRecipient' });
    expect(await failureOf(box.enqueue(signIn('1'), { notAfter: Date.now() - 1 }))).toMatchObject({ code: 'InvalidConfig' });
    expect(await failureOf(box.enqueue(signIn('1'), { idempotencyKey: '' }))).toMatchObject({ code: 'InvalidConfig' });
    expect(() => createRedisOutbox({ connection: '', lifetime: 0 } as RedisOutboxOptions)).toThrow(
      expect.objectContaining({ code: 'InvalidConfig', issues: [expect.objectContaining({ path: 'connection' }), expect.objectContaining({ path: 'lifetime' })] }),
    );
    await expect(box.work()).rejects.toMatchObject({ code: 'InvalidConfig', message: expect.stringContaining('has no mailer') });
    expect(await redisContents(redis.url)).toEqual([]);
  });

  it('rejects enqueue with a retryable Unavailable at once when Redis is down, and writes nothing', async () => {
    const box = outbox({ enqueueTimeout: 10_000 });
    await box.enqueue(signIn('100000'));
    await redis.kill();
    const started = Date.now();
    const error = await failureOf(box.enqueue(signIn('200000')));
    expect(error).toMatchObject({ code: 'Unavailable', retryable: true });
    expect(error.message).toMatch(/Redis is unreachable|Redis refused, dropped/);
    // "At once": well before the 10 s enqueueTimeout would have ended a wait.
    expect(Date.now() - started).toBeLessThan(5_000);
    await redis.restart();
    expect((await redisContents(redis.url)).join('\n')).not.toContain('200000');
  });

  it('rejects enqueue with Unavailable after enqueueTimeout when Redis stops answering, rate-limit check included', async () => {
    const box = outbox({ enqueueTimeout: 300, rateLimit: { limit: 100, window: 60_000 } });
    await box.enqueue(signIn('100001'));
    redis.pause();
    try {
      const error = await failureOf(box.enqueue(signIn('200001')));
      expect(error).toMatchObject({ code: 'Unavailable', retryable: true });
    } finally {
      redis.resume();
    }
  });

  it('rejects with Unavailable, not a hang, when Redis was never reachable', async () => {
    const down = await startRedis();
    await down.stop();
    const box = createRedisOutbox({ connection: down.url, enqueueTimeout: 500 });
    open.push(box);
    expect(await failureOf(box.enqueue(signIn('1')))).toMatchObject({ code: 'Unavailable', retryable: true });
  });

  it('refuses enqueue and work once closed, and closes a worker that was starting when close() was called', async () => {
    const box = outbox({ mailer: mailer() });
    const starting = box.work();
    await box.close();
    await expect(starting).rejects.toMatchObject({ code: 'Closed' });
    expect(await failureOf(box.enqueue(signIn('1')))).toMatchObject({ code: 'Closed' });
    await expect(box.work()).rejects.toMatchObject({ code: 'Closed' });
  });

  it('lets running sends finish on close, and leaves jobs not started in Redis for other workers', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrived: () => void = () => undefined;
    const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
    refuse = async () => {
      arrived();
      await held;
    };
    const box = outbox({ mailer: mailer() });
    for (let index = 0; index < 5; index += 1) await box.enqueue(signIn(`70000${index}`));
    await box.work({ concurrency: 1 });
    await firstArrived;
    const closing = box.close();
    release();
    await closing;
    const reader = new Redis(redis.url);
    const left = await reader.llen('auth-mailer:auth-mailer:wait');
    await reader.quit();
    expect(sink.messages.length).toBeGreaterThanOrEqual(1);
    expect(sink.messages.length + left).toBe(5);
  });
});
