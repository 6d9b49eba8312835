/**
 * The page `preview` and `dev` serve: message cards, a dark-mode and a phone-width toggle, and for
 * the inbox a script that fetches new messages. No external resources; its one script carries a
 * nonce.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { escapeHtml } from '../render/escape-html.js';
import type { LocalResponse } from './serve-local-page.js';

/** What the page shows. */
export interface MailPageOptions {
  /** The title and heading. */
  title: string;
  /** One line under the heading. */
  intro: string;
  /** The message cards' HTML. */
  cards: readonly string[];
  /** For the inbox: the path of the JSON list of new cards to poll (`{ total, cards }`, `?since=<count>`). */
  poll?: string;
}

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; padding: 16px; background: #f4f4f5; color: #18181b; }
header { position: sticky; top: 0; background: #f4f4f5; padding-bottom: 8px; }
h1 { font-size: 20px; margin: 0 0 4px; }
label { margin-right: 16px; }
.message { background: #fff; border: 1px solid #d4d4d8; border-radius: 8px; padding: 12px; margin: 12px 0; }
.label { margin: 0; color: #52525b; font-size: 12px; }
.subject { font-size: 16px; margin: 4px 0; }
.size, .none { color: #52525b; margin: 4px 0; }
.headers { border-collapse: collapse; font-size: 12px; margin: 8px 0; }
.headers th { text-align: left; padding-right: 12px; vertical-align: top; white-space: nowrap; }
.headers td { word-break: break-all; }
.parts { display: flex; gap: 12px; flex-wrap: wrap; }
.parts section { flex: 1 1 380px; min-width: 0; }
h3 { font-size: 13px; margin: 4px 0; }
iframe.mail { width: 100%; height: 480px; border: 1px solid #d4d4d8; background: #fff; color-scheme: light; }
body.dark iframe.mail { color-scheme: dark; background: #18181b; }
body.narrow iframe.mail { width: 375px; }
.text { white-space: pre-wrap; background: #fafafa; border: 1px solid #e4e4e7; padding: 8px; margin: 0; max-height: 480px; overflow: auto; }
.failed .problem { color: #b91c1c; }
`;

// A page cannot make a frame's prefers-color-scheme dark, so the dark view rewrites the
// message's own dark-mode media queries to always apply (and its light-only ones never).
// A frame gets its HTML (kept in data-mail) only as it nears the viewport, and a toggle redraws
// only the frames near it (the others on their way back): hundreds of frames built or redrawn at
// once would hold the page for many seconds.
const TOGGLES = `
const dark = document.getElementById('dark');
const narrow = document.getElementById('narrow');
const near = new Set();
const toDark = (html) => html
  .replace(/\\(\\s*prefers-color-scheme\\s*:\\s*dark\\s*\\)/gi, '(min-width: 0px)')
  .replace(/\\(\\s*prefers-color-scheme\\s*:\\s*light\\s*\\)/gi, '(max-width: 0px)');
const showScheme = (frame) => {
  const html = dark.checked ? toDark(frame.dataset.mail) : frame.dataset.mail;
  if (frame.srcdoc !== html) frame.srcdoc = html;
};
const watcher = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) {
      near.delete(entry.target);
      continue;
    }
    near.add(entry.target);
    showScheme(entry.target);
  }
}, { rootMargin: '1000px 0px' });
const watchFrames = () => {
  for (const frame of document.querySelectorAll('iframe.mail:not([data-watched])')) {
    frame.dataset.watched = '';
    watcher.observe(frame);
  }
};
const apply = () => {
  document.body.classList.toggle('dark', dark.checked);
  document.body.classList.toggle('narrow', narrow.checked);
  for (const frame of near) showScheme(frame);
};
dark.addEventListener('change', apply);
narrow.addEventListener('change', apply);
watchFrames();
apply();
`;

function pollScript(path: string, known: number): string {
  return `
const list = document.getElementById('messages');
const count = document.getElementById('count');
let seen = ${known};
let polling = false;
const poll = async () => {
  if (polling) return;
  polling = true;
  try {
    const response = await fetch(${JSON.stringify(path)} + '?since=' + seen, { cache: 'no-store' });
    if (response.ok) {
      const { total, cards } = await response.json();
      if (cards.length > 0) {
        list.insertAdjacentHTML('beforeend', cards.join(''));
        watchFrames();
        apply();
      }
      seen = total;
      count.textContent = String(total);
    }
  } catch {
    // The server stopped; the next poll tries again.
  } finally {
    polling = false;
  }
};
setInterval(poll, 1000);
`;
}

/**
 * Writes the page, with a fresh script nonce and the Content-Security-Policy that goes with it:
 * nothing loads from elsewhere but the images of the messages themselves.
 *
 * @param options - What the page shows.
 * @returns The HTML response.
 */
export function mailPage(options: MailPageOptions): LocalResponse {
  const nonce = randomBytes(16).toString('base64');
  const script = TOGGLES + (options.poll === undefined ? '' : pollScript(options.poll, options.cards.length));
  const counter = options.poll === undefined ? `${options.cards.length}` : `<span id="count">${options.cards.length}</span>`;
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title><style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(options.title)}</h1><p>${escapeHtml(options.intro)} (${counter} messages)</p>
<label><input type="checkbox" id="dark"> dark mode</label><label><input type="checkbox" id="narrow"> phone width (375 px)</label></header>
<main id="messages">${options.cards.join('')}</main>
<script nonce="${nonce}">${script}</script></body></html>`;
  return {
    contentType: 'text/html; charset=utf-8',
    body,
    contentSecurityPolicy: `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data: https:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  };
}
