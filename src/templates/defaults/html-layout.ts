/**
 * The HTML body of a default template: one narrow column of text, no images, no tables, the code as
 * large selectable monospace text. Built for the inbox: `lang` and `dir` on `<html>` and `<body>`,
 * a hidden preview text first, light colours inline and dark ones for clients that ask for them.
 *
 * @module
 */
// The copy is escaped with the renderer's escapeHtml: mustache tags (`{{/name}}`) hold none of the
// characters it escapes, so they pass through unchanged.
import { escapeHtml } from '../../render/escape-html.js';
import { DARK_SCHEME, LIGHT_SCHEME, type ColorScheme } from './color-schemes.js';
import type { Block } from './template-copy.js';

/** The language and direction of a document. */
export interface DocumentLanguage {
  /** The `lang` attribute. */
  lang: string;
  /** The `dir` attribute. */
  dir: 'ltr' | 'rtl';
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5";
const light = LIGHT_SCHEME;
const PAGE_STYLE = `margin:0;padding:0;background-color:${light.page};color:${light.text}`;
const COLUMN_STYLE = `max-width:520px;margin:0 auto;padding:32px 24px;${FONT};background-color:${light.page};color:${light.text}`;
const CODE_STYLE =
  `margin:24px 0;padding:12px 16px;border:1px solid ${light.border};border-radius:6px;background-color:${light.codeBackground};` +
  `font-family:Menlo,Consolas,'Courier New',monospace;font-size:32px;font-weight:bold;letter-spacing:6px;color:${light.code}`;
const BUTTON_STYLE =
  `display:inline-block;padding:12px 20px;border-radius:6px;background-color:${light.buttonBackground};` +
  `color:${light.button};font-weight:bold;text-decoration:none`;
const MUTED_STYLE = `margin:0 0 16px;font-size:14px;color:${light.muted}`;
/** Hidden everywhere (Outlook included) but read by inbox lists as the preview text. */
const PREHEADER_STYLE = 'display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;font-size:1px;line-height:1px';

/** What the layout lays out. Text is plain text (escaped here) and may hold mustache tags. */
export interface LayoutContent {
  /** The heading and HTML title: the subject without a code. */
  subject: string;
  /** The hidden preview text inbox lists show after the subject; none when absent. */
  preheader?: string;
  /** The body: blocks, or HTML written by hand (mustache allowed), placed as it is. */
  body: readonly Block[] | string;
  /** The closing line, shown small below a rule; none when absent. */
  footer?: string;
}

/**
 * Builds the HTML document of one message.
 *
 * @param language - The document's `lang` and `dir`.
 * @param message - The heading, preview text, body and footer.
 * @returns A mustache template of a complete HTML document.
 */
export function htmlLayout(language: DocumentLanguage, message: LayoutContent): string {
  const title = escapeHtml(message.subject);
  const attributes = `lang="${escapeHtml(language.lang)}" dir="${language.dir}"`;
  return [
    '<!doctype html>',
    `<html ${attributes}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="supported-color-schemes" content="light dark">',
    `<title>${title}</title>`,
    `<style>${darkModeStyle(DARK_SCHEME)}</style>`,
    '</head>',
    `<body ${attributes} class="am-page" style="${PAGE_STYLE}">`,
    ...(message.preheader === undefined ? [] : [`<div class="am-preheader" style="${PREHEADER_STYLE}">${escapeHtml(message.preheader)}</div>`]),
    `<div class="am-page" style="${COLUMN_STYLE}">`,
    `<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3">${title}</h1>`,
    ...(typeof message.body === 'string' ? [message.body] : message.body.map(blockHtml)),
    ...(message.footer === undefined ? [] : footerHtml(message.footer)),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function footerHtml(footer: string): string[] {
  return [
    `<hr class="am-rule" style="margin:32px 0 16px;border:0;border-top:1px solid ${light.border}">`,
    `<p class="am-muted" style="${MUTED_STYLE}">${escapeHtml(footer)}</p>`,
  ];
}

/** The CSS that declares both schemes and recolours every element for dark mode. */
function darkModeStyle(dark: ColorScheme): string {
  return [
    ':root{color-scheme:light dark;supported-color-schemes:light dark}',
    '@media (prefers-color-scheme:dark){',
    `.am-page{background-color:${dark.page}!important;color:${dark.text}!important}`,
    `.am-code{background-color:${dark.codeBackground}!important;color:${dark.code}!important;border-color:${dark.border}!important}`,
    `.am-button{background-color:${dark.buttonBackground}!important;color:${dark.button}!important}`,
    `.am-muted{color:${dark.muted}!important}`,
    `.am-rule{border-top-color:${dark.border}!important}`,
    '}',
  ].join('\n');
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case 'code':
      return `<p class="am-code" style="${CODE_STYLE}">{{code}}</p>`;
    case 'link':
      return [
        `<p style="margin:24px 0"><a class="am-button" href="{{link}}" style="${BUTTON_STYLE}">${escapeHtml(block.label)}</a></p>`,
        `<p class="am-muted" dir="ltr" style="${MUTED_STYLE};word-break:break-all">{{link}}</p>`,
      ].join('\n');
    case 'choice': {
      const name = block.variable;
      const absent = block.absent ?? [];
      const absentHtml = absent.length === 0 ? [] : [`{{^${name}}}`, ...absent.map(blockHtml), `{{/${name}}}`];
      return [`{{#${name}}}`, ...block.present.map(blockHtml), `{{/${name}}}`, ...absentHtml].join('\n');
    }
  }
}
