/**
 * The options of {@link betterAuthEmails}. No runtime code lives here.
 *
 * @module
 */
import type { MailerError } from '../errors/mailer-error.js';
import type { UsageType } from '../types/usage-type.js';
import type { BetterAuthInvitationData } from './better-auth-callbacks.js';
import type { BetterAuthEmailHook } from './better-auth-usage-types.js';

/** One email the adapter is about to send, as the `locale` option sees it. */
export interface BetterAuthEmailContext {
  /** Which better-auth callback asked for it. */
  hook: BetterAuthEmailHook;
  /** The usage type it is sent with. */
  type: UsageType;
  /** The recipient. */
  to: string;
  /** The headers of the request that caused it, when better-auth passed them. */
  headers: Headers | undefined;
}

/** What {@link BetterAuthEmailsOptions.onError} learns about a send that failed. */
export interface BetterAuthSendFailure {
  /** Which better-auth callback asked for the email. */
  hook: BetterAuthEmailHook;
  /** The usage type it was sent with. */
  type: UsageType;
  /** The recipient. */
  to: string;
}

/** How {@link betterAuthEmails} sends. */
export interface BetterAuthEmailsOptions {
  /**
   * Builds the link of an invitation email: the page of your app that accepts the invitation
   * (better-auth makes no link for invitations, only the id `acceptInvitation` takes). Required
   * when you use the organization plugin's `sendInvitationEmail`.
   *
   * @example
   * ```ts
   * invitationLink: ({ id }) => `https://app.example.com/accept-invitation/${id}`
   * ```
   */
  invitationLink?: (invitation: BetterAuthInvitationData) => string;
  /**
   * Picks the locale of each email (`payload.locale`): a BCP 47 tag or an `Accept-Language` list.
   * Override it to use a language stored with the user (it may look it up: a promise is awaited).
   *
   * @default the request's `Accept-Language`, read by `localeFromHeaders`
   * @example
   * ```ts
   * locale: async ({ to, headers }) => (await db.languageOf(to)) ?? localeFromHeaders(headers)
   * ```
   */
  locale?: (email: BetterAuthEmailContext) => string | undefined | Promise<string | undefined>;
  /**
   * Called with the {@link index!MailerError} of every send that failed, before the callback rejects
   * with that same error. better-auth swallows the rejection of most email callbacks (it logs it and
   * answers the HTTP call as if the email went out), so this is where to alert, count or queue a
   * retry. An error `onError` throws is ignored: better-auth still receives the MailerError.
   */
  onError?: (error: MailerError, failure: BetterAuthSendFailure) => void | Promise<void>;
}
