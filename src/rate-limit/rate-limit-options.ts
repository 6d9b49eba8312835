/**
 * The per-recipient rate limit with its defaults applied.
 *
 * @module
 */
import type { UsageType } from '../types/usage-type.js';
import { createMemoryRateLimitStore } from './memory-rate-limit-store.js';
import type { RateLimitOptions, RateLimitRule, RateLimitStore } from '../types/rate-limit.js';

/** {@link RateLimitOptions} checked, with the defaults applied. */
export interface ResolvedRateLimit {
  /** The rule for a usage type. */
  ruleFor(usageType: UsageType): RateLimitRule;
  /** Where the counts live. */
  store: RateLimitStore;
  /** Builds the store key for a send. */
  key: (address: string, usageType: UsageType) => string;
  /** Whether `ada+tag@` counts as `ada@`. */
  foldSubaddresses: boolean;
}

/**
 * Applies the defaults to rate-limit options the options schema has checked.
 *
 * @param options - What the user passed as `MailerOptions.rateLimit`.
 * @returns The rate limit the send path enforces.
 */
export function resolveRateLimit(options: RateLimitOptions): ResolvedRateLimit {
  const { limit, window, perUsageType = {} } = options;
  return {
    ruleFor: (usageType) => {
      const rule = Object.hasOwn(perUsageType, usageType) ? perUsageType[usageType] : undefined;
      return rule === undefined ? { limit, window } : { limit: rule.limit, window: rule.window };
    },
    store: options.store ?? createMemoryRateLimitStore(),
    key: options.key ?? ((address, usageType) => `${usageType}:${address}`),
    foldSubaddresses: options.foldSubaddresses === true,
  };
}
