/**
 * When a failed delivery is tried again, and how long to wait first.
 *
 * @module
 */
import type { RetryOptions } from '../types/mailer-options.js';

/** {@link RetryOptions} with every default applied. */
export type ResolvedRetryPolicy = Required<RetryOptions>;

const DEFAULT_RETRY_POLICY: ResolvedRetryPolicy = { attempts: 3, deadline: 30_000, baseDelay: 250, maxDelay: 4_000 };

/**
 * Applies the defaults to retry options the options schema has checked.
 *
 * @param options - The user's options, if any.
 * @returns The policy the send path runs on.
 */
export function resolveRetryPolicy(options: RetryOptions = {}): ResolvedRetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...stripUndefined(options) };
}

/**
 * The wait before attempt `attempt + 1`: exponential backoff with full jitter.
 *
 * @param attempt - The attempt that just failed, counting from 1.
 * @param policy - The retry policy.
 * @param random - A source of numbers in `[0, 1)`.
 * @returns Milliseconds to wait.
 */
export function backoffDelay(attempt: number, policy: ResolvedRetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelay, policy.baseDelay * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

function stripUndefined(options: RetryOptions): RetryOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
