/**
 * Memoizes a lazy import: the optional integrations load their engine on first use, once.
 *
 * @module
 */

/**
 * Wraps `load` so that it runs once and every caller shares its promise; a failed load is tried
 * again by the next call (the missing package may have been installed meanwhile, and a caller must
 * not be handed an old failure forever).
 *
 * @param load - Imports what is needed.
 * @returns A function resolving with what `load` resolved, loading on its first call.
 * @example
 * ```ts
 * export const loadEngine = loadOnce(() => importOptional(() => import('bullmq'), ['bullmq'], 'the outbox', 'runtime'));
 * ```
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (loading !== undefined) return loading;
    const current = load();
    loading = current;
    current.catch(() => {
      if (loading === current) loading = undefined;
    });
    return current;
  };
}
