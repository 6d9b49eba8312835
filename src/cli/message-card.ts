/**
 * One message as the CLI's pages show it: subject, headers, size, the HTML in a sandboxed frame
 * and the plain-text part. Everything from the message is escaped.
 *
 * @module
 */
import { escapeHtml } from '../render/escape-html.js';

/** What a card shows of one message. */
export interface MessageView {
  /** A label above the subject, such as `SignIn · ja`. */
  label: string;
  /** The subject. */
  subject: string;
  /** Header names and values, in order. */
  headers: ReadonlyArray<readonly [name: string, value: string]>;
  /** The HTML part. */
  html?: string;
  /** The plain-text part. */
  text?: string;
  /** The size of the MIME message, in bytes. */
  size: number;
}

/**
 * Writes the card of one message. The HTML part goes into `<iframe sandbox srcdoc>` without
 * `allow-scripts` or `allow-same-origin`: its scripts do not run and it cannot reach the page. The
 * HTML waits in `data-mail` until the page's script moves it into `srcdoc` as the frame nears the
 * viewport: the preview shows hundreds of messages, and a frame given its `srcdoc` at parse time
 * builds its document then (Chromium took 20 s to load the page with 351 of them).
 *
 * @param view - The message.
 * @returns The card's HTML.
 */
export function messageCard(view: MessageView): string {
  const headers = view.headers.map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join('');
  const html =
    view.html === undefined
      ? '<p class="none">No HTML part.</p>'
      : `<iframe class="mail" sandbox="" referrerpolicy="no-referrer" title="${escapeHtml(`HTML of ${view.subject}`)}" data-mail="${escapeHtml(view.html)}"></iframe>`;
  const text = view.text === undefined ? '<p class="none">No plain-text part.</p>' : `<pre class="text">${escapeHtml(view.text)}</pre>`;
  return (
    `<article class="message"><p class="label">${escapeHtml(view.label)}</p><h2 class="subject">${escapeHtml(view.subject)}</h2>` +
    `<p class="size">${formatSize(view.size)}</p><table class="headers">${headers}</table>` +
    `<div class="parts"><section><h3>HTML</h3>${html}</section><section><h3>Text</h3>${text}</section></div></article>`
  );
}

/**
 * Writes the card of a message that could not be rendered.
 *
 * @param label - Which message, such as `SignIn · ja`.
 * @param problem - Why it could not be rendered.
 * @returns The card's HTML.
 */
export function failureCard(label: string, problem: string): string {
  return `<article class="message failed"><p class="label">${escapeHtml(label)}</p><p class="problem">${escapeHtml(problem)}</p></article>`;
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)`;
}
