/**
 * `auth-mailer verify <config>`: connects and authenticates without sending.
 *
 * @module
 */
import { parseConfig } from '../../config/parse-config.js';
import type { ResolvedMailerConfig } from '../../config/mailer-config.js';
import { probeSmtpServer } from '../../transports/smtp/probe-smtp-server.js';
import type { CliCommand } from '../cli-command.js';
import { describeProbeReport } from '../describe-probe-report.js';
import { ExitCode } from '../exit-code.js';
import { loadConfigFile } from '../load-config-file.js';
import { configPathArgument, parseCommandArgs } from '../parse-command-args.js';
import { reportFailure } from '../report-failure.js';
import { createStyle } from '../style.js';

const HELP = `Usage: auth-mailer verify <config.json>

Connects to the SMTP server in the config and authenticates, without sending anything.
Prints where it connects and what the config asks for, then what it found: the server's
greeting, the TLS in use (implicit or STARTTLS, with its version) or none, the EHLO
extensions, and the auth mechanism used (PLAIN, LOGIN, XOAUTH2) or none. On failure it
prints the error with its code and a hint for classic mistakes (wrong port/secure pair,
refused credentials, untrusted certificate, STARTTLS missing or stripped, no AUTH offered).

With auth, TLS is required (unless secure, ignoreTLS or requireTLS says otherwise, or the
host is localhost, 127.0.0.1 or ::1), and the server must take the credentials: a server
that offers no AUTH fails the check.

A string value that is exactly "\${NAME}" is read from the environment variable NAME.
Credentials are never printed.

Exit codes: 0 connected (and logged in, when the config has auth), 1 invalid config or
connection/auth failed, 2 usage error.`;

/** The `verify` command. */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'connect and authenticate to the SMTP server, send nothing',
  help: HELP,
  async run(args, io) {
    const { positionals } = parseCommandArgs('verify', args, {});
    const file = configPathArgument('verify', positionals);
    const out = createStyle(io.stdout, io.env);
    try {
      const resolved = parseConfig(await loadConfigFile(file, io.env));
      io.stdout.write(`Verifying ${resolved.host}:${resolved.port} (${tlsMode(resolved)}, auth: ${authMethod(resolved)})\n`);
      const report = await probeSmtpServer(resolved);
      io.stdout.write(`${describeProbeReport(report, out).join('\n')}\n`);
      return ExitCode.Ok;
    } catch (error) {
      return reportFailure(io, error);
    }
  },
};

function tlsMode(config: ResolvedMailerConfig): string {
  if (config.secure) return 'implicit TLS';
  if (config.smtp.ignoreTLS === true) return 'no TLS: STARTTLS disabled by ignoreTLS';
  if (config.smtp.requireTLS === true) return 'STARTTLS required';
  return 'STARTTLS when the server offers it';
}

function authMethod(config: ResolvedMailerConfig): string {
  const { auth } = config;
  if (auth === undefined) return 'none';
  if (auth.type === 'login') return 'login (user and password)';
  return 'serviceClient' in auth ? 'OAuth2 (service account)' : 'OAuth2 (token)';
}
