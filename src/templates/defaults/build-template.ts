/**
 * Turns the copy of one message into a template definition.
 *
 * @module
 */
import type { TemplateDefinition } from '../../types/template.js';
import { htmlLayout } from './html-layout.js';
import type { LanguageCopy, MessageCopy } from './template-copy.js';
import { textLayout } from './text-layout.js';

/**
 * Builds the HTML template, with its plain-text part, of one message in one language.
 *
 * @param language - The language's shared copy (locale, `lang`, footer).
 * @param message - The message's subject and body.
 * @returns A frozen `text/html` template definition.
 */
export function buildTemplate(language: LanguageCopy, message: MessageCopy): TemplateDefinition {
  const footer = message.footer ?? language.footer;
  return Object.freeze({
    usageType: message.usageType,
    contentType: 'text/html',
    ...(language.locale === undefined ? {} : { locale: language.locale }),
    subject: message.subject,
    content: htmlLayout(language.lang, message.subject, message.body, footer),
    text: textLayout(message.subject, message.body, footer),
  });
}
