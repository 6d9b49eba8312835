/**
 * Ready-made templates for every known usage type, in English (the fallback) and Japanese.
 *
 * @module
 */
import type { TemplateDefinition } from '../../types/template.js';
import { buildTemplate } from './build-template.js';
import { englishCopy } from './english-copy.js';
import { japaneseCopy } from './japanese-copy.js';

/**
 * HTML templates, each with a hand-written plain-text part, for all nine known usage types: in
 * English without a locale (the fallback for every language) and in Japanese (`locale: 'ja'`).
 * They use `{{code}}`; `OrganizationInvitation` shows a button to `{{link}}` when the payload has a
 * link, with the code under it when given (a mail scanner may use the link up), and the code
 * otherwise; it names `{{organizationName}}` when given. No images, no tracking.
 *
 * @example
 * ```ts
 * import { createMailer, defaultTemplates } from 'auth-mailer';
 *
 * const mailer = createMailer({
 *   ...configWithoutTemplates,
 *   templates: [
 *     // Your own English SignIn template replaces the default one; the others stay.
 *     { usageType: 'SignIn', contentType: 'text/plain', subject: 'Your Acme code', content: 'Your code is {{code}}.' },
 *     ...defaultTemplates.filter((template) => template.usageType !== 'SignIn' || template.locale !== undefined),
 *   ],
 * });
 * ```
 */
export const defaultTemplates: readonly TemplateDefinition[] = Object.freeze(
  [englishCopy, japaneseCopy].flatMap((language) =>
    language.messages.map((message) => buildTemplate(language, message)),
  ),
);
