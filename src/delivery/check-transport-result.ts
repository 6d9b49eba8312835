/**
 * Checks what a transport's `send` resolved with, so a transport that breaks the `Transport`
 * contract is a clear {@link MailerError}, never a `TypeError` nor a `SendResult` without its
 * `messageId`.
 *
 * @module
 */
import { kindOf } from '../shared/kind-of.js';
import { MailerError } from '../errors/mailer-error.js';
import type { TransportResult } from '../types/transport.js';

/**
 * Checks that `result` has the shape of a {@link TransportResult}.
 *
 * @param result - What the transport's `send` resolved with.
 * @param operation - What was being done, for the message: `send SignIn mail to a@example.com`.
 * @returns `result`, typed.
 * @throws {@link MailerError} `Rejected` when `result` is not an object with a string `messageId`, or
 *   when its `accepted`, `rejected` or `response` has the wrong type. It is not retryable: the
 *   transport reported success, so the message may have gone out.
 * @example
 * ```ts
 * const result = checkTransportResult(await transport.send(message, { signal }), 'send SignIn mail to ada@example.com');
 * ```
 */
export function checkTransportResult(result: unknown, operation: string): TransportResult {
  const problem = findResultProblem(result);
  if (problem === undefined) return result as TransportResult;
  throw new MailerError(
    'Rejected',
    `${operation}: the transport resolved with ${problem}. A transport's send must resolve with ` +
      '{ messageId: string; accepted?: string[]; rejected?: string[]; response?: string }, and throw to report a failure. ' +
      'Not retried: the message may have been sent.',
  );
}

function findResultProblem(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return kindOf(result);
  const { messageId, accepted, rejected, response } = result as Record<string, unknown>;
  if (typeof messageId !== 'string') return `a messageId that is ${kindOf(messageId)}`;
  if (!isStringList(accepted)) return `an accepted list that is ${kindOf(accepted)} or holds a non-string`;
  if (!isStringList(rejected)) return `a rejected list that is ${kindOf(rejected)} or holds a non-string`;
  if (response !== undefined && typeof response !== 'string') return `a response that is ${kindOf(response)}`;
  return undefined;
}

function isStringList(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}
