/**
 * The one error type the library reports, and its catalogue of codes.
 *
 * @module
 */

/**
 * Why a {@link MailerError} was raised. Each code has a fixed `retryable` value:
 * only `Unavailable` and `RateLimited` are worth trying again.
 */
export type MailerErrorCode =
  | 'InvalidConfig'
  | 'TemplateSyntax'
  | 'TemplateNotFound'
  | 'MissingVariable'
  | 'InvalidRecipient'
  | 'AuthFailed'
  | 'Rejected'
  | 'Unavailable'
  | 'RateLimited'
  | 'Closed';

const RETRYABLE_CODES: ReadonlySet<MailerErrorCode> = new Set(['Unavailable', 'RateLimited']);

/** One problem found in a config, located by its path (`templates[2].contentType`). */
export interface ConfigIssue {
  /** Where the problem is, as a property path: `port`, `auth.pass`, `templates[2].contentType`. */
  path: string;
  /** What is wrong there and what to do about it. */
  message: string;
}

/** The optional facts a {@link MailerError} may carry besides its code and message. */
export interface MailerErrorDetails {
  /** Every problem found, for `InvalidConfig`. */
  issues?: ConfigIssue[];
  /** The SMTP reply code the server answered with, when there was one. */
  responseCode?: number;
  /** How many delivery attempts were made before giving up. */
  attempts?: number;
  /** A likely fix for a classic mistake (wrong port/secure pair, TLS mismatch, ...). */
  hint?: string;
  /** For `RateLimited`: milliseconds until a send to this recipient may be tried again. */
  retryAfter?: number;
  /** The underlying error, when there is one. Never holds credentials. */
  cause?: unknown;
}

const BRAND = Symbol.for('auth-mailer.MailerError');

/**
 * Every failure the library reports. Match on {@link MailerError.code}, or ask
 * {@link MailerError.retryable} whether trying again can help.
 *
 * @example
 * ```ts
 * try {
 *   await mailer.send({ to, type: 'SignIn', payload: { code } });
 * } catch (error) {
 *   if (isMailerError(error) && error.retryable) queueForLater();
 *   else throw error;
 * }
 * ```
 */
export class MailerError extends Error {
  /** Always `'MailerError'`, so the name survives two copies of the package. */
  override readonly name = 'MailerError';
  /** Why the error was raised. */
  readonly code: MailerErrorCode;
  /** Whether the same request may succeed if tried again later. */
  readonly retryable: boolean;
  /** Every problem found, for `InvalidConfig`. */
  readonly issues?: ConfigIssue[];
  /** The SMTP reply code the server answered with, when there was one. */
  readonly responseCode?: number;
  /** How many delivery attempts were made. */
  readonly attempts?: number;
  /** A likely fix for a classic mistake. */
  readonly hint?: string;
  /** For `RateLimited`: milliseconds until a send may be tried again. */
  readonly retryAfter?: number;
  /**
   * What failed, on what, and what to do next: {@link MailerError.message} without the code and
   * hint it ends with. For displays that show the code and the hint apart (the CLI does). Not
   * enumerable, so a log of the error's fields does not repeat the message.
   */
  declare readonly summary: string;

  /**
   * @param code - Why the error is raised.
   * @param message - What failed, on what, and what to do next (the {@link MailerError.summary}).
   *   Must not hold secrets. `message` is this text followed by ` [code]` and, when there is a
   *   hint, ` Hint: <hint>`, so a logger that prints only `String(error)` or `error.message`
   *   still shows both.
   * @param details - Optional facts: issues, reply code, attempts, hint, cause.
   */
  constructor(code: MailerErrorCode, message: string, details: MailerErrorDetails = {}) {
    super(fullMessage(message, code, details.hint), details.cause === undefined ? undefined : { cause: details.cause });
    Object.defineProperty(this, 'summary', { value: message, enumerable: false });
    this.code = code;
    this.retryable = RETRYABLE_CODES.has(code);
    if (details.issues !== undefined) this.issues = details.issues;
    if (details.responseCode !== undefined) this.responseCode = details.responseCode;
    if (details.attempts !== undefined) this.attempts = details.attempts;
    if (details.hint !== undefined) this.hint = details.hint;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * A plain object for logs and JSON: code, message (the same as {@link MailerError.message}, code
   * and hint included) and the details that are set.
   */
  toJSON(): Record<string, unknown> {
    const { name, code, retryable, message, issues, responseCode, attempts, hint, retryAfter } = this;
    return Object.fromEntries(
      Object.entries({ name, code, retryable, message, issues, responseCode, attempts, hint, retryAfter }).filter(
        ([, value]) => value !== undefined,
      ),
    );
  }
}

/** The text a {@link MailerError}'s `message` holds: the summary, then `[code]` and the hint. */
function fullMessage(summary: string, code: MailerErrorCode, hint: string | undefined): string {
  return `${summary} [${code}]${hint === undefined ? '' : ` Hint: ${hint}`}`;
}

/**
 * Tells whether a value is a {@link MailerError}, also when it was created by another copy of
 * the package (an ESM and a CJS build loaded side by side).
 *
 * @param value - Anything caught.
 * @returns `true` when `value` is a MailerError from any copy of auth-mailer; never throws.
 */
export function isMailerError(value: unknown): value is MailerError {
  try {
    return (
      value instanceof MailerError ||
      (typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true)
    );
  } catch {
    // A proxy whose traps throw is not one of ours; a type guard must answer, not throw.
    return false;
  }
}
