/**
 * The valibot schema of `MailerOptions`: what `createMailer`'s second argument may hold.
 *
 * @module
 */
import * as v from 'valibot';

import type { RateLimitStore } from '../types/rate-limit.js';
import type { TemplateStore } from '../types/template.js';
import type { Transport } from '../types/transport.js';
import type { UsageType } from '../types/usage-type.js';
import { kindOf } from '../shared/kind-of.js';
import { mustBe } from './config-schema.js';

/** The longest delay a Node timer keeps: a longer one fires at once, again and again. */
const MAX_TIMER_DELAY = 2 ** 31 - 1;

/** What to add for a missing rate-limit field. */
const REQUIRED_RULE_FIELDS: Readonly<Record<string, string>> = {
  limit: 'the most sends per window, such as 5',
  window: 'the window in milliseconds, such as 900000',
};

/**
 * The message of an object that holds `{ limit, window }`: valibot reports a missing entry on the
 * object, so say there which field to add.
 */
const ruleObjectMessage =
  (what: string) =>
  (issue: v.BaseIssue<unknown>): string => {
    const key = issue.path?.at(-1)?.key;
    return typeof key === 'string' && issue.input === undefined && key in REQUIRED_RULE_FIELDS
      ? `is required; add ${REQUIRED_RULE_FIELDS[key]}`
      : mustBe(what)(issue);
  };

/** A whole number from `minimum` to `maximum`, with a message that says so. */
function wholeNumber(minimum: number, maximum: number, unit = '') {
  const range = maximum === Number.MAX_SAFE_INTEGER ? `of at least ${minimum}` : `from ${minimum} to ${maximum}`;
  const message = `must be a whole number ${range}${unit}`;
  return v.pipe(
    v.number(mustBe('a number')),
    v.check((value) => Number.isInteger(value) && value >= minimum && value <= maximum, message),
  );
}

const ANY_SIZE = Number.MAX_SAFE_INTEGER;

/** An object whose `method` is a function, passed through as it is (class instances keep their prototype). */
function withMethod<T>(method: string, what: string) {
  return v.custom<T>(
    (input) => typeof input === 'object' && input !== null && typeof (input as Record<string, unknown>)[method] === 'function',
    (issue) => `must be ${what}; got ${typeof issue.input === 'object' && issue.input !== null ? `an object without ${method}()` : kindOf(issue.input)}`,
  );
}

/** A usage type name: a non-empty string. */
function usageTypeName() {
  return v.pipe(
    v.string(mustBe('a usage type name such as `SignIn`')),
    v.check((value) => value.trim() !== '', 'is empty; give a usage type name such as `SignIn`'),
  );
}

/** `{ limit, window }`: the entries of a rate-limit rule, both required. */
const ruleEntries = () => ({ limit: wholeNumber(1, ANY_SIZE), window: wholeNumber(1, ANY_SIZE, ' (milliseconds)') });

/**
 * Builds the options schema. `transport`, `templateStore` and `rateLimit.store` are checked for
 * the method the mailer calls and passed through untouched; the plain-data options are closed
 * objects, so a misspelt key is an issue that suggests the right one.
 *
 * @returns The schema.
 */
export function buildMailerOptionsSchema() {
  const transport = withMethod<Transport>('send', 'an object with send(message, { signal })');
  const templateStore = withMethod<TemplateStore>('findTemplate', 'an object with findTemplate(usageType, locale)');
  const rateLimitStore = withMethod<RateLimitStore>('hit', 'an object with hit(key, rule)');
  return v.object(
    {
      transport: v.nullish(transport),
      templateStore: v.nullish(templateStore),
      useDefaultTemplates: v.optional(v.boolean(mustBe('`true` or `false`'))),
      codeInSubject: v.optional(v.boolean(mustBe('`true` or `false`'))),
      usageTypeAliases: v.optional(v.record(v.string(), usageTypeName(), mustBe('an object such as { "sign-in": "SignIn" }'))),
      customUsageTypes: v.optional(v.array(usageTypeName(), mustBe('an array of usage type names'))),
      strictUsageTypes: v.optional(v.boolean(mustBe('`true` or `false`'))),
      redactRecipients: v.optional(v.boolean(mustBe('`true` or `false`'))),
      retry: v.optional(
        v.object(
          {
            attempts: v.optional(wholeNumber(1, ANY_SIZE)),
            deadline: v.optional(wholeNumber(1, MAX_TIMER_DELAY, ' (milliseconds; a Node timer waits no longer)')),
            baseDelay: v.optional(wholeNumber(0, MAX_TIMER_DELAY, ' (milliseconds)')),
            maxDelay: v.optional(wholeNumber(0, MAX_TIMER_DELAY, ' (milliseconds)')),
          },
          mustBe('an object such as { attempts: 3, deadline: 30000 }'),
        ),
      ),
      rateLimit: v.optional(
        v.object(
          {
            ...ruleEntries(),
            perUsageType: v.optional(
              v.record(v.string(), v.object(ruleEntries(), ruleObjectMessage('an object { limit, window }')), mustBe('an object keyed by usage type')),
            ),
            store: v.optional(rateLimitStore),
            foldSubaddresses: v.optional(v.boolean(mustBe('`true` or `false`'))),
            key: v.optional(
              v.custom<(address: string, usageType: UsageType) => string>(
                (input) => typeof input === 'function',
                mustBe('a function (address, usageType) => string'),
              ),
            ),
          },
          ruleObjectMessage('an object such as { limit: 5, window: 900000 }'),
        ),
      ),
      maxInFlight: v.optional(wholeNumber(1, ANY_SIZE)),
    },
    mustBe('an object of mailer options'),
  );
}
