/**
 * The error for a config or options object that cannot be read: a getter or proxy that throws.
 *
 * @module
 */
import { MailerError } from '../errors/mailer-error.js';

/**
 * The `InvalidConfig` error reported when reading the input threw, rather than the `TypeError`.
 *
 * @param action - What could not be done: `create the mailer`, `check the config`.
 * @param input - What was being read: `the config or options`, `the config`.
 * @param cause - What reading it threw.
 * @returns The error, with one issue at the root.
 */
export function unreadableInputError(action: string, input: string, cause: unknown): MailerError {
  return new MailerError('InvalidConfig', `Cannot ${action}: reading ${input} threw (see cause). Pass plain data.`, {
    issues: [{ path: '', message: `reading ${input} threw; pass plain data` }],
    cause,
  });
}
