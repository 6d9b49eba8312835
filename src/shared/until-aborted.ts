/**
 * Bounds a wait on code the mailer does not control (a transport, a template store, a rate-limit
 * store) by an abort signal.
 *
 * @module
 */

/**
 * Settles as `work` does, or rejects with the signal's reason as soon as it aborts: a transport or
 * store that ignores the signal, or never answers, must not hold a send past its deadline or its
 * caller's abort. A later rejection of `work` is handled, never unhandled.
 *
 * @param work - The value or promise to wait for.
 * @param signal - Ends the wait when it aborts.
 * @returns `work`'s value.
 * @throws `signal.reason` when the signal aborts first; whatever `work` rejects with otherwise.
 * @example
 * ```ts
 * const result = await untilAborted(transport.send(message, { signal }), signal);
 * ```
 */
export function untilAborted<T>(work: T | Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    const settle = (): void => signal.removeEventListener('abort', abort);
    Promise.resolve(work).then(
      (value) => (settle(), resolve(value)),
      (error: unknown) => (settle(), reject(error)),
    );
  });
}
