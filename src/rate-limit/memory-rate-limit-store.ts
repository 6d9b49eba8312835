/**
 * The default rate-limit store: a sliding window log per key, in this process's memory.
 *
 * @module
 */
import type { RateLimitDecision, RateLimitRule, RateLimitStore } from '../types/rate-limit.js';

/** How to create a {@link createMemoryRateLimitStore | memory rate-limit store}. */
export interface MemoryRateLimitStoreOptions {
  /** The clock, in milliseconds (tests pass a fake one). @default Date.now */
  now?: () => number;
}

/** A {@link RateLimitStore} in memory, which tells how many keys it holds. */
export interface MemoryRateLimitStore extends RateLimitStore {
  /** How many keys the store holds: those hit within their window, and expired ones not yet swept. */
  readonly size: number;
}

/** The sends a key made within its window, oldest first, and the longest window it was hit with. */
interface Entry {
  times: number[];
  window: number;
}

/**
 * Creates a {@link RateLimitStore} that keeps its counts in memory, for one process.
 *
 * It is exact: a key never gets more than `limit` sends within any `window` milliseconds (a sliding
 * window log; refused hits are not recorded). Memory stays bounded without a timer: each key holds
 * at most `limit` timestamps, and keys whose window has passed are dropped as sends come in, so the
 * store holds only the recipients sent to within the last window. Nothing keeps the process alive.
 *
 * Each process counts on its own: with several instances behind a load balancer, use a shared
 * store (`createRedisRateLimitStore` from `auth-mailer/redis`).
 *
 * @param options - An optional clock.
 * @returns The store. Pass the same one to several mailers to make them share the limit.
 * @example
 * ```ts
 * const store = createMemoryRateLimitStore();
 * const mailer = createMailer(config, { rateLimit: { limit: 5, window: 15 * 60_000, store } });
 * ```
 */
export function createMemoryRateLimitStore(options: MemoryRateLimitStoreOptions = {}): MemoryRateLimitStore {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let nextSweep = -Infinity;

  // Drops every key whose last send is older than its window; runs at most once per shortest window seen.
  const sweep = (time: number, window: number): void => {
    if (time < nextSweep) return;
    for (const [key, entry] of entries) {
      if ((entry.times.at(-1) as number) <= time - entry.window) entries.delete(key);
    }
    nextSweep = time + window;
  };

  return {
    get size() {
      return entries.size;
    },
    async hit(key: string, rule: Readonly<RateLimitRule>): Promise<RateLimitDecision> {
      const { limit, window } = rule;
      const time = now();
      sweep(time, window);
      const previous = entries.get(key);
      const kept = Math.max(window, previous?.window ?? 0);
      const times = (previous?.times ?? []).filter((sent) => sent > time - kept);
      const recent = times.filter((sent) => sent > time - window);
      if (recent.length >= limit) {
        entries.set(key, { times, window: kept });
        return { allowed: false, retryAfter: Math.max(1, (recent[recent.length - limit] as number) + window - time) };
      }
      times.push(time);
      entries.set(key, { times, window: kept });
      return { allowed: true, retryAfter: 0, remaining: limit - recent.length - 1 };
    },
  };
}
