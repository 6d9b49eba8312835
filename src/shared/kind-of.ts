/**
 * Names the kind of a received value without repeating the value.
 *
 * @module
 */

/**
 * Names what kind of value was received, for messages that must not echo it (it may be a
 * password).
 *
 * @param input - Any received value.
 * @returns `a string`, `a number`, `an object`, `an array`, `null`, `nothing` and so on.
 */
export function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'an array';
  const type = typeof input;
  return type === 'object' ? 'an object' : `a ${type}`;
}
