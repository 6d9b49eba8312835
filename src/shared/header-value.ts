/**
 * Keeps header values on one line: the guard against header injection.
 *
 * @module
 */

// C0 controls (CR and LF among them), DEL, C1 controls, and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_CHARACTER_RUNS = new RegExp(`${CONTROL_CHARACTER.source}+`, 'g');

/**
 * Returns `value` with every run of control characters (CR, LF, TAB, NUL, DEL, C1, U+2028/9)
 * replaced by one space, and the ends trimmed, so it can never start a new header line.
 *
 * @param value - A subject, address or custom header value.
 * @returns The value on one line.
 */
export function toHeaderValue(value: string): string {
  return value.replace(CONTROL_CHARACTER_RUNS, ' ').trim();
}

/**
 * Tells whether `value` holds a character that {@link toHeaderValue} would remove.
 *
 * @param value - The text to check.
 * @returns `true` when it holds a control character.
 */
export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}
