/**
 * Finds the {@link MailerError} behind an error Auth.js reports, for apps that catch what
 * next-auth's `signIn()` throws.
 *
 * @module
 */
import { isMailerError, type MailerError } from '../errors/mailer-error.js';

/**
 * The {@link MailerError} that made a sign-in email fail: `error` itself, or the `cause.err` of the
 * `EmailSignInError` the Auth.js adapter throws (Auth.js's convention for the underlying error).
 *
 * @param error - What was caught (any value).
 * @returns The MailerError, or `undefined` when the error did not come from a send.
 * @example
 * ```ts
 * try {
 *   await signIn('email', formData);
 * } catch (error) {
 *   const failure = mailerErrorOf(error);
 *   if (failure?.code === 'RateLimited') return { message: 'Too many emails: try again in a minute.' };
 *   throw error;
 * }
 * ```
 */
export function mailerErrorOf(error: unknown): MailerError | undefined {
  if (isMailerError(error)) return error;
  const cause = typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
  const inner = typeof cause === 'object' && cause !== null ? (cause as { err?: unknown }).err : undefined;
  return isMailerError(inner) ? inner : undefined;
}
