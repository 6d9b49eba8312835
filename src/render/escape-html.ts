/**
 * HTML escaping with mustache's own table, so rendered HTML matches `Mustache.render` byte for byte.
 *
 * @module
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '/': '&#x2F;',
  '`': '&#x60;',
  '=': '&#x3D;',
};
const NEEDS_ESCAPING = /[&<>"'`=/]/;
const ESCAPED_CHARACTERS = /[&<>"'`=/]/g;

/**
 * Escapes `& < > " ' / \` =` the way mustache does; returns `value` itself when nothing needs escaping.
 *
 * @param value - Text to place in HTML content or a quoted attribute.
 * @returns The escaped text.
 */
export function escapeHtml(value: string): string {
  return NEEDS_ESCAPING.test(value)
    ? value.replace(ESCAPED_CHARACTERS, (character) => HTML_ESCAPES[character] ?? character)
    : value;
}
