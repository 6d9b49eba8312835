/**
 * How a long-running command (`preview`, `dev`) learns it should stop.
 *
 * @module
 */

/**
 * Resolves on the first SIGINT or SIGTERM, or when `signal` aborts; its listeners are removed then.
 *
 * @param signal - Stops the wait too (tests run the commands in-process).
 * @returns Resolves with what stopped the command.
 */
export function waitForStop(signal?: AbortSignal): Promise<'SIGINT' | 'SIGTERM' | 'abort'> {
  return new Promise((resolve) => {
    const stop = (reason: 'SIGINT' | 'SIGTERM' | 'abort'): void => {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onTerminate);
      signal?.removeEventListener('abort', onAbort);
      resolve(reason);
    };
    const onInterrupt = (): void => stop('SIGINT');
    const onTerminate = (): void => stop('SIGTERM');
    const onAbort = (): void => stop('abort');
    if (signal?.aborted === true) {
      resolve('abort');
      return;
    }
    process.once('SIGINT', onInterrupt);
    process.once('SIGTERM', onTerminate);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
