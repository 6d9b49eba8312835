/**
 * The English default templates: the fallback, used for any locale without its own.
 *
 * @module
 */
import { CODE, choice, codeBody, paragraph, variableOr, type LanguageCopy } from './template-copy.js';

const NOTICE = "This code expires soon. Don't share it with anyone.";
const ORGANIZATION = variableOr('organizationName', 'an organization');

/** The English copy. It has no locale, so it is the fallback for every language. */
export const englishCopy: LanguageCopy = {
  lang: 'en',
  footer: "If you didn't request this, you can ignore this email.",
  messages: [
    {
      usageType: 'Register',
      subject: 'Verify your email',
      body: codeBody('Enter this code to verify your email address and finish creating your account.', NOTICE),
    },
    {
      usageType: 'SignIn',
      subject: 'Your sign-in code',
      body: codeBody('Enter this code to sign in to your account.', NOTICE),
    },
    {
      usageType: 'ForgotPassword',
      subject: 'Reset your password',
      body: codeBody('Enter this code to reset the password of your account.', NOTICE),
    },
    {
      usageType: 'Generic',
      subject: 'Your verification code',
      body: codeBody('Enter this code to confirm your email address.', NOTICE),
    },
    {
      usageType: 'OrganizationInvitation',
      subject: `Invitation to join ${ORGANIZATION}`,
      body: [
        paragraph(`You have been invited to join ${ORGANIZATION}.`),
        choice(
          'link',
          [{ kind: 'link', label: 'Accept the invitation', codeLabel: 'Or enter this code to accept it:' }],
          [paragraph('Enter this code to accept the invitation.'), CODE, paragraph(NOTICE)],
        ),
      ],
      footer: "If you weren't expecting this invitation, you can ignore this email.",
    },
    {
      usageType: 'UserPermissionValidation',
      subject: "Confirm it's you",
      body: codeBody('Enter this code to confirm that it is you before changing your account settings.', NOTICE),
    },
    {
      usageType: 'BindNewIdentifier',
      subject: 'Verify your new email address',
      body: codeBody('Enter this code to add this email address to your account.', NOTICE),
    },
    {
      usageType: 'MfaVerification',
      subject: 'Your two-step verification code',
      body: codeBody('Enter this code to finish signing in to your account.', NOTICE),
    },
    {
      usageType: 'BindMfa',
      subject: 'Set up two-step verification',
      body: codeBody('Enter this code to use this email address for two-step verification.', NOTICE),
    },
  ],
};
