/**
 * The usual way in.
 *
 * @module
 */
import { parseConfig } from './config/parse-config.js';
import { parseMailerOptions } from './config/parse-mailer-options.js';
import { parseStoredTemplate } from './config/parse-stored-template.js';
import { secretsOf } from './config/secrets-of.js';
import { unreadableInputError } from './config/unreadable-input.js';
import { createUsageTypeResolver } from './config/usage-type-resolver.js';
import { resolveRetryPolicy } from './delivery/retry-policy.js';
import { isMailerError } from './errors/mailer-error.js';
import { Mailer } from './mailer.js';
import { createMessageComposer } from './message/compose-message.js';
import { createRateLimiter } from './rate-limit/rate-limiter.js';
import { TemplateRegistry } from './templates/template-registry.js';
import { createSmtpTransport } from './transports/smtp/smtp-transport.js';
import type { ConfigArgument } from './config/mailer-config.js';
import type { MailerOptions } from './types/mailer-options.js';

/** The window for a transport that does not say how many sends it takes at once. */
const DEFAULT_MAX_IN_FLIGHT = 64;

/**
 * Creates a {@link Mailer} from a config (a Logto SMTP connector config works unchanged). The config
 * and the options are validated and every template compiled now, so mistakes surface at startup,
 * not at the first send. The defaults are chosen here, once: without `options.transport`, messages
 * go out over a pooled SMTP connection; the built-in templates back the config's unless
 * `useDefaultTemplates: false` (with the code in their subjects under `codeInSubject: true`); `maxInFlight` follows what the transport says it takes.
 *
 * @param config - The {@link MailerConfig}: host, port, fromEmail, auth, templates, SMTP options. An
 *   object literal is type-checked against it (a misspelt key is a compile-time error); a value typed
 *   `unknown` or `any` (parsed JSON, a database row) is taken too and checked at run time (see
 *   {@link ConfigArgument}).
 * @template T - The config argument's type, inferred: not given by hand.
 * @param options - A transport instead of SMTP, a template store, retry options.
 * @returns The mailer. Close it with `await mailer.close()` (or `await using`).
 * @throws {@link MailerError} `InvalidConfig` whose `issues` name every bad field of the config or
 *   the options (a misspelt option such as `tranport` is named, with the right spelling), or
 *   `TemplateSyntax` naming the template that does not compile.
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
export function createMailer<T>(config: ConfigArgument<T>, options?: MailerOptions): Mailer {
  try {
    const resolved = parseConfig(config);
    const { transport = createSmtpTransport(resolved), ...checked } = parseMailerOptions(options);
    const registry = new TemplateRegistry(
      resolved.templates,
      checked.templateStore === undefined ? undefined : { templateStore: checked.templateStore, check: parseStoredTemplate },
      // The built-in copy (twenty languages) loads on the first send that falls back on it, not at import.
      checked.useDefaultTemplates === false
        ? []
        : () => import('./templates/defaults/index.js').then(({ builtInTemplates }) => builtInTemplates({ codeInSubject: checked.codeInSubject === true })),
    );
    return new Mailer({
      resolveUsageType: createUsageTypeResolver(checked, resolved.templates),
      compose: createMessageComposer(registry, resolved),
      asksStore: registry.asksStore,
      transport,
      retryPolicy: resolveRetryPolicy(checked.retry),
      rateLimiter: checked.rateLimit === undefined ? undefined : createRateLimiter(checked.rateLimit),
      maxInFlight: checked.maxInFlight ?? transport.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
      redaction: { secrets: secretsOf(resolved), user: resolved.auth?.user, recipients: checked.redactRecipients === true },
    });
  } catch (error) {
    // A getter or proxy in the config or options must not escape as a TypeError.
    throw isMailerError(error) ? error : unreadableInputError('create the mailer', 'the config or options', error);
  }
}
