/**
 * The messages the default templates produce, rendered by the library's own renderer, for the tests
 * in this folder.
 */
import { defaultTemplates } from '../../../src/templates/defaults/index.js';
import { LANGUAGES } from '../../../src/templates/defaults/languages.js';
import { compileTemplate } from '../../../src/render/compile-template.js';
import type { TemplateDefinition, TemplatePayload } from '../../../src/types/template.js';

/** One rendered sample of one default template. */
export interface SampleMessage {
  name: string;
  template: TemplateDefinition;
  payload: TemplatePayload;
  subject: string;
  html: string;
  text: string;
}

/** The sample code: no other run of 4 to 8 digits may appear in a message that shows it. */
export const SAMPLE_CODE = '482913';
/** A link without digits, so that a digit run in a message can only be the code or the copy's. */
export const SAMPLE_LINK = 'https://example.com/confirm?token=kqzvwrtmxa&org=acme';

/**
 * Who invited, in the samples of a locale: a name with markup characters, so HTML shows it escaped
 * and text as written. Russian readers get a Cyrillic name, as most Russian invitations carry: a
 * Latin name beside the Latin organization and link tips SpamAssassin's MIXED_ES (Latin e's among
 * Cyrillic ones) to 1 point, whatever the copy says.
 *
 * @param locale - The template's locale.
 * @returns The inviter's name.
 */
export function sampleInviter(locale: string | undefined): string {
  return locale === 'ru' ? 'Анна <Павлова> & Co' : 'Ada <Lovelace> & Co';
}

const CODE_PAYLOAD: TemplatePayload = { code: SAMPLE_CODE };
const CODE_AND_LINK_PAYLOAD: TemplatePayload = { code: SAMPLE_CODE, link: SAMPLE_LINK };
const LINK_ALONE_PAYLOAD: TemplatePayload = { link: SAMPLE_LINK };
const LINK_PAYLOAD: TemplatePayload = { link: SAMPLE_LINK, organizationName: 'Acme & Co' };
const invitationPayloads = (locale: string | undefined): TemplatePayload[] => [
  LINK_PAYLOAD,
  { ...LINK_PAYLOAD, code: SAMPLE_CODE },
  CODE_PAYLOAD,
  { ...LINK_PAYLOAD, inviterName: sampleInviter(locale) },
];

/** The link-first usage types: a link, and the code too when the payload has one. */
export const LINK_TYPES: readonly string[] = ['MagicLink', 'VerifyEmailLink', 'ResetPasswordLink'];
/** The code usage types that also take a link alone (and then send a link message). */
export const CODE_OR_LINK_TYPES: readonly string[] = ['Register', 'SignIn', 'ForgotPassword', 'Generic', 'BindNewIdentifier'];

/** The templates of each language's own locale (none for English), without the aliases' copies. */
export const primaryTemplates: readonly TemplateDefinition[] = defaultTemplates.filter((template) =>
  LANGUAGES.some((language) => language.locale === template.locale),
);

/**
 * Payloads to render each template with: every combination of code and link it takes, and the
 * invitation also with who invited.
 */
export function samplePayloads(template: TemplateDefinition): TemplatePayload[] {
  if (template.usageType === 'OrganizationInvitation') return invitationPayloads(template.locale);
  if (LINK_TYPES.includes(template.usageType)) return [LINK_ALONE_PAYLOAD, CODE_AND_LINK_PAYLOAD];
  if (CODE_OR_LINK_TYPES.includes(template.usageType)) return [CODE_PAYLOAD, CODE_AND_LINK_PAYLOAD, LINK_ALONE_PAYLOAD];
  return [CODE_PAYLOAD, CODE_AND_LINK_PAYLOAD];
}

/** Renders one template as the mailer does. */
function renderSample(template: TemplateDefinition, payload: TemplatePayload): SampleMessage {
  const { subject, html, text } = compileTemplate(template).render(payload);
  const variant = [payload.code === undefined ? '' : 'code', payload.link === undefined ? '' : 'link', payload.inviterName === undefined ? '' : 'inviter']
    .filter(Boolean)
    .join(' and ');
  return {
    name: `${template.usageType} ${template.locale ?? 'en (fallback)'} by ${variant}`,
    template,
    payload,
    subject,
    html: html ?? '',
    text,
  };
}

/** Every message the default templates of each language produce with the sample payloads. */
export const sampleMessages: readonly SampleMessage[] = primaryTemplates.flatMap((template) =>
  samplePayloads(template).map((payload) => renderSample(template, payload)),
);
