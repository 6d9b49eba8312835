/**
 * Enforces the per-recipient rate limit before a send is handed to the transport.
 *
 * @module
 */
import { MailerError } from '../errors/mailer-error.js';
import type { UsageType } from '../types/usage-type.js';
import { rateLimitAddress } from './rate-limit-address.js';
import { resolveRateLimit } from './rate-limit-options.js';
import type { RateLimitDecision, RateLimitOptions, RateLimitRule } from '../types/rate-limit.js';

/**
 * Counts one send to `recipient` for `usageType`, or refuses it.
 *
 * @param recipient - The recipient as `parseRecipient` returned it.
 * @param usageType - The usage type the send asked for.
 * @returns Resolves when the send may go out.
 * @throws {@link MailerError} `RateLimited` with `retryAfter`, or `Unavailable` when the store failed.
 */
export type RateLimiter = (recipient: string, usageType: UsageType) => Promise<void>;

const UNITS: ReadonlyArray<readonly [number, string]> = [
  [3_600_000, 'h'],
  [60_000, 'min'],
  [1_000, 's'],
];

/**
 * Creates the check the mailer runs once per send, after the message rendered and before delivery.
 * It counts attempts per send (retries of one send are not counted again), and it fails closed: a
 * store that throws, rejects or answers without `allowed` makes the send reject with `Unavailable`.
 *
 * @param options - The user's rate-limit options.
 * @returns The check.
 * @throws {@link MailerError} `InvalidConfig` when the options are invalid.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { ruleFor, store, key, foldSubaddresses } = resolveRateLimit(options);
  return async (recipient, usageType) => {
    const address = rateLimitAddress(recipient, foldSubaddresses);
    const rule = ruleFor(usageType);
    const operation = `send ${usageType} mail to ${address}`;
    let decision: RateLimitDecision;
    try {
      decision = await store.hit(key(address, usageType), rule);
    } catch (error) {
      throw new MailerError(
        'Unavailable',
        `Could not check the rate limit to ${operation}: the rate-limit store or key function failed (see cause). Nothing was sent.`,
        { cause: error },
      );
    }
    if (decision?.allowed === true) return;
    if (decision?.allowed !== false) {
      throw new MailerError(
        'Unavailable',
        `Could not check the rate limit to ${operation}: the rate-limit store answered without a boolean \`allowed\`. Nothing was sent.`,
      );
    }
    const retryAfter = retryAfterOf(decision, rule);
    throw new MailerError(
      'RateLimited',
      `Refused to ${operation}: the rate limit of ${rule.limit} per ${formatDuration(rule.window)} for this recipient ` +
        `was reached. Nothing was sent; try again in ${formatDuration(retryAfter)} (retryAfter: ${retryAfter} ms).`,
      { retryAfter },
    );
  };
}

/** The store's `retryAfter` as whole milliseconds of at least 1, or the window when it gave none. */
function retryAfterOf(decision: RateLimitDecision, rule: RateLimitRule): number {
  const { retryAfter } = decision;
  return Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : rule.window;
}

/** `900000` as `15 min`, rounded up to the largest unit it reaches; under a second in `ms`. */
function formatDuration(milliseconds: number): string {
  const unit = UNITS.find(([size]) => milliseconds >= size);
  return unit === undefined ? `${milliseconds} ms` : `${Math.ceil(milliseconds / unit[0])} ${unit[1]}`;
}
