/**
 * The default confirm page: a small English HTML document with no script, no image and no
 * external resource, so opening it loads nothing else.
 *
 * @module
 */
import { escapeHtml } from '../render/escape-html.js';
import type { ConfirmView } from './confirm-view.js';

const BODY_STYLE =
  "margin:0;padding:48px 24px;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;background:#ffffff";
const BUTTON_STYLE =
  'padding:12px 20px;border:0;border-radius:6px;background:#0b57d0;color:#ffffff;font-size:16px;font-weight:bold;cursor:pointer';

/**
 * Renders the default page of a state: a heading, one sentence and, to confirm, a form whose only
 * control is a submit button.
 *
 * @param view - The state to show.
 * @returns A complete HTML document.
 */
export function renderConfirmPage(view: ConfirmView): string {
  switch (view.state) {
    case 'confirm':
      return page('Continue?', [
        '<p>You opened a link from an email. Nothing has happened yet: continue to use it.</p>',
        '<form method="post">',
        `<input type="hidden" name="${escapeHtml(view.form.field)}" value="${escapeHtml(view.form.token)}">`,
        `<button type="submit" style="${BUTTON_STYLE}">Continue</button>`,
        '</form>',
      ]);
    case 'invalid':
      return page('This link cannot be used', [
        '<p>It has expired or was already used. Enter the code from the email instead, or ask for a new email.</p>',
      ]);
    case 'cross-site':
      return page('Open the link from your email', [
        '<p>This request did not come from the confirmation page, so nothing was done. Open the link from your email again.</p>',
      ]);
  }
}

function page(title: string, body: readonly string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    `<body style="${BODY_STYLE}">`,
    '<main style="max-width:480px;margin:0 auto">',
    `<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${escapeHtml(title)}</h1>`,
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
