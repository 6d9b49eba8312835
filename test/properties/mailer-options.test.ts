import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMailer, isMailerError, type MailerError } from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/index.js';
import { logtoTemplates } from '../helpers/logto-config.js';
import { SEED, hostileString, payloadValue } from './arbitraries.js';

const CONFIG = { host: 'smtp.example.com', port: 587, fromEmail: 'no-reply@acme.test', templates: logtoTemplates() };
const OPTION_KEYS = ['transport', 'templateStore', 'useDefaultTemplates', 'retry', 'rateLimit', 'maxInFlight'];
const MAX_TIMER_DELAY = 2 ** 31 - 1;

/** Numbers around every bound the options have, and the ones JavaScript adds. */
const number = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(MAX_TIMER_DELAY, MAX_TIMER_DELAY + 1, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, 1.5, -0),
  fc.double(),
);
const anyValue = fc.oneof(payloadValue, fc.anything(), hostileString, number);
const retry = fc.dictionary(fc.constantFrom('attempts', 'deadline', 'baseDelay', 'maxDelay', 'deadlin'), fc.oneof(number, anyValue), { maxKeys: 4 });
const rateLimit = fc.dictionary(fc.constantFrom('limit', 'window', 'perUsageType', 'store', 'key', 'limt'), fc.oneof(number, anyValue), { maxKeys: 4 });

/** Options near the real ones: known keys, misspelt keys and hostile keys, with values of any kind. */
const options = fc.dictionary(
  fc.oneof(fc.constantFrom(...OPTION_KEYS, 'tranport', 'templatestore', 'maxInflight', '__proto__', 'constructor'), hostileString),
  fc.oneof(anyValue, retry, rateLimit, fc.constant(new MemoryTransport())),
  { maxKeys: 4 },
);

/** What createMailer did with the options: the mailer it made, or the MailerError it threw. */
function outcome(input: unknown): { accepted: true } | { accepted: false; error: MailerError } {
  try {
    createMailer(CONFIG, { transport: new MemoryTransport(), ...(input as object) });
    return { accepted: true };
  } catch (error) {
    if (!isMailerError(error)) throw error;
    return { accepted: false, error };
  }
}

describe('the mailer options, for any input', () => {
  it('are accepted, or refused with InvalidConfig whose every issue names a path', () => {
    fc.assert(
      fc.property(options, (input) => {
        const result = outcome(input);
        if (result.accepted) return;
        expect(result.error.code).toBe('InvalidConfig');
        expect(result.error.issues?.length).toBeGreaterThan(0);
        for (const issue of result.error.issues ?? []) expect(typeof issue.path).toBe('string');
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('never accept a key they do not know, nor a retry delay no timer can wait for', () => {
    fc.assert(
      fc.property(options, (input) => {
        if (!outcome(input).accepted) return;
        for (const key of Object.keys(input)) expect(OPTION_KEYS).toContain(key);
        const given = (input as { retry?: Record<string, unknown> }).retry;
        for (const key of ['deadline', 'baseDelay', 'maxDelay']) {
          const value = given?.[key];
          if (value !== undefined) expect(Number.isInteger(value) && (value as number) <= MAX_TIMER_DELAY).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});
