/**
 * The better-auth adapter: the email callbacks better-auth and its plugins call, each sending one
 * message through a {@link Mailer} the user created.
 *
 * @module
 */
import { isMailerError, MailerError } from '../errors/mailer-error.js';
import type { MailSender } from '../types/mail-sender.js';
import { localeFromHeaders } from '../templates/locale-from-headers.js';
import type { TemplatePayload } from '../types/template.js';
import type { UsageType } from '../types/usage-type.js';
import type { BetterAuthEmails, BetterAuthEndpointContext, BetterAuthInvitationData } from './better-auth-callbacks.js';
import type { BetterAuthEmailsOptions } from './better-auth-emails-options.js';
import { BETTER_AUTH_USAGE_TYPES, EMAIL_OTP_USAGE_TYPES, type BetterAuthEmailHook, type EmailOtpType } from './better-auth-usage-types.js';

/** One email a callback asks for. */
interface EmailRequest {
  hook: BetterAuthEmailHook;
  type: string;
  to: string;
  /** The variables, or what computes them (a failure then counts as the send's). */
  payload: TemplatePayload | (() => TemplatePayload);
  headers: Headers | undefined;
}

/**
 * Makes the email callbacks of better-auth (1.x) and of its emailOTP, magicLink, organization and
 * twoFactor plugins, each sending through `mailer` with the usage type
 * {@link BETTER_AUTH_USAGE_TYPES} names, the link or code better-auth made, and the locale of the
 * request (its `Accept-Language`).
 *
 * Each callback resolves once the SMTP server accepted the message and rejects with the
 * {@link index!MailerError} when it was not. Whether better-auth waits for it is better-auth's
 * choice: with `advanced.backgroundTasks.handler` set, it answers the HTTP call at once and sends
 * in the background (the better-auth docs advise it, so that a request's duration does not tell
 * whether an account exists); without it, the call waits for the send. Either way better-auth
 * only logs a failed send, except the magic link's, which fails the call: use `onError` to see them.
 *
 * @param mailer - The mailer to send with (from `createMailer`); the adapter never closes it.
 * @param options - The invitation link, a locale override, a failure handler.
 * @returns The callbacks, grouped as better-auth's config and plugin options hold them.
 * @example
 * ```ts
 * const emails = betterAuthEmails(mailer, { invitationLink: ({ id }) => `https://app.example.com/invite/${id}` });
 * export const auth = betterAuth({
 *   emailAndPassword: { enabled: true, requireEmailVerification: true, ...emails.emailAndPassword },
 *   emailVerification: { sendOnSignUp: true, ...emails.emailVerification },
 *   plugins: [emailOTP(emails.emailOTP), magicLink(emails.magicLink), organization(emails.organization)],
 * });
 * ```
 */
export function betterAuthEmails(mailer: MailSender, options: BetterAuthEmailsOptions = {}): BetterAuthEmails {
  const { invitationLink, locale = ({ headers }) => localeFromHeaders(headers), onError } = options;

  const send = async ({ hook, type, to, payload, headers }: EmailRequest): Promise<void> => {
    try {
      const values = typeof payload === 'function' ? payload() : payload;
      const chosen = await locale({ hook, type, to, headers });
      await mailer.send({ to, type, payload: chosen === undefined ? values : { ...values, locale: chosen } });
    } catch (error) {
      if (isMailerError(error) && onError !== undefined) await reportQuietly(() => onError(error, { hook, type, to }));
      throw error;
    }
  };

  return {
    emailVerification: {
      sendVerificationEmail: ({ user, url }, request) =>
        send({ ...hookOf('emailVerification.sendVerificationEmail'), to: user.email, payload: { link: url }, headers: request?.headers }),
    },
    emailAndPassword: {
      sendResetPassword: ({ user, url }, request) =>
        send({ ...hookOf('emailAndPassword.sendResetPassword'), to: user.email, payload: { link: url }, headers: request?.headers }),
    },
    user: {
      changeEmail: {
        sendChangeEmailConfirmation: ({ user, url, newEmail }, request) =>
          send({
            ...hookOf('user.changeEmail.sendChangeEmailConfirmation'),
            to: user.email,
            payload: { link: url, newEmail },
            headers: request?.headers,
          }),
      },
    },
    emailOTP: {
      sendVerificationOTP: ({ email, otp, type }, ctx) =>
        send({ hook: 'emailOTP.sendVerificationOTP', type: otpUsageType(type), to: email, payload: { code: otp }, headers: headersOf(ctx) }),
    },
    magicLink: {
      sendMagicLink: ({ email, url }, ctx) =>
        send({ ...hookOf('magicLink.sendMagicLink'), to: email, payload: { link: url }, headers: headersOf(ctx) }),
    },
    organization: {
      sendInvitationEmail: (invitation, request) =>
        send({
          ...hookOf('organization.sendInvitationEmail'),
          to: invitation.email,
          payload: () => invitationPayload(invitation, invitationLink),
          headers: request?.headers,
        }),
    },
    twoFactor: {
      otpOptions: {
        sendOTP: ({ user, otp }, ctx) =>
          send({ ...hookOf('twoFactor.otpOptions.sendOTP'), to: user.email, payload: { code: otp }, headers: headersOf(ctx) }),
      },
    },
  };
}

/** The variables of an invitation email; its link comes from the user's `invitationLink`. */
function invitationPayload(invitation: BetterAuthInvitationData, invitationLink: BetterAuthEmailsOptions['invitationLink']): TemplatePayload {
  if (invitationLink === undefined) {
    throw new MailerError(
      'InvalidConfig',
      'Cannot send the invitation email: betterAuthEmails() has no `invitationLink` option, and better-auth makes no ' +
        'link for invitations. Pass one that builds the URL of your accept-invitation page from the invitation id.',
      { hint: 'betterAuthEmails(mailer, { invitationLink: ({ id }) => `https://app.example.com/accept-invitation/${id}` })' },
    );
  }
  const { user } = invitation.inviter;
  return { link: invitationLink(invitation), organizationName: invitation.organization.name, inviterName: user.name || user.email };
}

/**
 * The usage type of an emailOTP `type`: the table's, or, for a type a later better-auth adds, the
 * type itself, which the mailer resolves like any other (its aliases, else `Generic`, or refused
 * under `strictUsageTypes`) rather than failing the send for want of a type.
 */
function otpUsageType(type: string): UsageType {
  return Object.hasOwn(EMAIL_OTP_USAGE_TYPES, type) ? EMAIL_OTP_USAGE_TYPES[type as EmailOtpType] : type;
}

/** A callback's name and the usage type the table gives it. */
function hookOf<Hook extends keyof typeof BETTER_AUTH_USAGE_TYPES>(hook: Hook): { hook: Hook; type: (typeof BETTER_AUTH_USAGE_TYPES)[Hook] } {
  return { hook, type: BETTER_AUTH_USAGE_TYPES[hook] };
}

/** The request headers of a plugin's endpoint context: the Request's (`auth.handler`), else the given ones (`auth.api.*`). */
function headersOf(ctx: BetterAuthEndpointContext | undefined): Headers | undefined {
  return ctx?.request?.headers ?? ctx?.headers;
}

/** Runs the user's failure handler; its own failure must not replace the MailerError better-auth receives. */
async function reportQuietly(report: () => void | Promise<void>): Promise<void> {
  try {
    await report();
  } catch {
    // Ignored on purpose (documented on `onError`): the send's MailerError is what the caller sees.
  }
}
