/**
 * Turns the payload Logto hands `sendMessage` into the payload a template is rendered with.
 *
 * @module
 */
import type { TemplatePayload } from '../types/template.js';
import type { UsageType } from '../types/usage-type.js';

/**
 * The payload for one send: Logto's own, every key kept (`application`, `organization`, `user`,
 * `inviter` stay available to templates as `{{organization.name}}`), with:
 *
 * - `locale`: Logto's `locale`, else its `uiLocales` (`'fr-CA fr'`, best first) as a list;
 * - for `OrganizationInvitation`, which Logto sends with a `link` and no code: `code` filled with the
 *   link, so a template written for the SMTP connector's default (`... invitation code is {{code}}`)
 *   shows the link instead of failing with `MissingVariable`; and `organizationName` and
 *   `inviterName` from Logto's `organization.name` and `inviter.name` (or `inviter.username`).
 *
 * A key Logto already sends is never overwritten (but an empty `locale` counts as none).
 *
 * @param usageType - The usage type the message is sent as.
 * @param payload - `data.payload` of Logto's `sendMessage`.
 * @returns The template payload.
 */
export function toTemplatePayload(usageType: UsageType, payload: Readonly<Record<string, unknown>>): TemplatePayload {
  const result: Record<string, unknown> = { ...payload };
  const addMissing = (key: string, value: string | undefined): void => {
    if (value !== undefined && (result[key] === undefined || result[key] === null)) result[key] = value;
  };
  const locale = localeOf(payload);
  if (locale === undefined) delete result.locale;
  else result.locale = locale;
  if (usageType === 'OrganizationInvitation') {
    addMissing('code', typeof payload.link === 'string' ? payload.link : undefined);
    addMissing('organizationName', nameOf(payload.organization, 'name'));
    addMissing('inviterName', nameOf(payload.inviter, 'name') ?? nameOf(payload.inviter, 'username'));
  }
  return result;
}

function localeOf(payload: Readonly<Record<string, unknown>>): string | undefined {
  if (typeof payload.locale === 'string' && payload.locale.trim() !== '') return payload.locale;
  if (typeof payload.uiLocales !== 'string') return undefined;
  const tags = payload.uiLocales.trim().split(/\s+/).filter((tag) => tag !== '');
  return tags.length === 0 ? undefined : tags.join(',');
}

function nameOf(holder: unknown, key: string): string | undefined {
  if (typeof holder !== 'object' || holder === null) return undefined;
  const value = (holder as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
