/**
 * Turns `--var key=value` arguments into template variables.
 *
 * @module
 */
import { UsageError } from './usage-error.js';

const FORBIDDEN_KEY = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Builds template variables from `key=value` pairs. A dotted key nests (`organization.name=Acme`
 * gives `{ organization: { name: 'Acme' } }`, for templates that use `{{organization.name}}`);
 * values stay strings; a later pair for the same key wins.
 *
 * @param pairs - The `--var` values, in order.
 * @param command - The command's name, for the error's pointer to `--help`.
 * @returns The variables.
 * @throws {@link UsageError} for a pair without `=`, an empty key segment, or a key used both as
 *   a value and as a parent of nested keys.
 */
export function parseVariables(pairs: readonly string[], command: string): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`--var takes key=value, got ${JSON.stringify(pair)}`, command);
    const keys = pair.slice(0, equals).split('.');
    if (keys.some((key) => key === '' || FORBIDDEN_KEY.has(key))) {
      throw new UsageError(`--var has an invalid key in ${JSON.stringify(pair)}`, command);
    }
    const last = keys.pop() as string;
    let target = variables;
    for (const key of keys) {
      const next = target[key] ?? {};
      if (typeof next !== 'object') {
        throw new UsageError(`--var ${pair.slice(0, equals)}: ${key} is already set to a value`, command);
      }
      target[key] = next;
      target = next as Record<string, unknown>;
    }
    if (typeof target[last] === 'object') {
      throw new UsageError(`--var ${pair.slice(0, equals)}: ${last} already holds nested keys`, command);
    }
    target[last] = pair.slice(equals + 1);
  }
  return variables;
}
