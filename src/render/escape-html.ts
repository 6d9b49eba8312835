/**
 * HTML escaping of template values: the five characters HTML needs escaped, and no more.
 *
 * @module
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
// Every escaped character's code is below this bound (the `>`'s is the highest).
const CODE_BOUND = '>'.charCodeAt(0) + 1;
// The escape of each char code below CODE_BOUND, undefined for those left as they are.
const ESCAPE_OF_CODE: ReadonlyArray<string | undefined> = Array.from(
  { length: CODE_BOUND },
  (_, code) => HTML_ESCAPES[String.fromCharCode(code)],
);
// Finds the first character to escape. The regex engine skips plain text several times faster than
// a charCodeAt loop, so it finds where escaping starts; `g` makes `test` leave lastIndex after it.
const FIRST_ESCAPED = /[&<>"']/g;

/**
 * Escapes `& < > " '`: enough for text and for an attribute in double or single quotes, where
 * these are the only characters that end it or start markup. `/`, `=` and the backtick stay as
 * they are (mustache escapes them too), so `href="{{link}}"` reads as the link, with `&` as
 * `&amp;`. Returns `value` itself when nothing needs escaping.
 *
 * @param value - Text to place in HTML content or a quoted attribute (never an unquoted one).
 * @returns The escaped text.
 */
export function escapeHtml(value: string): string {
  FIRST_ESCAPED.lastIndex = 0;
  if (!FIRST_ESCAPED.test(value)) return value;
  const first = FIRST_ESCAPED.lastIndex - 1;
  let output = value.slice(0, first);
  let copied = first;
  for (let index = first; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    const escape = code < CODE_BOUND ? ESCAPE_OF_CODE[code] : undefined;
    if (escape !== undefined) {
      output += value.slice(copied, index) + escape;
      copied = index + 1;
    }
  }
  return output + value.slice(copied);
}
