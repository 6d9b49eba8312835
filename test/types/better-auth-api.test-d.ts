import type { BetterAuthOptions } from 'better-auth';
import type { EmailOTPOptions, MagicLinkOptions, OrganizationOptions, OTPOptions } from 'better-auth/plugins';
import { describe, expectTypeOf, it } from 'vitest';
import { createMailer } from '../../src/index.js';
import { betterAuthEmails, type BetterAuthEmails } from '../../src/better-auth/index.js';

// The adapter's shapes are its own (no better-auth type in auth-mailer's typings): these check that
// each callback still fits the option better-auth 1.7 declares for it.
describe('auth-mailer/better-auth types', () => {
  type Options = Required<BetterAuthOptions>;
  const emails = betterAuthEmails(createMailer({ host: '127.0.0.1', fromEmail: 'a@example.com' }));

  it('fits better-auth\'s core options', () => {
    expectTypeOf(emails).toEqualTypeOf<BetterAuthEmails>();
    expectTypeOf(emails.emailVerification.sendVerificationEmail).toExtend<NonNullable<NonNullable<Options['emailVerification']>['sendVerificationEmail']>>();
    expectTypeOf(emails.emailAndPassword.sendResetPassword).toExtend<NonNullable<NonNullable<Options['emailAndPassword']>['sendResetPassword']>>();
    type ChangeEmail = NonNullable<NonNullable<Options['user']>['changeEmail']>;
    expectTypeOf(emails.user.changeEmail.sendChangeEmailConfirmation).toExtend<NonNullable<ChangeEmail['sendChangeEmailConfirmation']>>();
  });

  it('fits the options of the emailOTP, magicLink, organization and twoFactor plugins', () => {
    expectTypeOf(emails.emailOTP.sendVerificationOTP).toExtend<EmailOTPOptions['sendVerificationOTP']>();
    expectTypeOf(emails.magicLink.sendMagicLink).toExtend<MagicLinkOptions['sendMagicLink']>();
    expectTypeOf(emails.organization.sendInvitationEmail).toExtend<NonNullable<OrganizationOptions['sendInvitationEmail']>>();
    expectTypeOf(emails.twoFactor.otpOptions.sendOTP).toExtend<NonNullable<OTPOptions['sendOTP']>>();
  });

  it('takes any object with send, such as a Mailer', () => {
    betterAuthEmails({ send: async () => ({ messageId: 'm', accepted: [], rejected: [], attempts: 1 }) });
    // @ts-expect-error: a mailer must be able to send.
    betterAuthEmails({});
  });
});
