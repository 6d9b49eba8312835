/**
 * The `sendVerificationRequest` of an Auth.js email provider, sending through a {@link Mailer}.
 *
 * @module
 */
import type { EmailProviderSendVerificationRequestParams } from '@auth/core/providers/email';
import { isMailerError } from '../errors/mailer-error.js';
import type { MailSender } from '../types/mail-sender.js';
import type { TemplatePayload } from '../types/template.js';
import type { UsageType } from '../types/usage-type.js';
import { AUTHJS_USAGE_TYPES } from './authjs-usage-types.js';
import { loadEmailSignInError } from './load-email-sign-in-error.js';
import { verificationPayload } from './verification-payload.js';

/** What Auth.js hands `sendVerificationRequest`: `identifier`, `url`, `expires`, `token`, `provider`, `theme`, `request`. */
export type AuthjsVerificationRequest = EmailProviderSendVerificationRequestParams;

/** The function Auth.js calls to send a sign-in link. */
export type AuthjsSendVerificationRequest = (params: AuthjsVerificationRequest) => Promise<void>;

/** How {@link sendVerificationRequest} sends. */
export interface AuthjsSendOptions {
  /** The usage type the sign-in link is sent as. @default 'MagicLink' */
  type?: UsageType;
  /**
   * More template variables, from the verification request (a brand name, `theme.brandColor`, the
   * user's saved language...). They are merged over the adapter's own (`link`, `host`,
   * `expiresInMinutes`, `locale`), so a `locale` here wins over the request's `Accept-Language`.
   */
  payload?: (params: AuthjsVerificationRequest) => TemplatePayload | Promise<TemplatePayload>;
}

/**
 * Makes the `sendVerificationRequest` of an Auth.js email provider: it sends Auth.js's sign-in link
 * to `identifier` through `mailer`, as a `MagicLink` (payload `link`, `host`, `expiresInMinutes`,
 * and `locale` from the request's `Accept-Language`). Use it in your own provider object; most apps
 * want {@link authjsEmailProvider}, which builds the whole provider.
 *
 * A failed send reaches Auth.js as its own `EmailSignInError`, with the {@link index!MailerError} as
 * `cause.err`: Auth.js logs it through its logger and sends the user back to the sign-in page with
 * `?error=Configuration` (next-auth's `signIn()` throws it to your server action instead). Neither
 * message holds the link or its token.
 *
 * The promise it returns is marked as handled at once: Auth.js starts the send and only awaits it
 * after hashing the token, so a send that fails at once (a closed mailer, a refused address) would
 * otherwise be an unhandled rejection, which ends a Node process. Auth.js still sees the failure.
 *
 * @param mailer - The mailer to send with (from `createMailer`); the adapter never closes it.
 * @param options - The usage type and extra template variables.
 * @returns The function to put in the provider's `sendVerificationRequest`.
 * @throws Nothing itself. The function it returns rejects with Auth.js's `EmailSignInError` when the
 *   send fails, and with a {@link index!MailerError} `InvalidConfig` naming `npm install @auth/core`
 *   when `@auth/core` cannot be loaded.
 * @example
 * ```ts
 * import { sendVerificationRequest } from 'auth-mailer/authjs';
 *
 * const provider = { id: 'email', type: 'email', name: 'Email', maxAge: 600, sendVerificationRequest: sendVerificationRequest(mailer) } as const;
 * ```
 */
export function sendVerificationRequest(mailer: MailSender, options: AuthjsSendOptions = {}): AuthjsSendVerificationRequest {
  return (params) => {
    const sending = send(mailer, params, options);
    // Handled here; Auth.js attaches its own handler later (Promise.all) and still gets the rejection.
    sending.catch(() => undefined);
    return sending;
  };
}

async function send(mailer: MailSender, params: AuthjsVerificationRequest, options: AuthjsSendOptions): Promise<void> {
  const EmailSignInError = await loadEmailSignInError();
  try {
    const extra = await options.payload?.(params);
    await mailer.send({
      to: params.identifier,
      type: options.type ?? AUTHJS_USAGE_TYPES.sendVerificationRequest,
      payload: { ...verificationPayload(params), ...extra },
    });
  } catch (error) {
    const code = isMailerError(error) ? ` (${error.code})` : '';
    // A string message and `cause: { err }`: Auth.js's logger prints `err.stack`, and nothing else
    // of the error is spread into what it logs.
    throw new EmailSignInError(`auth-mailer could not send the sign-in email${code}`, { cause: { err: error } });
  }
}
