/**
 * Connects to the configured SMTP server, logs in and quits, and reports what it found: the
 * greeting, the TLS in use, the extensions offered and the auth method used. Used by
 * `auth-mailer verify`.
 *
 * @module
 */
import type { TLSSocket } from 'node:tls';
import { classifyError, type ErrorContext } from '../classify-error.js';
import type { ResolvedMailerConfig } from '../config/mailer-config.js';
import { toHeaderValue } from '../header-value.js';
import { secretsOf } from './redact-secrets.js';

/** What a successful probe found out about the server. */
export interface SmtpProbeReport {
  /** The server's greeting, as sent (`220 mx.example.com ESMTP`); lines of a multi-line one are joined by `\n`. */
  greeting: string;
  /** `implicit` (TLS from the first byte), `starttls` (upgraded after EHLO), or `none` (plain text). */
  tls: 'implicit' | 'starttls' | 'none';
  /** The negotiated TLS version, such as `TLSv1.3`, when the connection is encrypted. */
  tlsVersion?: string;
  /**
   * The EHLO extensions of the session that logged in (after STARTTLS, the ones offered over
   * TLS), with their parameters: `SIZE 10485760`, `PIPELINING`, `AUTH PLAIN LOGIN`.
   */
  extensions: string[];
  /** The SASL mechanisms the server offered (`PLAIN`, `LOGIN`, `XOAUTH2`, ...), upper-cased. */
  authMechanisms: string[];
  /**
   * The mechanism that logged in (`PLAIN`, `LOGIN`, `XOAUTH2`); absent when the config has no
   * `auth`, or the server offers no AUTH (then the credentials were not used).
   */
  authMethod?: string;
}

/** The part of nodemailer's `SMTPConnection` the probe uses. */
interface SmtpConnection {
  secure: boolean;
  allowsAuth: boolean;
  lastServerResponse: string | false;
  _socket: unknown;
  /** The mechanism `login` chose; internal to nodemailer, read only after a successful login. */
  _authMethod?: string | false;
  connect(callback: (error?: Error) => void): void;
  login(auth: Record<string, unknown>, callback: (error: Error | null) => void): void;
  quit(): void;
  close(): void;
  on(event: 'error', listener: (error: Error) => void): void;
  once(event: 'end', listener: () => void): void;
}

type LogEntry = { tnx?: unknown } | undefined;

// How long to wait for the server to close after QUIT before closing from our side.
const QUIT_GRACE = 2000;

/**
 * Opens one connection as the SMTP transport would (implicit TLS or STARTTLS per the config, the
 * same TLS options and timeouts), logs in when the config has `auth` and the server offers AUTH,
 * sends QUIT, and reports what it found. Nothing is sent. nodemailer is loaded on first use.
 *
 * @param config - The resolved config.
 * @returns The greeting, TLS mode and version, EHLO extensions, offered and used auth mechanisms.
 * @throws {MailerError} classified as a send would be (`AuthFailed` for refused credentials,
 *   `Unavailable` for connection, DNS, TLS and timeout failures), with a hint for classic mistakes
 *   and every credential of the config removed.
 * @example
 * ```ts
 * const report = await probeSmtpServer(parseConfig(config));
 * console.log(report.greeting, report.tls, report.tlsVersion, report.authMethod);
 * ```
 */
export async function probeSmtpServer(config: ResolvedMailerConfig): Promise<SmtpProbeReport> {
  const context: ErrorContext = {
    operation: 'verify',
    host: config.host,
    port: config.port,
    secure: config.secure,
    name: config.smtp.name,
    secrets: secretsOf(config),
    user: config.auth?.user,
  };
  try {
    return await probe(config);
  } catch (error) {
    throw classifyError(error, context);
  }
}

async function probe(config: ResolvedMailerConfig): Promise<SmtpProbeReport> {
  const [{ default: SMTPConnection }, auth] = await Promise.all([
    import('nodemailer/lib/smtp-connection'),
    loginData(config.auth),
  ]);
  let greeting: string | undefined;
  const ignore = (): void => undefined;
  // With `transactionLog`, nodemailer logs each server reply at debug level: the first is the greeting.
  const logger = {
    trace: ignore,
    info: ignore,
    warn: ignore,
    error: ignore,
    fatal: ignore,
    debug(entry: LogEntry, message: unknown) {
      if (greeting === undefined && entry?.tnx === 'server') greeting = String(message);
    },
  };
  const { tls, servername, name, localAddress, requireTLS, ignoreTLS } = config.smtp;
  const { connectionTimeout, greetingTimeout, socketTimeout, dnsTimeout } = config.smtp;
  const connection = new SMTPConnection({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...defined({ tls, servername, name, localAddress, requireTLS, ignoreTLS }),
    ...defined({ connectionTimeout, greetingTimeout, socketTimeout, dnsTimeout }),
    logger,
    transactionLog: true,
  } as ConstructorParameters<typeof SMTPConnection>[0]) as unknown as SmtpConnection;

  return new Promise<SmtpProbeReport>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      connection.close();
      reject(error);
    };
    connection.on('error', fail);
    connection.once('end', () => fail(new Error('Connection closed')));
    connection.connect((connectError) => {
      if (connectError !== undefined && connectError !== null) return fail(connectError);
      const found = sessionFacts(connection, config.secure, greeting);
      const finish = (authMethod: string | undefined): void => {
        if (settled) return;
        settled = true;
        const timer = setTimeout(() => connection.close(), QUIT_GRACE);
        connection.once('end', () => {
          clearTimeout(timer);
          resolve(authMethod === undefined ? found : { ...found, authMethod });
        });
        connection.quit();
      };
      if (auth === undefined || !connection.allowsAuth) return finish(undefined);
      connection.login(auth, (loginError) => {
        if (loginError !== null && loginError !== undefined) return fail(loginError);
        finish(typeof connection._authMethod === 'string' ? connection._authMethod : undefined);
      });
    });
  });
}

/** What the session says right after EHLO (and STARTTLS): its reply is still the last one. */
function sessionFacts(connection: SmtpConnection, secure: boolean, greeting: string | undefined): SmtpProbeReport {
  const ehlo = typeof connection.lastServerResponse === 'string' ? connection.lastServerResponse : '';
  const extensions = replyLines(ehlo).slice(1);
  const authMechanisms = extensions
    .filter((line) => /^AUTH[ =]/i.test(line))
    .flatMap((line) => line.slice(5).split(/[\s=]+/))
    .filter((mechanism) => mechanism !== '')
    .map((mechanism) => mechanism.toUpperCase());
  const socket = connection._socket as Partial<TLSSocket> | undefined;
  const tlsVersion = connection.secure ? socket?.getProtocol?.() : undefined;
  return {
    greeting: clean(greeting ?? ''),
    tls: secure ? 'implicit' : connection.secure ? 'starttls' : 'none',
    ...(typeof tlsVersion === 'string' ? { tlsVersion } : {}),
    extensions,
    authMechanisms: [...new Set(authMechanisms)],
  };
}

/** nodemailer's login data for the config's auth; an OAuth2 one gets its token generator. */
async function loginData(auth: ResolvedMailerConfig['auth']): Promise<Record<string, unknown> | undefined> {
  if (auth === undefined) return undefined;
  if (auth.type === 'login') return { credentials: { user: auth.user, pass: auth.pass } };
  const { default: XOAuth2 } = await import('nodemailer/lib/xoauth2');
  const { type: _type, ...options } = auth;
  return { user: auth.user, method: 'XOAUTH2', oauth2: new XOAuth2(options as ConstructorParameters<typeof XOAuth2>[0]) };
}

/** The text of each line of a reply, without its `250-` prefix. */
function replyLines(reply: string): string[] {
  return reply
    .split(/\r?\n/)
    .map((line) => toHeaderValue(line.replace(/^\d{3}[ -]?/, '')))
    .filter((line) => line !== '');
}

/** Server text safe for a terminal: lines kept, each one's control characters made spaces. */
function clean(text: string): string {
  return text
    .split(/\r?\n/)
    .map(toHeaderValue)
    .filter((line) => line !== '')
    .join('\n');
}

/** The entries whose value is not `undefined`. */
function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
