/**
 * `layoutTemplate`: your own words in the built-in templates' look, as a template definition.
 *
 * @module
 */
import { MailerError, type ConfigIssue } from '../errors/mailer-error.js';
import type { TemplateDefinition } from '../types/template.js';
import type { UsageType } from '../types/usage-type.js';
import { buildTemplateDefinition } from './defaults/build-template.js';
import type { Block } from './defaults/template-copy.js';

/** The languages written right to left, by primary language subtag: `dir` follows them when not given. */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);
const BLOCK_KINDS = new Set(['paragraph', 'code', 'link', 'choice']);

/** What {@link layoutTemplate} lays out. Text fields are plain text and may hold mustache tags. */
export interface LayoutTemplateOptions {
  /** The kind of email the template serves. */
  usageType: UsageType;
  /** The BCP 47 tag the template is written in; absent for the fallback template. */
  locale?: string;
  /** The subject line, also the heading and the HTML title. */
  subject: string;
  /** The hidden preview text inbox lists show after the subject, usually the first sentence. */
  preheader?: string;
  /**
   * The body, below the heading: blocks (paragraphs, the code, a button to `{{link}}`, parts that
   * depend on a variable), or HTML you write yourself, mustache allowed, placed as it is.
   */
  body: string | readonly Block[];
  /**
   * The plain-text part. By default it is written from the blocks (heading, blocks, footer), or,
   * for an HTML body, derived from the rendered HTML as for any HTML template without `text`.
   */
  text?: string;
  /** The closing line, shown small below a rule (why the reader may ignore the email). */
  footer?: string;
  /** The HTML `lang` attribute. @default the locale, or `en` */
  lang?: string;
  /** The writing direction. @default `rtl` for Arabic, Hebrew, Persian, Urdu and the other right-to-left languages of `lang`, else `ltr` */
  dir?: 'ltr' | 'rtl';
  /** Overrides the config's `fromEmail` for this template. */
  sendFrom?: string;
  /** Overrides the config's `replyTo` for this template. */
  replyTo?: string;
}

/**
 * Builds an HTML template in the look of the built-in ones from your own words: the same narrow
 * column, heading, code box, button, footer rule, hidden preview text, `lang` and `dir` on
 * `<html>` and `<body>`, light and dark colours, and a hand-written plain-text part. Values are
 * HTML-escaped as in any HTML template; the subject, preview text, paragraphs and footer you pass
 * are plain text, escaped here, so `&` or `<` in them shows as written.
 *
 * @param options - The usage type and locale, the words, and optionally `lang`, `dir`, `text`,
 *   `sendFrom` and `replyTo`.
 * @returns A `text/html` template definition, for a config's `templates` or a template store.
 * @throws {@link index!MailerError} `InvalidConfig` naming each field that is missing or of the wrong kind.
 *
 * @example
 * ```ts
 * import { createMailer } from 'auth-mailer';
 * import { layoutTemplate } from 'auth-mailer/templates';
 *
 * const welcome = layoutTemplate({
 *   usageType: 'Welcome',
 *   subject: 'Welcome to {{appName}}',
 *   preheader: 'Your account is ready, {{name}}.',
 *   body: [
 *     { kind: 'paragraph', text: 'Your account is ready, {{name}}.' },
 *     { kind: 'link', label: 'Open the dashboard' },
 *   ],
 *   footer: 'You get this email because you created an account.',
 * });
 * const mailer = createMailer({ ...config, templates: [welcome] });
 * await mailer.send({ to, type: 'Welcome', payload: { appName: 'Acme', name: 'Ada', link } });
 * ```
 */
export function layoutTemplate(options: LayoutTemplateOptions): TemplateDefinition {
  checkOptions(options);
  const { usageType, locale, subject, preheader, body, text, footer, sendFrom, replyTo } = options;
  const lang = options.lang ?? locale ?? 'en';
  const dir = options.dir ?? (RIGHT_TO_LEFT.has(lang.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr');
  const content = { subject, body, ...(preheader === undefined ? {} : { preheader }), ...(footer === undefined ? {} : { footer }) };
  const definition = buildTemplateDefinition({ lang, dir }, { usageType, ...content }, text);
  return Object.fromEntries(
    Object.entries({ ...definition, locale, sendFrom, replyTo }).filter(([, value]) => value !== undefined),
  ) as unknown as TemplateDefinition;
}

function checkOptions(options: LayoutTemplateOptions): void {
  const issues: ConfigIssue[] = [];
  const given = (options ?? {}) as unknown as Record<string, unknown>;
  for (const field of ['usageType', 'subject'] as const) {
    if (typeof given[field] !== 'string' || given[field] === '') issues.push({ path: field, message: 'must be a non-empty string' });
  }
  for (const field of ['locale', 'preheader', 'text', 'footer', 'lang', 'sendFrom', 'replyTo'] as const) {
    if (given[field] !== undefined && typeof given[field] !== 'string') issues.push({ path: field, message: 'must be a string when given' });
  }
  if (given.dir !== undefined && given.dir !== 'ltr' && given.dir !== 'rtl') issues.push({ path: 'dir', message: "must be 'ltr' or 'rtl'" });
  if (typeof given.body === 'string') {
    if (given.body === '') issues.push({ path: 'body', message: 'must not be empty' });
  } else if (Array.isArray(given.body)) {
    checkBlocks(given.body as unknown[], 'body', issues);
  } else {
    issues.push({ path: 'body', message: 'must be HTML (a string) or an array of blocks' });
  }
  if (issues.length > 0) {
    throw new MailerError(
      'InvalidConfig',
      `layoutTemplate: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}.`,
      { issues },
    );
  }
}

function checkBlocks(blocks: readonly unknown[], path: string, issues: ConfigIssue[]): void {
  blocks.forEach((block, index) => {
    const at = `${path}[${index}]`;
    const { kind, text, label, variable, present, absent } = (block ?? {}) as Record<string, unknown>;
    if (typeof kind !== 'string' || !BLOCK_KINDS.has(kind)) {
      issues.push({ path: `${at}.kind`, message: "must be 'paragraph', 'code', 'link' or 'choice'" });
    } else if (kind === 'paragraph' && typeof text !== 'string') {
      issues.push({ path: `${at}.text`, message: 'must be a string' });
    } else if (kind === 'link' && typeof label !== 'string') {
      issues.push({ path: `${at}.label`, message: 'must be a string' });
    } else if (kind === 'choice') {
      if (typeof variable !== 'string' || !/^[\w.]+$/.test(variable)) {
        issues.push({ path: `${at}.variable`, message: 'must be a variable name (letters, digits, _ and .)' });
      }
      if (!Array.isArray(present)) issues.push({ path: `${at}.present`, message: 'must be an array of blocks' });
      else checkBlocks(present, `${at}.present`, issues);
      if (absent !== undefined && !Array.isArray(absent)) issues.push({ path: `${at}.absent`, message: 'must be an array of blocks when given' });
      else if (absent !== undefined) checkBlocks(absent as unknown[], `${at}.absent`, issues);
    }
  });
}
