/**
 * Turns whatever a transport threw into a {@link MailerError} with the contract's code, a message
 * that names the operation and its target, a hint for classic mistakes, and no secrets.
 *
 * @module
 */
import { MailerError, isMailerError, type MailerErrorCode } from './mailer-error.js';
import { summaryOf } from './summary-of.js';
import { toHeaderValue } from '../shared/header-value.js';
import { errorFacts, type ErrorFacts } from './error-facts.js';
import { maskAddresses } from './mask-addresses.js';
import { createRedactor, type Redactor } from './redact-secrets.js';
import { plainCause, redactMailerError } from './redact-mailer-error.js';

/** What was being done when the error happened, for the message, the hint and the redaction. */
export interface ErrorContext {
  /**
   * How many delivery attempts were made; set on the error unless it already says. A transport
   * leaves it out, so the mailer's retry loop can set the real count.
   */
  attempts?: number;
  /** What was being done, for the message: `send SignIn to a@example.com`, `verify`. */
  operation: string;
  /**
   * Where the operation went, named in the message (`smtp.example.com:587`). A transport names its
   * own target; the mailer knows none, since a transport of the caller's own may have no host.
   */
  target?: string;
  /**
   * Suggests a fix for a failure: a transport's knowledge of the classic mistakes made with it.
   * Not called for aborts.
   */
  hintFor?: (error: unknown) => string | undefined;
  /**
   * Secrets to remove from the message, hint, issues and cause (passwords, tokens, keys); see
   * `secretsOf`. Values named like credentials (`client_secret=...`) are removed even without them.
   */
  secrets?: readonly string[];
  /** The login user, to recognise SASL blobs built from a secret. Not itself a secret. */
  user?: string;
  /**
   * Set to mask email addresses (the mailer's `redactRecipients`): every address in the message,
   * issues and causes is masked (`a***@example.com`), and these forms of the recipient (with a
   * display name: `Ada <ada@example.com>`) are replaced whole, the operation's text included.
   */
  recipients?: readonly string[];
}

const AUTH_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2']);
const AUTH_REPLIES = new Set([530, 534, 535]);
const MAX_DETAIL_LENGTH = 500;

/**
 * Classifies a failure. A {@link MailerError} keeps its code and details (it only gains
 * `attempts` when it lacks them); it is returned as it is unless it holds a secret, whoever built
 * it: then as its redacted copy (see {@link redactMailerError}). Anything else is classified by SMTP reply code and nodemailer
 * or Node error code: a 4xx reply is `Unavailable`; a failed STARTTLS (`ETLS`), whatever its reply,
 * `Unavailable`; a 530/534/535 reply or a refused login (`EAUTH`, whatever its reply) `AuthFailed`;
 * another 5xx `Rejected`; `EENVELOPE` without a reply `InvalidRecipient`. Everything else, the
 * connection, DNS, TLS and timeout codes of nodemailer and Node among them, is `Unavailable`.
 *
 * An abort (an `AbortError` or `TimeoutError`, as a signal throws) is `Unavailable` with a message
 * saying so: the code's `retryable` is fixed, so a caller that aborted should not retry because of it.
 *
 * The message and the `cause` are rebuilt from the original with every secret in
 * `context.secrets`, and any `AUTH` command's credentials, removed; the original error object is
 * not kept, since nodemailer's may reference the command it sent. With `context.recipients`, every
 * email address in the error (message, hint, issues, causes) is masked too.
 *
 * @param error - What was thrown.
 * @param context - The operation, attempt count, target, secrets and whether to mask addresses.
 * @returns The classified error.
 * @example
 * ```ts
 * catch (error) {
 *   throw classifyError(error, { attempts: 1, operation: 'send SignIn to a@example.com', target: 'smtp.example.com:587' });
 * }
 * ```
 */
export function classifyError(error: unknown, context: ErrorContext): MailerError {
  const redactSecrets = createRedactor(context.secrets ?? [], context.user);
  const mask: Redactor = context.recipients === undefined ? (text) => text : maskAddresses(context.recipients);
  // Secrets first: masking an address inside a secret would leave the rest of the secret unmatched.
  const redact: Redactor = context.recipients === undefined ? redactSecrets : (text) => mask(redactSecrets(text));
  if (isMailerError(error)) {
    const clean = redactMailerError(error, redact);
    if (clean.attempts !== undefined || context.attempts === undefined) return clean;
    const { issues, responseCode, hint, retryAfter, cause } = clean;
    return new MailerError(clean.code, summaryOf(clean), {
      issues,
      responseCode,
      hint,
      retryAfter,
      cause,
      attempts: context.attempts,
    });
  }
  const facts = errorFacts(error);
  const detail = truncate(toHeaderValue(redact(facts.message)));
  const code = codeFor(facts);
  const aborted = isAbort(facts);
  const target = context.target === undefined ? '' : ` on ${context.target}`;
  const operation = mask(context.operation);
  const message = aborted
    ? `${operation}${target} was aborted${facts.name === 'TimeoutError' ? ' (timed out)' : ''}`
    : `${operation} failed${target}: ${detail || 'unknown error'}`;
  const cause = plainCause(facts, detail);
  const found = aborted ? undefined : context.hintFor?.(error);
  const hint = found === undefined ? undefined : mask(found);
  return new MailerError(code, message, {
    responseCode: facts.responseCode,
    attempts: context.attempts,
    // Hints are our own wording around host and port, never server text: redacting them would only
    // reveal a short password by the word it blanked out.
    hint,
    cause,
  });
}

function codeFor(facts: ErrorFacts): MailerErrorCode {
  if (isAbort(facts)) return 'Unavailable';
  const reply = facts.responseCode;
  if (reply !== undefined && reply >= 400 && reply < 500) return 'Unavailable';
  // A TLS setup failure, even a 5xx refusal of STARTTLS: it says nothing of the message, and a
  // STARTTLS stripped by the network between is gone on another path.
  if (facts.code === 'ETLS') return 'Unavailable';
  if (AUTH_CODES.has(facts.code ?? '') || (reply !== undefined && AUTH_REPLIES.has(reply))) return 'AuthFailed';
  if (reply !== undefined && reply >= 500) return 'Rejected';
  if (facts.code === 'EENVELOPE') return 'InvalidRecipient';
  if (facts.code === 'EMESSAGE') return 'Rejected';
  return 'Unavailable';
}

function isAbort(facts: ErrorFacts): boolean {
  return (
    facts.name === 'AbortError' || facts.name === 'TimeoutError' || facts.code === 'EABORT' || facts.code === 'ABORT_ERR'
  );
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}...` : text;
}
