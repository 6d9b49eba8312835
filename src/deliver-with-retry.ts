/**
 * The one place where a send meets the retry policy: attempts, backoff, deadline and abort.
 *
 * @module
 */
import { classifyError, type ErrorContext } from './classify-error.js';
import { MailerError } from './errors.js';
import { backoffDelay, type ResolvedRetryPolicy } from './retry-policy.js';
import type { MailMessage, Transport, TransportResult } from './transport.js';

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
  /** How many attempts, how long to wait between them, and the overall deadline. */
  policy: ResolvedRetryPolicy;
  /** The caller's signal; aborting it stops the send. */
  signal?: AbortSignal;
  /** Names the operation and target in error messages. */
  context: Omit<ErrorContext, 'attempts'>;
}

/**
 * Delivers `message`, retrying retryable failures with exponential backoff and full jitter until
 * the policy's attempts or deadline run out.
 *
 * @param message - The rendered message.
 * @param options - Transport, policy, signal and error context.
 * @returns The transport's result and the attempt count.
 * @throws {@link MailerError} with `attempts` set, classified from the last failure.
 */
export async function deliverWithRetry(message: MailMessage, options: DeliveryOptions): Promise<Delivery> {
  const { transport, policy, signal: callerSignal, context } = options;
  const controller = new AbortController();
  const abortFromCaller = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) abortFromCaller();
  callerSignal?.addEventListener('abort', abortFromCaller, { once: true });
  const deadline = setTimeout(
    () => controller.abort(new MailerError('Unavailable', `${context.operation} gave up after ${policy.deadline} ms`)),
    policy.deadline,
  );
  deadline.unref?.();
  try {
    if (controller.signal.aborted) throw classifyError(controller.signal.reason, { ...context, attempts: 0 });
    for (let attempts = 1; ; attempts += 1) {
      let failure: MailerError;
      try {
        const result = await transport.send(message, { signal: controller.signal });
        return { result, attempts };
      } catch (error) {
        // An abort explains the failure better than the error the transport saw as a result of it.
        const reason = controller.signal.aborted ? controller.signal.reason : error;
        failure = classifyError(reason, { ...context, attempts });
      }
      if (!failure.retryable || attempts >= policy.attempts || controller.signal.aborted) throw failure;
      await sleep(backoffDelay(attempts, policy), controller.signal);
      // Aborted while waiting: the last failure is the most useful thing to report.
      if (controller.signal.aborted) throw failure;
    }
  } finally {
    clearTimeout(deadline);
    callerSignal?.removeEventListener('abort', abortFromCaller);
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
