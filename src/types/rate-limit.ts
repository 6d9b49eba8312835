/**
 * The contract between the mailer's per-recipient rate limit and the place its counts live.
 *
 * @module
 */
import type { UsageType } from './usage-type.js';

/** How many sends one key may make, and over how long. */
export interface RateLimitRule {
  /** The most sends allowed within any `window`. A whole number of at least 1. */
  limit: number;
  /** The length of the window, in milliseconds. A whole number of at least 1. */
  window: number;
}

/** A store's answer to one {@link RateLimitStore.hit}. */
export interface RateLimitDecision {
  /** Whether this send may go out. `true` means the hit was recorded against the key. */
  allowed: boolean;
  /**
   * When refused: milliseconds until a send for this key may be allowed again (at least 1).
   * When allowed: `0`.
   */
  retryAfter: number;
  /** How many more sends the key may make in the current window, when the store knows. */
  remaining?: number;
}

/**
 * Where the rate limit keeps its counts. The default is an in-memory store
 * ({@link createMemoryRateLimitStore}), which counts per process; back it with Redis or a database
 * to share the limit between instances.
 *
 * `hit` must check and record in one atomic step, or two concurrent sends may both be let through
 * past the limit (in Redis, one Lua script: `createRedisRateLimitStore` from `auth-mailer/redis`
 * does exactly that). A refused hit must not delay the moment the key may send again, or a flood
 * would lock the recipient out for as long as it lasts.
 *
 * A `hit` that throws or rejects makes the send reject with `Unavailable` (the error kept as its
 * `cause`, so keep secrets such as a Redis password out of it); nothing is sent.
 *
 * @example
 * ```ts
 * import { createRedisRateLimitStore } from 'auth-mailer/redis';
 *
 * const store: RateLimitStore = createRedisRateLimitStore({ redis: new Redis(process.env.REDIS_URL!) });
 * ```
 */
export interface RateLimitStore {
  /**
   * Counts one send against `key`, unless `key` already made `rule.limit` sends within the last
   * `rule.window` milliseconds.
   *
   * @param key - Identifies the recipient and usage type (`SignIn:ada@example.com` by default).
   * @param rule - The limit and window that apply to this key.
   * @returns Whether the send may go out, and if not, in how many milliseconds it may.
   */
  hit(key: string, rule: Readonly<RateLimitRule>): Promise<RateLimitDecision>;
}

/**
 * The per-recipient rate limit, the auth system's defence against code flooding: at most `limit`
 * sends per `window` milliseconds to one recipient for one usage type. Off unless given.
 *
 * @example
 * ```ts
 * createMailer(config, {
 *   rateLimit: {
 *     limit: 5,
 *     window: 15 * 60_000,
 *     perUsageType: { MfaVerification: { limit: 10, window: 15 * 60_000 } },
 *   },
 * });
 * ```
 */
export interface RateLimitOptions {
  /** The most sends to one recipient for one usage type within `window`. A whole number of at least 1. */
  limit: number;
  /** The window, in milliseconds. A whole number of at least 1. */
  window: number;
  /** Limits for particular usage types, replacing `limit` and `window` for them. */
  perUsageType?: Readonly<Partial<Record<UsageType, RateLimitRule>>>;
  /**
   * Where the counts live. Pass a shared store (Redis, a database) when several processes send.
   * @default a new memory store (`createMemoryRateLimitStore`), private to this mailer
   */
  store?: RateLimitStore;
  /**
   * Whether a subaddress counts as its mailbox: `ada+1@example.com` and `ada+2@example.com` as
   * `ada@example.com`, so a flood cannot dodge the limit by varying the `+tag`. Most providers
   * (Gmail, Outlook, Fastmail, iCloud) deliver `+tag` mail to the same inbox; turn it on unless
   * your users' provider gives `+` another meaning.
   * @default false
   */
  foldSubaddresses?: boolean;
  /**
   * Builds the store key for a send. Return the same key for several usage types to give them
   * one shared count.
   * @default `${usageType}:${address}`
   * @param address - The recipient's address, display name dropped, lowercased, domain in ASCII,
   *   `+tag` dropped with `foldSubaddresses`.
   * @param usageType - The usage type the send asked for.
   * @returns The key to count the send under.
   */
  key?: (address: string, usageType: UsageType) => string;
}
