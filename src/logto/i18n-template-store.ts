/**
 * Serves Logto's own email templates (Console > Branding > Email templates, by type and language)
 * to the mailer as a template store.
 *
 * @module
 */
import type { EmailTemplateDetails, GetI18nEmailTemplate, TemplateType } from '@logto/connector-kit';
import type { TemplateDefinition, TemplateStore } from '../types/template.js';
import type { UsageType } from '../types/usage-type.js';

/**
 * Wraps Logto's `getI18nEmailTemplate` as a {@link TemplateStore}. As with Logto's SMTP connector:
 *
 * - Logto answers for the language asked, else for the tenant's fallback language, so a store hit
 *   can be in the fallback language before the config's templates are tried;
 * - a lookup that throws counts as no template (the config's templates serve the send), where a
 *   store of your own would fail the send with `Unavailable`;
 * - a template without `contentType` is HTML.
 *
 * A `sendFrom` or `replyTo` holding Logto's `{{...}}` tags, which the SMTP connector filled from the
 * payload, is left out (the config's `fromEmail` and `replyTo` are used): auth-mailer sends
 * addresses as written, and an address with a tag in it would fail the send.
 *
 * @param getI18nEmailTemplate - What Logto passes the connector factory.
 * @returns The store.
 * @example
 * ```ts
 * const mailer = createMailer(config, { templateStore: i18nTemplateStore(getI18nEmailTemplate) });
 * ```
 */
export function i18nTemplateStore(getI18nEmailTemplate: GetI18nEmailTemplate): TemplateStore {
  return {
    async findTemplate(usageType: UsageType, locale: string | undefined): Promise<TemplateDefinition | undefined> {
      let details: EmailTemplateDetails | undefined;
      try {
        // Logto's TemplateType is a string enum; a type it does not know finds nothing.
        details = await getI18nEmailTemplate(usageType as TemplateType, locale);
      } catch {
        return undefined;
      }
      return details === undefined || details === null ? undefined : toTemplate(usageType, locale, details);
    },
  };
}

function toTemplate(usageType: UsageType, locale: string | undefined, details: EmailTemplateDetails): TemplateDefinition {
  const { subject, content, contentType, sendFrom, replyTo } = details;
  return {
    usageType,
    contentType: contentType ?? 'text/html',
    subject,
    content,
    ...(locale === undefined ? {} : { locale }),
    ...(isAddress(sendFrom) ? { sendFrom } : {}),
    ...(isAddress(replyTo) ? { replyTo } : {}),
  };
}

/** A value to keep: set, and without Logto's `{{...}}` tags. */
function isAddress(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '' && !value.includes('{{');
}
