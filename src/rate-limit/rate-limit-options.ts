/**
 * What a user writes to turn on the per-recipient rate limit, and its checked form.
 *
 * @module
 */
import { type ConfigIssue, MailerError } from '../errors/mailer-error.js';
import type { UsageType } from '../types/usage-type.js';
import { createMemoryRateLimitStore } from './memory-rate-limit-store.js';
import type { RateLimitRule, RateLimitStore } from './rate-limit-store.js';

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
   * @default a new {@link createMemoryRateLimitStore | memory store}, private to this mailer
   */
  store?: RateLimitStore;
  /**
   * Builds the store key for a send. Return the same key for several usage types to give them
   * one shared count, or fold subaddresses (`ada+1@` as `ada@`) where you know the provider does.
   * @default `${usageType}:${address}`
   * @param address - The recipient's address, display name dropped, lowercased, domain in ASCII.
   * @param usageType - The usage type the send asked for.
   * @returns The key to count the send under.
   */
  key?: (address: string, usageType: UsageType) => string;
}

/** {@link RateLimitOptions} checked, with the defaults applied. */
export interface ResolvedRateLimit {
  /** The rule for a usage type. */
  ruleFor(usageType: UsageType): RateLimitRule;
  /** Where the counts live. */
  store: RateLimitStore;
  /** Builds the store key for a send. */
  key: (address: string, usageType: UsageType) => string;
}

/**
 * Checks the rate-limit options and applies the defaults.
 *
 * @param options - What the user passed as `MailerOptions.rateLimit`.
 * @returns The rate limit the send path enforces.
 * @throws {@link MailerError} `InvalidConfig` naming each bad option by path (`rateLimit.window`).
 */
export function resolveRateLimit(options: RateLimitOptions): ResolvedRateLimit {
  const issues: ConfigIssue[] = [];
  if (typeof options !== 'object' || options === null) {
    issues.push({ path: 'rateLimit', message: 'must be an object such as { limit: 5, window: 900000 }' });
  } else {
    issues.push(...ruleIssues(options, 'rateLimit'));
    const { perUsageType, store, key } = options;
    if (perUsageType !== undefined && (typeof perUsageType !== 'object' || perUsageType === null)) {
      issues.push({ path: 'rateLimit.perUsageType', message: 'must be an object keyed by usage type' });
    }
    for (const [usageType, rule] of Object.entries(perUsageType ?? {})) {
      if (rule !== undefined) issues.push(...ruleIssues(rule, `rateLimit.perUsageType.${usageType}`));
    }
    if (store !== undefined && typeof store?.hit !== 'function') {
      issues.push({ path: 'rateLimit.store', message: 'must have a hit(key, rule) method' });
    }
    if (key !== undefined && typeof key !== 'function') {
      issues.push({ path: 'rateLimit.key', message: 'must be a function (address, usageType) => string' });
    }
  }
  if (issues.length > 0) {
    throw new MailerError(
      'InvalidConfig',
      `Invalid rate-limit options:\n${issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`,
      { issues },
    );
  }
  const { limit, window, perUsageType = {} } = options;
  return {
    ruleFor: (usageType) => {
      const rule = Object.hasOwn(perUsageType, usageType) ? perUsageType[usageType] : undefined;
      return rule === undefined ? { limit, window } : { limit: rule.limit, window: rule.window };
    },
    store: options.store ?? createMemoryRateLimitStore(),
    key: options.key ?? ((address, usageType) => `${usageType}:${address}`),
  };
}

function ruleIssues(rule: unknown, path: string): ConfigIssue[] {
  if (typeof rule !== 'object' || rule === null) return [{ path, message: 'must be an object { limit, window }' }];
  return (['limit', 'window'] as const).flatMap((name) => {
    const value = (rule as Partial<RateLimitRule>)[name];
    return Number.isInteger(value) && (value as number) >= 1
      ? []
      : [{ path: `${path}.${name}`, message: `must be a whole number of at least 1${name === 'window' ? ' (milliseconds)' : ''}` }];
  });
}
