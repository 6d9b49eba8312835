/**
 * Which of our usage types each email better-auth asks for becomes: the one table of the adapter.
 *
 * @module
 */
import type { KnownUsageType } from '../types/usage-type.js';

/**
 * Each better-auth callback the adapter implements, named by its path in better-auth's config
 * (or in the options of the plugin that calls it), and the usage type it sends.
 *
 * | better-auth callback | usage type |
 * | --- | --- |
 * | `emailVerification.sendVerificationEmail` | `VerifyEmailLink` |
 * | `emailAndPassword.sendResetPassword` | `ResetPasswordLink` |
 * | `user.changeEmail.sendChangeEmailConfirmation` | `UserPermissionValidation` (to the current address) |
 * | `magicLink({ sendMagicLink })` | `MagicLink` |
 * | `organization({ sendInvitationEmail })` | `OrganizationInvitation` |
 * | `twoFactor({ otpOptions: { sendOTP } })` | `MfaVerification` |
 * | `emailOTP({ sendVerificationOTP })` | by its `type`: {@link EMAIL_OTP_USAGE_TYPES} |
 */
export const BETTER_AUTH_USAGE_TYPES = Object.freeze({
  /** The link that proves an address (after sign-up, on sign-in when unverified, to a new address). */
  'emailVerification.sendVerificationEmail': 'VerifyEmailLink',
  /** The link to the page that sets a new password. */
  'emailAndPassword.sendResetPassword': 'ResetPasswordLink',
  /** The link, sent to the current address, that approves changing it to `newEmail`. */
  'user.changeEmail.sendChangeEmailConfirmation': 'UserPermissionValidation',
  /** The link that signs in (and signs up an unknown address). */
  'magicLink.sendMagicLink': 'MagicLink',
  /** The invitation to join an organization, with the link `invitationLink` builds. */
  'organization.sendInvitationEmail': 'OrganizationInvitation',
  /** The code that completes a two-factor sign-in. */
  'twoFactor.otpOptions.sendOTP': 'MfaVerification',
} as const satisfies Record<string, KnownUsageType | 'VerifyEmailLink' | 'ResetPasswordLink' | 'MagicLink'>);

/**
 * The usage type of each code the emailOTP plugin sends, by the plugin's `type`:
 *
 * | emailOTP `type` | usage type | why |
 * | --- | --- | --- |
 * | `sign-in` | `SignIn` | a sign-in code (it also signs up an unknown address) |
 * | `email-verification` | `Register` | the code that proves an address, sent after sign-up |
 * | `forget-password` | `ForgotPassword` | the code that allows a new password |
 * | `change-email` | `BindNewIdentifier` | the code sent to the new address before it replaces the old |
 */
export const EMAIL_OTP_USAGE_TYPES = Object.freeze({
  /** A sign-in code (it also signs up an unknown address). */
  'sign-in': 'SignIn',
  /** The code that proves an address, as after sign-up. */
  'email-verification': 'Register',
  /** The code that allows a new password. */
  'forget-password': 'ForgotPassword',
  /** The code sent to the new address before it replaces the old one. */
  'change-email': 'BindNewIdentifier',
} as const satisfies Record<string, KnownUsageType>);

/** A better-auth email callback the adapter implements, by its config path (`magicLink.sendMagicLink`). */
export type BetterAuthEmailHook = keyof typeof BETTER_AUTH_USAGE_TYPES | 'emailOTP.sendVerificationOTP';

/** The `type` better-auth's emailOTP plugin passes to `sendVerificationOTP`. */
export type EmailOtpType = keyof typeof EMAIL_OTP_USAGE_TYPES;
