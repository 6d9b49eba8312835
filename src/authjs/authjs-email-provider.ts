/**
 * A whole Auth.js email provider that sends through a `Mailer`: the bare `type: 'email'`
 * provider, so Auth.js's own Nodemailer provider (and the second nodemailer it needs) stays out.
 *
 * @module
 */
import type { EmailConfig } from '@auth/core/providers/email';
import type { MailSender } from '../types/mail-sender.js';
import { sendVerificationRequest, type AuthjsSendOptions } from './send-verification-request.js';

/** How {@link authjsEmailProvider} builds the provider: Auth.js's email provider settings, and how to send. */
export interface AuthjsEmailProviderOptions extends AuthjsSendOptions {
  /** The provider id: `signIn('email')`, and the path `/auth/signin/email`. @default 'email' */
  id?: string;
  /** The name Auth.js's sign-in page shows. @default 'Email' */
  name?: string;
  /** Seconds a sign-in link stays valid. @default 86400 (Auth.js's default, one day) */
  maxAge?: number;
  /**
   * Turns what the user typed into the address Auth.js stores and the link is sent to. Auth.js's
   * default lowercases and trims it and refuses quotes and extra `@`s. Yours must return exactly one
   * address: anything else (`a,b@example.com`) is refused by the mailer with `InvalidRecipient`.
   */
  normalizeIdentifier?: (identifier: string) => string;
  /** Makes the one-time token. @default 32 random bytes, hex (Auth.js's) */
  generateVerificationToken?: () => string | Promise<string>;
  /** The secret the token is hashed with in the database. @default the Auth.js config's `secret` */
  secret?: string;
}

/**
 * Builds an Auth.js email provider (`type: 'email'`) whose sign-in links are sent by `mailer`, as
 * `MagicLink` messages. Put it in `providers` of `Auth()` from `@auth/core`, or of `NextAuth()`
 * (next-auth v5). Auth.js needs a database adapter for email sign-in.
 *
 * Do not use Auth.js's Nodemailer provider (`@auth/core/providers/nodemailer`, or the deprecated
 * `providers/email`) with it: that one imports its own nodemailer, a version range auth-mailer's
 * nodemailer does not satisfy (see docs/frameworks.md).
 *
 * @param mailer - The mailer that sends (from `createMailer`); the adapter never closes it.
 * @param options - The provider's id, name, link lifetime, identifier normalization, and how to send.
 * @returns The provider config.
 * @throws Nothing itself; failed sends reach Auth.js as described at {@link sendVerificationRequest}.
 * @example
 * ```ts
 * import { Auth } from '@auth/core';
 * import { createMailer } from 'auth-mailer';
 * import { authjsEmailProvider } from 'auth-mailer/authjs';
 *
 * const mailer = createMailer(config);
 * const response = await Auth(request, {
 *   adapter,
 *   providers: [authjsEmailProvider(mailer, { maxAge: 10 * 60 })],
 * });
 * ```
 */
export function authjsEmailProvider(mailer: MailSender, options: AuthjsEmailProviderOptions = {}): EmailConfig {
  const { id = 'email', name = 'Email', maxAge, normalizeIdentifier, generateVerificationToken, secret, ...sendOptions } = options;
  return {
    id,
    type: 'email',
    name,
    sendVerificationRequest: sendVerificationRequest(mailer, sendOptions),
    ...(maxAge === undefined ? {} : { maxAge }),
    ...(normalizeIdentifier === undefined ? {} : { normalizeIdentifier }),
    ...(generateVerificationToken === undefined ? {} : { generateVerificationToken }),
    ...(secret === undefined ? {} : { secret }),
  };
}
