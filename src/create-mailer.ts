/**
 * The usual way in.
 *
 * @module
 */
import { Mailer } from './mailer.js';
import type { MailerOptions } from './types/mailer-options.js';

/**
 * Creates a {@link Mailer} from a config (a Logto SMTP connector config works unchanged). The config
 * is validated and every template compiled now, so mistakes surface at startup, not at the first send.
 * Without `options.transport`, messages go out over a pooled SMTP connection.
 *
 * @param config - The {@link MailerConfig}: host, port, fromEmail, auth, templates, SMTP options.
 * @param options - A transport instead of SMTP, a template store, retry options.
 * @returns The mailer. Close it with `await mailer.close()` (or `await using`).
 * @throws {@link MailerError} `InvalidConfig` whose `issues` name every bad field, or `TemplateSyntax`.
 *
 * @example
 * ```ts
 * import { createMailer } from 'auth-mailer';
 *
 * const mailer = createMailer({
 *   host: 'smtp.example.com',
 *   port: 587,
 *   fromEmail: 'Acme <no-reply@example.com>',
 *   auth: { user: 'no-reply@example.com', pass: process.env.SMTP_PASS },
 *   templates: [
 *     { usageType: 'SignIn', contentType: 'text/plain', subject: 'Your sign-in code', content: 'Your code is {{code}}.' },
 *   ],
 * });
 * await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * await mailer.close();
 * ```
 */
export function createMailer(config: unknown, options?: MailerOptions): Mailer {
  return new Mailer(config, options);
}
