/**
 * Rids a {@link MailerError} built by code the mailer does not own (a custom transport, a template
 * store, a rate-limit store) of secrets: in its message, hint, issues and every link of its cause.
 *
 * @module
 */
import { inspect } from 'node:util';
import { MailerError, isMailerError, type ConfigIssue } from './mailer-error.js';
import { summaryOf } from './summary-of.js';
import type { ErrorFacts } from './error-facts.js';
import { errorFacts } from './error-facts.js';
import type { Redactor } from './redact-secrets.js';

// How many links of a cause chain are kept when it has to be rebuilt: a cycle ends there too.
const MAX_CAUSES = 8;

// Everything a user could print: hidden fields, every level, whole strings and arrays.
const EVERYTHING = { depth: Infinity, showHidden: true, maxArrayLength: Infinity, maxStringLength: Infinity } as const;

/**
 * Returns `error` itself when nothing a user could print of it (its fields, its stack, its cause
 * chain, as `util.inspect` shows them at every depth) holds a secret. Otherwise returns a copy with
 * the same code and details whose message, hint and issues are redacted and whose causes are
 * rebuilt as plain errors (name, code, reply code and a redacted message; at most eight links): the
 * original objects are not kept, since any of their fields may hold what was found.
 *
 * @param error - The error to report.
 * @param redact - Removes the config's secrets (see `createRedactor`).
 * @returns `error`, or its redacted copy.
 */
export function redactMailerError(error: MailerError, redact: Redactor): MailerError {
  return holdsSecret(error, redact) ? rebuilt(error, redact, MAX_CAUSES) : error;
}

/**
 * The plain error kept as a `cause` in place of what was thrown: its name and codes, and `message`.
 *
 * @param facts - What was read from the thrown value.
 * @param message - Its message, already redacted.
 * @param cause - The next link of the chain, already rebuilt.
 * @returns A new Error that references nothing of the original.
 */
export function plainCause(facts: ErrorFacts, message: string, cause?: unknown): Error {
  return Object.assign(new Error(message, cause === undefined ? undefined : { cause }), {
    name: facts.name ?? 'Error',
    ...(facts.code === undefined ? {} : { code: facts.code }),
    ...(facts.originalCode === undefined ? {} : { originalCode: facts.originalCode }),
    ...(facts.responseCode === undefined ? {} : { responseCode: facts.responseCode }),
  });
}

function holdsSecret(error: MailerError, redact: Redactor): boolean {
  try {
    const shown = inspect(error, EVERYTHING);
    return redact(shown) !== shown;
  } catch {
    return true; // what cannot be read cannot be shown clean
  }
}

function rebuilt(error: MailerError, redact: Redactor, links: number): MailerError {
  const { code, issues, responseCode, attempts, hint, retryAfter } = error;
  return new MailerError(code, redact(summaryOf(error)), {
    issues: Array.isArray(issues) ? issues.map((issue: ConfigIssue) => redactedIssue(issue, redact)) : undefined,
    responseCode,
    attempts,
    hint: hint === undefined ? undefined : redact(String(hint)),
    retryAfter,
    cause: rebuiltCause(error.cause, redact, links),
  });
}

function redactedIssue(issue: ConfigIssue, redact: Redactor): ConfigIssue {
  return { path: redact(String(issue?.path)), message: redact(String(issue?.message)) };
}

function rebuiltCause(cause: unknown, redact: Redactor, links: number): unknown {
  if (cause === undefined || links === 0) return undefined;
  if (isMailerError(cause)) return rebuilt(cause, redact, links - 1);
  const facts = errorFacts(cause);
  const next = rebuiltCause(causeOf(cause), redact, links - 1);
  return plainCause({ ...facts, name: facts.name === undefined ? undefined : redact(facts.name) }, redact(facts.message), next);
}

function causeOf(value: unknown): unknown {
  try {
    return typeof value === 'object' && value !== null ? (value as { cause?: unknown }).cause : undefined;
  } catch {
    return undefined; // a getter that throws
  }
}
