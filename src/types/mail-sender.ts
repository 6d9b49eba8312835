/**
 * What the integration entries need of a mailer, as a structural type: a `Mailer` is a class with
 * private fields, so the copy of it in one entry's typings is not assignable to the copy in
 * another's, while this interface matches any of them.
 *
 * @module
 */
import type { SendOptions, SendRequest, SendResult } from './send.js';

/**
 * Anything that sends like {@link Mailer.send}: the `Mailer` that `createMailer` returns, or a
 * wrapper of your own (logging, a feature flag). The integration entries (`auth-mailer/redis`, the
 * framework adapters) take one, so a `Mailer` created from `auth-mailer` fits them whatever copy of
 * the typings each entry was built with.
 *
 * @example
 * ```ts
 * import { createMailer, type MailSender } from 'auth-mailer';
 *
 * const sender: MailSender = createMailer(config);
 * ```
 */
export interface MailSender {
  /**
   * Sends one message (see {@link Mailer.send}).
   *
   * @param request - Recipient, usage type and payload.
   * @param options - The per-call options.
   * @returns What the server accepted.
   */
  send(request: SendRequest, options?: SendOptions): Promise<SendResult>;
}
