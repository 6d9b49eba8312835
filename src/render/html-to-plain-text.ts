/**
 * Derives the plain-text alternative of an HTML email. The only importer of html-to-text, which it
 * loads on first need ({@link loadPlainTextConverter}), not when auth-mailer is imported: html-to-text
 * and its dependencies take longer to load than the rest of auth-mailer, and many mailers never need it.
 *
 * @module
 */
import { MailerError } from '../errors/mailer-error.js';

// `.am-preheader`: the hidden preview text of the built-in layout (and of templates built with
// layoutTemplate), which a reader never sees in the HTML either.
const NOT_SHOWN = ['head', 'script', 'style', 'img', '.am-preheader'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
/**
 * How deep html-to-text walks the element tree: its walk recurses once per level, and overflows
 * the stack after about 2,000 (fewer inside tables). Real emails nest a few dozen levels; a deeper
 * body (a list section that opens an element per item, a raw value) must not fail the send.
 */
const MAX_ELEMENT_DEPTH = 256;

let convert: ((html: string) => string) | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads html-to-text and builds the converter, once: later calls return the same promise (after a
 * failure, the next call tries again).
 *
 * - No word wrap: a wrapped line could split a link or a code, and quoted-printable keeps long
 *   lines safe on the wire anyway. It also makes the text independent of value lengths, which is
 *   what lets compileDerivedPlainText convert a template once.
 * - Headings keep their case: uppercasing would alter case-sensitive codes and names.
 * - Images are dropped (their URLs are noise in a text part); links read `label [url]`.
 * - What is nested more than 256 elements deep is written `...`, so any body converts.
 *
 * @returns A promise that resolves once {@link htmlToPlainText} can run.
 * @throws {MailerError} `Unavailable` (as a rejection) when html-to-text cannot be loaded.
 */
export function loadPlainTextConverter(): Promise<void> {
  loading ??= import('html-to-text').then(
    ({ compile }) => {
      convert = compile({
        wordwrap: false,
        limits: { maxDepth: MAX_ELEMENT_DEPTH },
        selectors: [
          ...NOT_SHOWN.map((selector) => ({ selector, format: 'skip' })),
          ...HEADINGS.map((selector) => ({ selector, options: { uppercase: false } })),
        ],
      });
    },
    (error: unknown) => {
      loading = undefined;
      throw new MailerError(
        'Unavailable',
        'Cannot load html-to-text, which writes the plain-text part of an HTML template without text. ' +
          "Reinstall auth-mailer's dependencies, or give the template a text.",
        { cause: error },
      );
    },
  );
  return loading;
}

/**
 * Converts an HTML body to readable plain text: blocks become paragraphs, lists get ` * `
 * bullets, links read `Reset password [https://example.com/reset]`, images, `<head>`, scripts
 * and styles are left out, and lines are not wrapped. Elements nested more than 256 deep become `...`.
 *
 * @param html - The rendered HTML body.
 * @returns Its plain-text version.
 * @throws {MailerError} `Unavailable` when called before {@link loadPlainTextConverter} has resolved.
 */
export function htmlToPlainText(html: string): string {
  if (convert === undefined) {
    throw new MailerError('Unavailable', 'The plain-text converter is not loaded: await loadPlainTextConverter() first.');
  }
  return convert(html);
}
