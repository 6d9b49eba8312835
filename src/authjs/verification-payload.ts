/**
 * Turns Auth.js's verification request into the payload of a `MagicLink` send.
 *
 * @module
 */
import type { EmailProviderSendVerificationRequestParams } from '@auth/core/providers/email';
import { localeFromHeaders } from '../templates/locale-from-headers.js';
import type { TemplatePayload } from '../types/template.js';

/**
 * The template variables of one Auth.js verification request: `link` (Auth.js's `url`), `host`
 * (the link's host), `expiresInMinutes` (from `expires`, rounded, never negative) and `locale` (from
 * the request's `Accept-Language`; left out when it names no language). The raw `token` is not
 * passed on: it is already in the link, and a template has no other use for it.
 *
 * @param params - What Auth.js hands `sendVerificationRequest`.
 * @param now - The current time in milliseconds, for `expiresInMinutes`.
 * @returns The payload of the send.
 * @example
 * ```ts
 * verificationPayload({ url: 'https://app.example/auth/callback/email?token=...', expires, request, ...rest });
 * // { link: 'https://app.example/auth/callback/email?token=...', host: 'app.example', expiresInMinutes: 1440, locale: 'de-DE,de' }
 * ```
 */
export function verificationPayload(params: EmailProviderSendVerificationRequestParams, now = Date.now()): TemplatePayload {
  const locale = localeFromHeaders(params.request?.headers);
  return {
    link: params.url,
    host: new URL(params.url).host,
    expiresInMinutes: Math.max(0, Math.round((params.expires.getTime() - now) / 60_000)),
    ...(locale === undefined ? {} : { locale }),
  };
}
