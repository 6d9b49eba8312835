/**
 * The one place where a send meets the retry policy: attempts, backoff and abort.
 *
 * @module
 */
import { checkTransportResult } from './check-transport-result.js';
import { classifyError, type ErrorContext } from '../errors/classify-error.js';
import { DeadlinePassed } from './deadline-sweeper.js';
import { MailerError } from '../errors/mailer-error.js';
import { backoffDelay, type ResolvedRetryPolicy } from './retry-policy.js';
import { settlesOnAbort } from '../shared/settles-on-abort.js';
import { untilAborted } from '../shared/until-aborted.js';
import type { MailMessage, Transport, TransportResult } from '../types/transport.js';

/** A delivered message and the number of attempts it took. */
export interface Delivery {
  /** What the transport reported for the attempt that succeeded. */
  result: TransportResult;
  /** How many attempts were made, the successful one included. */
  attempts: number;
}

/** What {@link deliverWithRetry} needs besides the message. */
export interface DeliveryOptions {
  /** The transport that delivers each attempt. */
  transport: Transport;
  /** How many attempts and how long to wait between them; `deadline` is named in the error. */
  policy: ResolvedRetryPolicy;
  /**
   * Aborting it stops the send; it is handed to every attempt. The mailer aborts it when the caller's
   * signal aborts, and with a {@link DeadlinePassed} reason when the send's deadline passes.
   * @default a signal that never aborts
   */
  signal?: AbortSignal;
  /** Names the operation and target in error messages. */
  context: Omit<ErrorContext, 'attempts'>;
  /**
   * When the send must be over, in `performance.now()` milliseconds: a failure whose `retryAfter`
   * reaches past it is reported at once instead of waited out.
   * @default no limit but the signal
   */
  deadline?: number;
}

const NEVER_ABORTED = new AbortController().signal;

/**
 * Delivers `message`, retrying retryable failures with exponential backoff and full jitter until
 * the policy's attempts run out or the signal aborts. A failure that carries `retryAfter` (a
 * `RateLimited` the transport threw, say) waits at least that long, and is reported at once when
 * that wait would pass the deadline. It arms no timer of its own: the deadline
 * is the signal's: the mailer's deadline sweeper aborts it. An attempt ends when the signal aborts
 * even if the transport ignores the signal (unless it carries the `SETTLES_ON_ABORT` mark,
 * which says it never does).
 *
 * @param message - The rendered message.
 * @param options - Transport, policy, signal and error context.
 * @returns The transport's result and the attempt count.
 * @throws {@link MailerError} with `attempts` set, classified from the last failure; `Unavailable`
 *   saying it gave up after `policy.deadline` ms when the signal aborted for the deadline; `Rejected`,
 *   not retried, when the transport resolved with something other than a {@link TransportResult}.
 */
export async function deliverWithRetry(message: MailMessage, options: DeliveryOptions): Promise<Delivery> {
  const { transport, policy, signal = NEVER_ABORTED, context, deadline = Number.POSITIVE_INFINITY } = options;
  const failure = (reason: unknown, attempts: number): MailerError =>
    classifyError(
      reason instanceof DeadlinePassed ? new MailerError('Unavailable', `${context.operation} gave up after ${policy.deadline} ms`) : reason,
      { ...context, attempts },
    );
  if (signal.aborted) throw failure(signal.reason, 0);
  // A transport that settles on abort by itself needs no race: one promise and listener fewer per attempt.
  const watched = !settlesOnAbort(transport);
  for (let attempts = 1; ; attempts += 1) {
    let last: MailerError;
    try {
      const sending = transport.send(message, { signal });
      const result: unknown = await (watched ? untilAborted<unknown>(sending, signal) : sending);
      return { result: checkTransportResult(result, context.operation), attempts };
    } catch (error) {
      // An abort explains the failure better than the error the transport saw as a result of it.
      last = failure(signal.aborted ? signal.reason : error, attempts);
    }
    if (!last.retryable || attempts >= policy.attempts || signal.aborted) throw last;
    // A transport that said when to come back (`retryAfter`) is not asked again sooner.
    const wait = Math.max(backoffDelay(attempts, policy), last.retryAfter ?? 0);
    if (performance.now() + wait >= deadline) throw last;
    await sleep(wait, signal);
    // Aborted while waiting: the last failure is the most useful thing to report.
    if (signal.aborted) throw last;
  }
}

function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (milliseconds <= 0 || signal.aborted) return resolve();
    const wake = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', wake);
      resolve();
    };
    const timer = setTimeout(wake, milliseconds);
    signal.addEventListener('abort', wake, { once: true });
  });
}
