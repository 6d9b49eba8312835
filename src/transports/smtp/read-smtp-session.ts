/**
 * Opens one SMTP connection as the transport would, reads what the session offers (greeting, TLS,
 * EHLO extensions), optionally logs in, and quits. The one place that opens a connection without
 * sending: `probeSmtpServer` and the SMTPUTF8 check both read the server through it.
 *
 * @module
 */
import type { TLSSocket } from 'node:tls';
import type { ResolvedMailerConfig } from '../../config/mailer-config.js';
import { toHeaderValue } from '../../shared/header-value.js';
import { quitSession } from './quit-session.js';

/** What a session found out about the server. */
export interface SmtpProbeReport {
  /** The server's greeting, as sent (`220 mx.example.com ESMTP`); lines of a multi-line one are joined by `\n`. */
  greeting: string;
  /** `implicit` (TLS from the first byte), `starttls` (upgraded after EHLO), or `none` (plain text). */
  tls: 'implicit' | 'starttls' | 'none';
  /** The negotiated TLS version, such as `TLSv1.3`, when the connection is encrypted. */
  tlsVersion?: string;
  /**
   * The EHLO extensions of the session (after STARTTLS, the ones offered over TLS), with their
   * parameters: `SIZE 10485760`, `PIPELINING`, `AUTH PLAIN LOGIN`.
   */
  extensions: string[];
  /** The SASL mechanisms the server offered (`PLAIN`, `LOGIN`, `XOAUTH2`, ...), upper-cased. */
  authMechanisms: string[];
  /**
   * The mechanism that logged in (`PLAIN`, `LOGIN`, `XOAUTH2`); absent when the session was not
   * asked to authenticate or the config has no `auth`.
   */
  authMethod?: string;
}

/** How {@link readSmtpSession} uses the session. */
export interface ReadSmtpSessionOptions {
  /**
   * Log in with the config's `auth`, even when the server offers no AUTH (its refusal is then the
   * error, as in a send); `false` never sends credentials.
   */
  authenticate: boolean;
}

/** The part of nodemailer's `SMTPConnection` a session uses. */
interface SmtpConnection {
  secure: boolean;
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

/**
 * Opens one connection as the SMTP transport would (implicit TLS or STARTTLS per the config, the
 * same TLS options, timeouts and client name), logs in when asked to and the config has `auth`
 * (whether or not the server offers AUTH, as the transport does), sends QUIT, waits for the server to close, and reports what it found.
 * Nothing is sent. nodemailer is loaded on first use.
 *
 * @param config - The resolved config: where to connect, how, and with which credentials.
 * @param options - Whether to log in.
 * @returns The greeting, TLS mode and version, EHLO extensions, offered and used auth mechanisms.
 * @throws The connection, TLS, timeout or login error as nodemailer raised it, unclassified: the
 *   caller classifies it for its own operation (and removes the config's secrets).
 * @example
 * ```ts
 * const { extensions } = await readSmtpSession(config, { authenticate: false });
 * ```
 */
export async function readSmtpSession(config: ResolvedMailerConfig, options: ReadSmtpSessionOptions): Promise<SmtpProbeReport> {
  const [{ SMTPConnection }, auth] = await Promise.all([
    import('./nodemailer.js'),
    options.authenticate ? loginData(config.auth) : undefined,
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
    connection.once('end', () => fail(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' })));
    connection.connect((connectError) => {
      if (connectError !== undefined && connectError !== null) return fail(connectError);
      const found = sessionFacts(connection, config.secure, greeting);
      const finish = (authMethod: string | undefined): void => {
        if (settled) return;
        settled = true;
        connection.once('end', () => resolve(authMethod === undefined ? found : { ...found, authMethod }));
        quitSession(connection);
      };
      if (auth === undefined) return finish(undefined);
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
  const { XOAuth2 } = await import('./nodemailer.js');
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
