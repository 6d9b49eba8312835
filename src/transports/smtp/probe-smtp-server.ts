/**
 * Connects to the configured SMTP server, logs in and quits, and reports what it found: the
 * greeting, the TLS in use, the extensions offered and the auth method used. Used by
 * `auth-mailer verify`.
 *
 * @module
 */
import { classifyError } from '../../errors/classify-error.js';
import type { ResolvedMailerConfig } from '../../config/mailer-config.js';
import { readSmtpSession, type SmtpProbeReport } from './read-smtp-session.js';
import { smtpErrorContext } from './smtp-error-context.js';

export type { SmtpProbeReport } from './read-smtp-session.js';

/**
 * Opens one connection as the SMTP transport would (implicit TLS or STARTTLS per the config, the
 * same TLS options and timeouts), logs in when the config has `auth` (a server that offers no
 * AUTH then fails the probe, as it fails a send), sends QUIT, and reports what it found. Nothing
 * is sent. nodemailer is loaded on first use.
 *
 * @param config - The resolved config.
 * @returns The greeting, TLS mode and version, EHLO extensions, offered and used auth mechanisms.
 * @throws {MailerError} classified as a send would be (`AuthFailed` for refused credentials or a
 *   server without AUTH, `Unavailable` for connection, DNS, TLS and timeout failures, a required
 *   STARTTLS the server did not take among them), with a hint for classic mistakes and every
 *   credential of the config removed.
 * @example
 * ```ts
 * const report = await probeSmtpServer(parseConfig(config));
 * console.log(report.greeting, report.tls, report.tlsVersion, report.authMethod);
 * ```
 */
export async function probeSmtpServer(config: ResolvedMailerConfig): Promise<SmtpProbeReport> {
  try {
    return await readSmtpSession(config, { authenticate: true });
  } catch (error) {
    throw classifyError(error, smtpErrorContext(config)('verify'));
  }
}
