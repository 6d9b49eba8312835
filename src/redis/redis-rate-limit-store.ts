/**
 * The rate-limit store shared by every process: a sliding window log per key in Redis.
 *
 * @module
 */
import { createHash, randomUUID } from 'node:crypto';
import type { RateLimitDecision, RateLimitRule, RateLimitStore } from '../types/rate-limit.js';

// Drops the sends that left the window, counts, and records this one only when under the limit;
// reads Redis's clock, so processes with skewed clocks agree. Refused hits are not recorded.
const SLIDING_WINDOW = `
local key, window, limit = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, now, ARGV[3])
  if redis.call('PTTL', key) < window then redis.call('PEXPIRE', key, window) end
  return {1, 0, limit - count - 1}
end
local oldest = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
return {0, math.max(1, tonumber(oldest[2]) + window - now), 0}
`;
const SLIDING_WINDOW_SHA = createHash('sha1').update(SLIDING_WINDOW).digest('hex');

/** The part of a Redis client (an ioredis `Redis` or `Cluster`) the store runs its script with. */
export interface RedisScriptClient {
  /** Runs a script Redis already holds, by its SHA-1. */
  evalsha(sha1: string, numberOfKeys: number, ...args: Array<string | number>): Promise<unknown>;
  /** Runs a script, sending its text. */
  eval(script: string, numberOfKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

/** How to create a {@link createRedisRateLimitStore | Redis rate-limit store}. */
export interface RedisRateLimitStoreOptions {
  /** The client to run the script on, such as `new Redis(process.env.REDIS_URL)` from ioredis. */
  redis: RedisScriptClient;
  /** Put before every key. @default 'auth-mailer:rate:' */
  prefix?: string;
}

/**
 * Creates a {@link RateLimitStore} in Redis, so every process and instance counts against the same
 * limit. Each `hit` is one Lua script (a sorted set of send times per key), so concurrent hits from
 * any number of processes never let more than `limit` sends through within any `window`. Keys
 * expire with their window. Needs Redis 5 or later.
 *
 * @param options - The client and a key prefix.
 * @returns The store.
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { createRedisRateLimitStore } from 'auth-mailer/redis';
 *
 * const store = createRedisRateLimitStore({ redis: new Redis(process.env.REDIS_URL!) });
 * const mailer = createMailer(config, { rateLimit: { limit: 5, window: 15 * 60_000, foldSubaddresses: true, store } });
 * ```
 */
export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RateLimitStore {
  const { redis, prefix = 'auth-mailer:rate:' } = options;
  return {
    async hit(key: string, { limit, window }: Readonly<RateLimitRule>): Promise<RateLimitDecision> {
      const args = [prefix + key, window, limit, randomUUID()];
      let reply: unknown;
      try {
        reply = await redis.evalsha(SLIDING_WINDOW_SHA, 1, ...args);
      } catch (error) {
        // First use on this server (or after a SCRIPT FLUSH): send the script itself.
        if (!String((error as Error | undefined)?.message).startsWith('NOSCRIPT')) throw error;
        reply = await redis.eval(SLIDING_WINDOW, 1, ...args);
      }
      const [allowed, retryAfter, remaining] = reply as [number, number, number];
      return { allowed: allowed === 1, retryAfter, remaining };
    },
  };
}
