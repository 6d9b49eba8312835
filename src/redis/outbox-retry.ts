/**
 * How long the outbox waits before running a job again after a retryable failure.
 *
 * @module
 */
import type { MailerError } from '../errors/mailer-error.js';

/** The backoff's bounds, in milliseconds. */
export interface OutboxBackoff {
  /** The longest wait before the second run. */
  baseDelay: number;
  /** The cap on one wait (a longer `retryAfter` still wins). */
  maxDelay: number;
}

/**
 * The wait before the next run: exponential with jitter (drawn from the upper half of
 * `baseDelay × 2^(attempt-1)`, capped at `maxDelay`), or the error's `retryAfter` when that is longer.
 *
 * @param attempt - The run that just failed (1 for the first).
 * @param error - Its failure; `retryAfter` comes from a rate limit or the server.
 * @param backoff - The bounds.
 * @returns Whole milliseconds to wait.
 */
export function retryDelay(attempt: number, error: MailerError, backoff: OutboxBackoff): number {
  const ceiling = Math.min(backoff.maxDelay, backoff.baseDelay * 2 ** Math.min(attempt - 1, 30));
  const drawn = ceiling / 2 + Math.random() * (ceiling / 2);
  return Math.ceil(Math.max(drawn, error.retryAfter ?? 0));
}
