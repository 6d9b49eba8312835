/**
 * Reads the facts that classify a thrown value, whatever threw it: nodemailer, Node's network
 * stack, an abort, or a user's transport.
 *
 * @module
 */

/** What {@link errorFacts} found on a thrown value; a fact is absent when the value lacks it. */
export interface ErrorFacts {
  /** The error's name (`AbortError`, `TimeoutError`, ...). */
  name?: string;
  /** The message, as thrown (not yet redacted). */
  message: string;
  /** nodemailer's code (`EAUTH`, `ESOCKET`, ...) or Node's (`ECONNREFUSED`, ...). */
  code?: string;
  /** The Node or OpenSSL code nodemailer replaced with its own (`ECONNREFUSED` under `ESOCKET`). */
  originalCode?: string;
  /** The SMTP reply code. */
  responseCode?: number;
  /** The server's reply line. */
  response?: string;
  /** The SMTP command that failed (`CONN`, `EHLO`, `AUTH PLAIN`, `RCPT TO`, ...). */
  command?: string;
  /** nodemailer's kind of timeout (`GREETING_TIMEOUT`, `CONNECTION_TIMEOUT`, `SOCKET_TIMEOUT`). */
  timeoutType?: string;
}

/**
 * Extracts the classifying facts from anything thrown. Never throws.
 *
 * @param error - The thrown value.
 * @returns Its facts; `message` is `String(error)` for a non-object.
 */
export function errorFacts(error: unknown): ErrorFacts {
  try {
    return readFacts(error);
  } catch {
    // A hostile value (a getter that throws, a proxy) still has to be classified.
    return { message: 'an error whose fields could not be read' };
  }
}

function readFacts(error: unknown): ErrorFacts {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const fields = error as Record<string, unknown>;
  const facts: ErrorFacts = { message: typeof fields.message === 'string' ? fields.message : '' };
  if (typeof fields.name === 'string') facts.name = fields.name;
  if (typeof fields.code === 'string') facts.code = fields.code;
  if (typeof fields.originalCode === 'string') facts.originalCode = fields.originalCode;
  const reply = fields.responseCode;
  const responseCode = typeof reply === 'number' || typeof reply === 'string' ? Number(reply) : Number.NaN;
  if (Number.isInteger(responseCode) && responseCode >= 200 && responseCode < 600) facts.responseCode = responseCode;
  if (typeof fields.response === 'string') facts.response = fields.response;
  if (typeof fields.command === 'string') facts.command = fields.command;
  if (typeof fields.timeoutType === 'string') facts.timeoutType = fields.timeoutType;
  return facts;
}
