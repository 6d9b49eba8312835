import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type RateLimitStore } from '../../src/index.js';
import { createRedisRateLimitStore } from '../../src/redis/index.js';
import { MemoryTransport } from '../../src/testing/index.js';
import { failureOf } from '../helpers/failure-of.js';
import { startRedis, type RedisInstance } from '../helpers/redis-server.js';

let redis: RedisInstance;
const clients: Redis[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(clients.splice(0).map((client) => client.quit()));
  await redis.stop();
});

function client(): Redis {
  const opened = new Redis(redis.url);
  clients.push(opened);
  return opened;
}

describe('the Redis rate-limit store', () => {
  it('lets `limit` hits through per window, then refuses with retryAfter within the window, recording nothing', async () => {
    const store = createRedisRateLimitStore({ redis: client() });
    const rule = { limit: 3, window: 60_000 };
    const decisions = [];
    for (let hit = 0; hit < 5; hit += 1) decisions.push(await store.hit('SignIn:ada@example.com', rule));
    expect(decisions.map((decision) => [decision.allowed, decision.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
      [false, 0],
    ]);
    for (const refused of decisions.slice(3)) {
      expect(refused.retryAfter).toBeGreaterThan(0);
      expect(refused.retryAfter).toBeLessThanOrEqual(60_000);
    }
    // Refused hits are not recorded: the key holds the three allowed sends only, and expires with the window.
    expect(await client().zcard('auth-mailer:rate:SignIn:ada@example.com')).toBe(3);
    expect(await client().pttl('auth-mailer:rate:SignIn:ada@example.com')).toBeGreaterThan(0);
  });

  it('lets a key send again once its oldest send left the window', async () => {
    const store = createRedisRateLimitStore({ redis: client(), prefix: 'slide:' });
    const rule = { limit: 1, window: 300 };
    expect((await store.hit('k', rule)).allowed).toBe(true);
    const refused = await store.hit('k', rule);
    expect(refused.allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, refused.retryAfter + 20));
    expect((await store.hit('k', rule)).allowed).toBe(true);
  });

  it('holds under concurrency from several connections: exactly `limit` of 60 simultaneous hits are allowed', async () => {
    const stores = [client(), client(), client()].map((redisClient) => createRedisRateLimitStore({ redis: redisClient, prefix: 'race:' }));
    const decisions = await Promise.all(
      Array.from({ length: 60 }, (_, index) => (stores[index % 3] as RateLimitStore).hit('SignIn:grace@example.com', { limit: 7, window: 60_000 })),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(7);
  });

  it('sends the script again after Redis forgot it (SCRIPT FLUSH)', async () => {
    const redisClient = client();
    const store = createRedisRateLimitStore({ redis: redisClient, prefix: 'flush:' });
    expect((await store.hit('k', { limit: 2, window: 60_000 })).allowed).toBe(true);
    await redisClient.script('FLUSH');
    expect((await store.hit('k', { limit: 2, window: 60_000 })).allowed).toBe(true);
    expect((await store.hit('k', { limit: 2, window: 60_000 })).allowed).toBe(false);
  });

  it('makes mailers of several processes share one limit per mailbox, whatever the case or +tag', async () => {
    const config = {
      host: 'smtp.example.com',
      fromEmail: 'no-reply@acme.test',
      templates: [{ usageType: 'SignIn', contentType: 'text/plain', subject: 'Sign in', content: 'Code {{code}}' }],
    };
    const transports = [new MemoryTransport(), new MemoryTransport(), new MemoryTransport()];
    const mailers = transports.map((transport) =>
      createMailer(config, {
        transport,
        rateLimit: { limit: 4, window: 60_000, foldSubaddresses: true, store: createRedisRateLimitStore({ redis: client(), prefix: 'mailers:' }) },
      }),
    );
    const variants = ['ada@example.com', 'ADA@Example.com', 'ada+1@example.com', 'Ada+Promo@EXAMPLE.COM', 'Ada <ada+x@example.com>'];
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        (mailers[index % 3] as (typeof mailers)[number])
          .send({ to: variants[index % variants.length] as string, type: 'SignIn', payload: { code: String(index) } })
          .then(() => 'sent', (error: unknown) => (error as { code: string }).code),
      ),
    );
    await Promise.all(mailers.map((mailer) => mailer.close()));
    expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(4);
    expect(outcomes.filter((outcome) => outcome === 'RateLimited')).toHaveLength(26);
    expect(transports.reduce((sum, transport) => sum + transport.messages.length, 0)).toBe(4);
  });

  it('fails the send closed (Unavailable, nothing sent) when Redis is down', async () => {
    const down = await startRedis();
    await down.stop();
    // Nothing listens on its port any more; without an offline queue, commands fail at once.
    const downClient = new Redis(down.url, { enableOfflineQueue: false, retryStrategy: () => null });
    downClient.on('error', () => undefined);
    const transport = new MemoryTransport();
    const mailer = createMailer(
      { host: 'smtp.example.com', fromEmail: 'no-reply@acme.test' },
      { transport, rateLimit: { limit: 4, window: 60_000, store: createRedisRateLimitStore({ redis: downClient }) } },
    );
    const error = await failureOf(mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } }));
    await mailer.close();
    expect(error).toMatchObject({ code: 'Unavailable', retryable: true });
    expect(transport.messages).toHaveLength(0);
  });
});
