/**
 * The key `await using` calls to close a resource, also on Node 20 releases that lack
 * `Symbol.asyncDispose`.
 *
 * @module
 */

/**
 * `Symbol.asyncDispose`, or, where it is missing (Node 20 before 20.4), `Symbol.for('Symbol.asyncDispose')`:
 * the key esbuild's `await using` helper falls back on there. A class keyed on `Symbol.asyncDispose`
 * itself would get a method named `"undefined"` on those releases instead.
 */
export const asyncDispose: typeof Symbol.asyncDispose =
  Symbol.asyncDispose ?? (Symbol.for('Symbol.asyncDispose') as typeof Symbol.asyncDispose);
