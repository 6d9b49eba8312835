/**
 * Writes what `auth-mailer verify` found on the server: greeting, TLS, extensions, auth.
 *
 * @module
 */
import type { SmtpProbeReport } from '../transports/smtp/probe-smtp-server.js';
import type { Style } from './style.js';

const LABEL_WIDTH = 'extensions: '.length;

/**
 * Describes a probe report in lines of text, ending with the verdict. The server's text arrives
 * already free of control characters; no credential is ever part of a report.
 *
 * @param report - What the probe found; it names no auth method only when the config has no
 *   `auth`, since a probe with credentials fails unless it logs in.
 * @param style - The paints for the stream the lines go to.
 * @returns The lines, without line endings.
 */
export function describeProbeReport(report: SmtpProbeReport, style: Style): string[] {
  const field = (label: string, value: string): string[] =>
    value.split('\n').map((line, index) => `${index === 0 ? style.dim(`${label}:`.padEnd(LABEL_WIDTH)) : ' '.repeat(LABEL_WIDTH)}${line}`);
  const lines = [
    ...field('greeting', report.greeting === '' ? '(none recorded)' : report.greeting),
    ...field('TLS', describeTls(report, style)),
    ...field('extensions', report.extensions.length === 0 ? '(none)' : report.extensions.join(', ')),
    ...field('auth', report.authMethod === undefined ? 'none' : `${report.authMethod} (offered: ${report.authMechanisms.join(' ')})`),
  ];
  if (report.authMethod !== undefined) lines.push(`${style.green('✔')} connected and authenticated`);
  else lines.push(`${style.green('✔')} connected (the config has no auth)`);
  return lines;
}

function describeTls(report: SmtpProbeReport, style: Style): string {
  const version = report.tlsVersion === undefined ? '' : `, ${report.tlsVersion}`;
  if (report.tls === 'implicit') return `implicit TLS${version}`;
  if (report.tls === 'starttls') return `STARTTLS${version}`;
  return report.authMethod === undefined
    ? 'none: the connection is plain text'
    : style.yellow('none: the connection is plain text, and the credentials were sent unencrypted');
}
