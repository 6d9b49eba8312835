/**
 * Turns the copy of one message into template definitions.
 *
 * @module
 */
import type { TemplateDefinition } from '../../types/template.js';
import type { UsageType } from '../../types/usage-type.js';
import { htmlLayout, type DocumentLanguage, type LayoutContent } from './html-layout.js';
import type { LanguageCopy, MessageCopy } from './template-copy.js';
import { textLayout } from './text-layout.js';

/** How the built-in templates are written. */
export interface BuildOptions {
  /** Start the subject with the code, when the payload has one. @default false */
  codeInSubject?: boolean;
}

/**
 * Puts the code first in a subject, so a phone's notification shows it; a send without a code
 * (an invitation by link) keeps the plain subject.
 */
function subjectWithCode(subject: string): string {
  return `{{#code}}{{code}} – {{/code}}${subject}`;
}

/**
 * Builds the HTML templates, with their plain-text parts, of one message in one language: one for
 * the language's locale (none for the fallback) and one for each of its aliases.
 *
 * @param language - The language's locale, aliases, `lang` and `dir`.
 * @param message - The message's subject, preview text, body and footer.
 * @param options - Whether the subject carries the code.
 * @returns Frozen `text/html` template definitions.
 */
export function buildTemplates(language: LanguageCopy, message: MessageCopy, options: BuildOptions = {}): TemplateDefinition[] {
  const template = buildTemplateDefinition({ lang: language.lang, dir: language.dir ?? 'ltr' }, message);
  if (options.codeInSubject === true) template.subject = subjectWithCode(message.subject);
  const locales = language.locale === undefined ? [undefined] : [language.locale, ...(language.aliases ?? [])];
  return locales.map((locale) => Object.freeze(locale === undefined ? { ...template } : { ...template, locale }));
}

/**
 * Lays one message out as an HTML template with its plain-text part, without a locale.
 *
 * @param language - The document's `lang` and `dir`.
 * @param message - The usage type, heading, preview text, body and footer.
 * @param text - The plain-text part; by default written from the body's blocks, or left out for an
 *   HTML body (the renderer then derives it from the rendered HTML).
 * @returns A `text/html` template definition.
 */
export function buildTemplateDefinition(
  language: DocumentLanguage,
  message: LayoutContent & { usageType: UsageType },
  text?: string,
): TemplateDefinition {
  const { body } = message;
  const plainText = text ?? (typeof body === 'string' ? undefined : textLayout({ ...message, body }));
  return {
    usageType: message.usageType,
    contentType: 'text/html',
    subject: message.subject,
    content: htmlLayout(language, message),
    ...(plainText === undefined ? {} : { text: plainText }),
  };
}
