/**
 * Checks `createMailer`'s options as the config is checked: every problem at once, by path.
 *
 * @module
 */
import { kindOf } from '../shared/kind-of.js';
import type { MailerOptions } from '../types/mailer-options.js';
import { checkAgainstSchema, invalidInput, type InvalidInputWording } from './check-against-schema.js';
import { buildMailerOptionsSchema } from './mailer-options-schema.js';

/** How an `InvalidConfig` error about the options is worded. */
export const OPTIONS_WORDING: InvalidInputWording = {
  subject: 'mailer options',
  root: 'options',
  fix: 'Fix the options listed above and create the mailer again.',
};

let schema: ReturnType<typeof buildMailerOptionsSchema> | undefined;

/**
 * Checks the mailer options: a misspelt key (`tranport`) is an issue suggesting the right one,
 * a `transport`, `templateStore` or `rateLimit.store` without the method the mailer calls is
 * refused, numbers must be whole and in range (`retry.deadline` at most 2^31-1 ms, the longest a
 * Node timer waits).
 *
 * @param input - The options as the caller passed them; `undefined` and `null` mean none.
 * @returns The options, with `null` for `transport` and `templateStore` read as absent. Objects
 *   with methods are the caller's own, untouched.
 * @throws {@link MailerError} `InvalidConfig` listing every problem in `issues`, paths such as
 *   `retry.deadline`, `rateLimit.perUsageType.SignIn.limit`, `transport`.
 */
export function parseMailerOptions(input: unknown): MailerOptions {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw invalidInput(OPTIONS_WORDING, [{ path: '', message: `must be an object of mailer options; got ${kindOf(input)}` }]);
  }
  const { transport, templateStore, ...options } = checkAgainstSchema((schema ??= buildMailerOptionsSchema()), input, OPTIONS_WORDING);
  return { ...options, transport: transport ?? undefined, templateStore: templateStore ?? undefined };
}
