/**
 * The English default templates: the fallback, used for any locale without its own.
 *
 * @module
 */
import type { LanguageCopy } from './template-copy.js';

/** The English copy. It has no locale, so it is the fallback for every language. */
export const englishCopy: LanguageCopy = {
  lang: 'en',
  subjects: {
    Register: 'Verify your email',
    SignIn: 'Your sign-in code',
    ForgotPassword: 'Reset your password',
    Generic: 'Your verification code',
    OrganizationInvitation: 'Invitation to join {organization}',
    UserPermissionValidation: "Confirm it's you",
    BindNewIdentifier: 'Verify your new email address',
    MfaVerification: 'Your two-step verification code',
    BindMfa: 'Set up two-step verification',
    MagicLink: 'Your sign-in link',
    VerifyEmailLink: 'Verify your email address',
    ResetPasswordLink: 'Reset your password',
  },
  purposes: {
    Register: 'Enter this code to verify your email address and finish creating your account.',
    SignIn: 'Enter this code to sign in to your account.',
    ForgotPassword: 'Enter this code to reset the password of your account.',
    Generic: 'Enter this code to confirm your email address.',
    OrganizationInvitation: 'Enter this code to accept the invitation.',
    UserPermissionValidation: 'Enter this code to confirm that it is you before changing your account settings.',
    BindNewIdentifier: 'Enter this code to add this email address to your account.',
    MfaVerification: 'Enter this code to finish signing in to your account.',
    BindMfa: 'Enter this code to use this email address for two-step verification.',
  },
  linkPurposes: {
    MagicLink: 'Open this link to sign in to your account.',
    VerifyEmailLink: 'Open this link to verify your email address.',
    ResetPasswordLink: 'Open this link to choose a new password for your account.',
  },
  linkLabels: {
    MagicLink: 'Sign in',
    VerifyEmailLink: 'Verify email address',
    ResetPasswordLink: 'Reset password',
  },
  notice: "This code expires soon. Don't share it with anyone.",
  linkNotice: "This link expires soon. Don't share it with anyone.",
  orLink: 'Or use this button instead:',
  linkLabel: 'Continue',
  invited: 'You have been invited to join {organization}.',
  invitedBy: '{inviter} invited you to join {organization}.',
  acceptLabel: 'Accept the invitation',
  orCode: 'Or enter this code:',
  organization: 'an organization',
  footer: "If you didn't request this, you can ignore this email.",
  invitationFooter: "If you weren't expecting this invitation, you can ignore this email.",
};
