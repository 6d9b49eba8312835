/**
 * Reads what a {@link MailerError} says without its code and hint. A file of its own, not part of
 * mailer-error.ts: the side entries (auth-mailer/redis, /testing) take that file from the main
 * entry, which exports only the public API.
 *
 * @module
 */
import type { MailerError } from './mailer-error.js';

/**
 * What a {@link MailerError} says without its code and hint, also for one made by another copy of
 * the package that predates {@link MailerError.summary}.
 *
 * @param error - The error.
 * @returns Its summary, or its message when it has none.
 */
export function summaryOf(error: MailerError): string {
  const summary: unknown = error.summary;
  return typeof summary === 'string' ? summary : String(error.message);
}
