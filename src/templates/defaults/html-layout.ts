/**
 * The HTML body of a default template: one narrow column of text, inline styles only, no images,
 * no tables, the code as large selectable monospace text.
 *
 * @module
 */
import type { Block } from './template-copy.js';

const TEXT_STYLE =
  "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328";
const CODE_STYLE =
  "margin:24px 0;font-family:Menlo,Consolas,'Courier New',monospace;font-size:32px;font-weight:bold;letter-spacing:6px;color:#1f2328";
const BUTTON_STYLE =
  'display:inline-block;padding:12px 20px;border-radius:6px;background-color:#0b57d0;color:#ffffff;font-weight:bold;text-decoration:none';
const MUTED_STYLE = 'margin:0 0 16px;font-size:14px;color:#57606a';

/**
 * Builds the HTML document of one message.
 *
 * @param lang - The `lang` attribute of `<html>`.
 * @param subject - The subject template, used as title and heading.
 * @param body - The body blocks.
 * @param footer - The closing line, shown small.
 * @returns A mustache template of a complete HTML document.
 */
export function htmlLayout(lang: string, subject: string, body: readonly Block[], footer: string): string {
  const title = escapeHtml(subject);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '</head>',
    '<body style="margin:0;padding:0;background-color:#ffffff">',
    `<div style="max-width:520px;margin:0 auto;padding:32px 24px;${TEXT_STYLE}">`,
    `<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3">${title}</h1>`,
    ...body.map(blockHtml),
    '<hr style="margin:32px 0 16px;border:0;border-top:1px solid #d0d7de">',
    `<p style="${MUTED_STYLE}">${escapeHtml(footer)}</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case 'code':
      return `<p style="${CODE_STYLE}">{{code}}</p>`;
    case 'link':
      return [
        `<p style="margin:24px 0"><a href="{{link}}" style="${BUTTON_STYLE}">${escapeHtml(block.label)}</a></p>`,
        `<p style="${MUTED_STYLE};word-break:break-all">{{link}}</p>`,
        '{{#code}}',
        ...(block.codeLabel === undefined ? [] : [`<p style="margin:0 0 16px">${escapeHtml(block.codeLabel)}</p>`]),
        `<p style="${CODE_STYLE}">{{code}}</p>`,
        '{{/code}}',
      ].join('\n');
    case 'choice': {
      const name = block.variable;
      return [
        `{{#${name}}}`,
        ...block.present.map(blockHtml),
        `{{/${name}}}`,
        `{{^${name}}}`,
        ...block.absent.map(blockHtml),
        `{{/${name}}}`,
      ].join('\n');
    }
  }
}

// Mustache tags hold none of these characters, so they pass through unchanged.
function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
