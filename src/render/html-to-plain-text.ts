/**
 * Derives the plain-text alternative of an HTML email. The only importer of html-to-text.
 *
 * @module
 */
import { compile } from 'html-to-text';

const NOT_SHOWN = ['head', 'script', 'style', 'img'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/*
 * - No word wrap: a wrapped line could split a link or a code, and quoted-printable keeps long
 *   lines safe on the wire anyway. It also makes the text independent of value lengths, which is
 *   what lets compileDerivedPlainText convert a template once.
 * - Headings keep their case: uppercasing would alter case-sensitive codes and names.
 * - Images are dropped (their URLs are noise in a text part); links read `label [url]`.
 */
const convert = compile({
  wordwrap: false,
  selectors: [
    ...NOT_SHOWN.map((selector) => ({ selector, format: 'skip' })),
    ...HEADINGS.map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});

/**
 * Converts an HTML body to readable plain text: blocks become paragraphs, lists get ` * `
 * bullets, links read `Reset password [https://example.com/reset]`, images, `<head>`, scripts
 * and styles are left out, and lines are not wrapped.
 *
 * @param html - The rendered HTML body.
 * @returns Its plain-text version.
 */
export function htmlToPlainText(html: string): string {
  return convert(html);
}
