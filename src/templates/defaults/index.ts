/**
 * Ready-made templates for every known usage type, in twenty languages.
 *
 * @module
 */
import type { TemplateDefinition } from '../../types/template.js';
import { buildTemplates, type BuildOptions } from './build-template.js';
import { LANGUAGES } from './languages.js';
import { messagesOf } from './message-bodies.js';

function build(options: BuildOptions): readonly TemplateDefinition[] {
  return Object.freeze(LANGUAGES.flatMap((language) => messagesOf(language).flatMap((message) => buildTemplates(language, message, options))));
}

/**
 * HTML templates, each with a hand-written plain-text part, for all twelve known usage types: in
 * English without a locale (the fallback for every language) and in `ar`, `de`, `es`, `fr`, `he`,
 * `hi`, `id`, `it`, `ja`, `ko`, `nl`, `pl`, `pt-BR` (also for `pt`), `ru`, `sv`, `tr`, `vi`,
 * `zh-Hans` (also for `zh`, `zh-CN`, `zh-SG`) and `zh-Hant` (also for `zh-TW`, `zh-HK`, `zh-MO`).
 * They show `{{code}}` and, when the payload has a `link`, a button to it as well; `Register`,
 * `SignIn`, `ForgotPassword`, `Generic` and `BindNewIdentifier` also take a link alone.
 * `MagicLink`, `VerifyEmailLink` and `ResetPasswordLink` lead with a button to `{{link}}` and show
 * the code below it when the payload has one. `OrganizationInvitation` takes a link, a code or
 * both, and names `{{organizationName}}` and `{{inviterName}}` when given. Each has a hidden localized preview text, `lang` and `dir` on `<html>` and `<body>`, and
 * colours for light and dark mode. No images, no tracking.
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
export const defaultTemplates: readonly TemplateDefinition[] = build({});

let withCodeInSubject: readonly TemplateDefinition[] | undefined;

/**
 * The built-in templates a mailer falls back on.
 *
 * @param options - Whether each subject starts with the code (`codeInSubject`).
 * @returns {@link defaultTemplates}, or the same templates with the code in the subject (built once).
 */
export function builtInTemplates(options: BuildOptions): readonly TemplateDefinition[] {
  if (options.codeInSubject !== true) return defaultTemplates;
  return (withCodeInSubject ??= build(options));
}
