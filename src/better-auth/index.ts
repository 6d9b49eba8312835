/**
 * `auth-mailer/better-auth`: the email callbacks of better-auth (verification and reset links, the
 * change-email confirmation) and of its emailOTP, magicLink, organization and twoFactor plugins,
 * sent through a {@link index!Mailer}. better-auth is an optional peer dependency; this entry loads
 * none of its code.
 *
 * @packageDocumentation
 */
export { betterAuthEmails } from './better-auth-emails.js';
export type { BetterAuthEmailsOptions, BetterAuthEmailContext, BetterAuthSendFailure } from './better-auth-emails-options.js';
export type {
  BetterAuthEmails,
  BetterAuthCoreEmails,
  BetterAuthPluginEmails,
  BetterAuthUser,
  BetterAuthEndpointContext,
  BetterAuthLinkData,
  BetterAuthChangeEmailData,
  BetterAuthMagicLinkData,
  BetterAuthEmailOtpData,
  BetterAuthTwoFactorOtpData,
  BetterAuthInvitationData,
} from './better-auth-callbacks.js';
export { BETTER_AUTH_USAGE_TYPES, EMAIL_OTP_USAGE_TYPES, type BetterAuthEmailHook, type EmailOtpType } from './better-auth-usage-types.js';
export { BETTER_AUTH_VARIABLES } from './better-auth-variables.js';
export type { FrameworkVariables } from '../types/framework-variables.js';
