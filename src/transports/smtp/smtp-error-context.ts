/**
 * What the SMTP transport adds to each of its failures: the server it talked to, the hint for the
 * classic setup mistakes, and the credentials to redact.
 *
 * @module
 */
import type { ErrorContext } from '../../errors/classify-error.js';
import { secretsOf } from '../../config/secrets-of.js';
import type { ResolvedMailerConfig } from '../../config/mailer-config.js';
import { hintFor } from './connection-hints.js';

/**
 * Builds the error context of every operation on one SMTP server: the message names
 * `host:port`, the hint comes from {@link hintFor}, and every credential of the config is redacted.
 *
 * @param config - The resolved config.
 * @returns A function that makes the context for one operation (`send SignIn to ada@example.com`, `verify`).
 */
export function smtpErrorContext(config: ResolvedMailerConfig): (operation: string) => ErrorContext {
  const where = { host: config.host, port: config.port, secure: config.secure, name: config.smtp.name };
  const shared = {
    target: `${config.host}:${config.port}`,
    hintFor: (error: unknown) => hintFor(error, where),
    secrets: secretsOf(config),
    user: config.auth?.user,
  };
  return (operation) => ({ operation, ...shared });
}
