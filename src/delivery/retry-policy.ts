/**
 * When a failed delivery is tried again, and how long to wait first.
 *
 * @module
 */
import { type ConfigIssue, MailerError } from '../errors/mailer-error.js';

/** How the mailer retries transient failures (`Unavailable`): 4xx replies, lost connections, timeouts. */
export interface RetryOptions {
  /** The most delivery attempts per send, the first included. `1` turns retries off. @default 3 */
  attempts?: number;
  /** Milliseconds after the `send()` call (queue time included) after which a send gives up, whatever attempt it is on. @default 30000 */
  deadline?: number;
  /** The backoff before the second attempt is drawn from `[0, baseDelay]`, doubling each time. @default 250 */
  baseDelay?: number;
  /** The cap on one backoff, in milliseconds. @default 4000 */
  maxDelay?: number;
}

/** {@link RetryOptions} with every default applied. */
export type ResolvedRetryPolicy = Required<RetryOptions>;

const DEFAULT_RETRY_POLICY: ResolvedRetryPolicy = { attempts: 3, deadline: 30_000, baseDelay: 250, maxDelay: 4_000 };

const MINIMUM_VALUES: Record<keyof RetryOptions, number> = { attempts: 1, deadline: 1, baseDelay: 0, maxDelay: 0 };

/**
 * Applies the defaults to user retry options.
 *
 * @param options - The user's options, if any.
 * @returns The policy the send path runs on.
 * @throws {@link MailerError} `InvalidConfig` when a value is not a whole number in range.
 */
export function resolveRetryPolicy(options: RetryOptions = {}): ResolvedRetryPolicy {
  const issues: ConfigIssue[] = [];
  for (const [key, minimum] of Object.entries(MINIMUM_VALUES)) {
    const value = options[key as keyof RetryOptions];
    if (value !== undefined && !(Number.isInteger(value) && value >= minimum)) {
      issues.push({ path: `retry.${key}`, message: `must be a whole number of at least ${minimum}` });
    }
  }
  if (issues.length > 0) {
    throw new MailerError(
      'InvalidConfig',
      `Invalid retry options:\n${issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`,
      { issues },
    );
  }
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
