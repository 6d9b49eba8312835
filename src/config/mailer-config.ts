/**
 * The config a user writes ({@link MailerConfig}) and the resolved form the library runs on
 * ({@link ResolvedMailerConfig}). A superset of the Logto SMTP connector's config.
 *
 * @module
 */
import type { TemplateDefinition } from '../types/template.js';

/** Username and password authentication (`AUTH LOGIN` / `AUTH PLAIN`). */
export interface LoginAuth {
  /** `login`, in any case; may be left out. */
  type?: string;
  /** The SMTP username. */
  user: string;
  /** The SMTP password or app password. Never appears in errors or logs. */
  pass: string;
}

/** OAuth2 with a user's tokens (nodemailer's 3-legged OAuth2 shape). */
export interface OAuth2TokenAuth {
  /** `OAuth2`, in any case; may be left out, as Logto allows, when the token keys make the shape clear. */
  type?: string;
  /** The mailbox the tokens belong to. */
  user: string;
  /** The OAuth2 client id. */
  clientId?: string;
  /** The OAuth2 client secret. */
  clientSecret?: string;
  /** A refresh token, used to get new access tokens. */
  refreshToken?: string;
  /** A current access token. */
  accessToken?: string;
  /** When `accessToken` expires, in milliseconds since the epoch. */
  expires?: number;
  /** The token endpoint, when it is not Google's. */
  accessUrl?: string;
}

/** OAuth2 with a service account key (nodemailer's 2-legged OAuth2 shape). */
export interface OAuth2ServiceAuth {
  /** `OAuth2`, in any case; may be left out, as Logto allows. */
  type?: string;
  /** The mailbox to send as. */
  user: string;
  /** The service account's client id. */
  serviceClient: string;
  /** The service account's PEM private key, or an encrypted one with its passphrase (as Logto allows). */
  privateKey:
    | string
    | {
        /** The encrypted PEM private key. */
        key: string;
        /** The passphrase that decrypts `key`. */
        passphrase: string;
      };
  /** The token endpoint, when it is not Google's. */
  accessUrl?: string;
}

/**
 * A login with neither user nor pass (`{}`, `{ user: '', pass: '' }`), as Logto saves its form for
 * relays that authorize by source address: the same as leaving `auth` out, the mailer never tries
 * AUTH. `auth-mailer check` warns about it.
 */
export interface EmptyLoginAuth {
  /** `login`, in any case; may be left out. */
  type?: string;
  /** Empty or left out. */
  user?: '';
  /** Empty or left out. */
  pass?: '';
}

/** Any of the accepted authentication shapes. */
export type SmtpAuth = LoginAuth | OAuth2TokenAuth | OAuth2ServiceAuth | EmptyLoginAuth;

/** DKIM signing options, as nodemailer takes them. */
export interface DkimOptions {
  /** The signing domain (`d=`). */
  domainName: string;
  /** The selector (`s=`). */
  keySelector: string;
  /** The PEM private key. Never appears in errors or logs. */
  privateKey: string;
  /** Header names to leave unsigned, colon separated. */
  skipFields?: string;
  /** Headers to sign instead of the default set, colon separated. */
  headerFieldNames?: string;
}

/** TLS options passed to Node's `tls.connect` (a subset; other keys pass through). */
export interface TlsOptions {
  /** Whether to refuse a certificate that does not chain to a trusted CA. @default true */
  rejectUnauthorized?: boolean;
  /** Extra CA certificates (PEM) to trust, such as a self-signed server's. */
  ca?: string | string[];
  /** The name to check the certificate against and send as SNI. */
  servername?: string;
  /** The lowest TLS version to accept, such as `TLSv1.2`. */
  minVersion?: string;
  /** OpenSSL cipher list. */
  ciphers?: string;
  /** Any other `tls.connect` option. */
  [option: string]: unknown;
}

/**
 * The mailer's configuration data: a Logto SMTP connector config works unchanged. Validate one with
 * `createMailer`, which throws `MailerError` `InvalidConfig` naming every bad field.
 *
 * @example
 * ```ts
 * const config: MailerConfig = {
 *   host: 'smtp.example.com',
 *   port: 587,
 *   fromEmail: 'Acme <no-reply@example.com>',
 *   auth: { user: 'no-reply@example.com', pass: process.env.SMTP_PASS! },
 *   templates: [
 *     { usageType: 'Generic', contentType: 'text/plain', subject: 'Your code', content: 'Code: {{code}}' },
 *   ],
 * };
 * ```
 */
export interface MailerConfig {
  /** The SMTP server's host name or IP address. */
  host: string;
  /** The SMTP port, as a number or numeric string (1–65535). @default 465 when `secure`, else 587 */
  port?: number | string;
  /** The sender: `addr` or `Name <addr>`. */
  fromEmail: string;
  /** Where replies go. */
  replyTo?: string;
  /** How to authenticate; leave out (or give an {@link EmptyLoginAuth}) for relays that authorize by source address. */
  auth?: SmtpAuth;
  /**
   * Headers added to every message: printable ASCII names, non-empty one-line values. The headers
   * the mailer sets itself (`From`, `To`, `Cc`, `Bcc`, `Subject`, `Reply-To`, `Sender`,
   * `Message-ID`, `Date`, `MIME-Version`, `Content-Type`, `Content-Transfer-Encoding`,
   * `Return-Path`, and `Auto-Submitted`, which is `auto-generated` on every message) are refused.
   */
  customHeaders?: Record<string, string | string[]>;
  /**
   * Your templates. They, and your `Generic` one, come before the built-in templates, which are
   * sent only for usage types with neither. Leave the list out to send the built-ins.
   */
  templates?: TemplateDefinition[];
  /** Implicit TLS from the first byte. @default true when the port is 465, else false (STARTTLS when offered) */
  secure?: boolean;
  /**
   * Refuse to go on unless STARTTLS succeeds, so credentials never travel unencrypted. Setting it
   * to `false` with `auth` lets a server without STARTTLS, or a network that strips it, receive
   * the credentials in clear text.
   * @default true when `auth` is set and neither `secure` nor `ignoreTLS` is, unless `host` is
   *   `localhost`, `127.0.0.1` or `::1`; else false
   */
  requireTLS?: boolean;
  /**
   * Never use STARTTLS, even when offered: the session, credentials included, is clear text.
   * The way to authenticate unencrypted knowingly. Has no effect when `requireTLS` is `true`.
   * @default false
   */
  ignoreTLS?: boolean;
  /** TLS socket options. */
  tls?: TlsOptions;
  /** The name to check the certificate against, when `host` is an IP address. */
  servername?: string;
  /**
   * The client host name sent in EHLO.
   * @default the machine's host name when it contains a dot (an IPv4 address in brackets), else `[127.0.0.1]`
   */
  name?: string;
  /** The local interface to connect from. */
  localAddress?: string;
  /** Milliseconds to wait for the TCP connection. @default 120000 */
  connectionTimeout?: number;
  /** Milliseconds to wait for the greeting after connecting. @default 30000 */
  greetingTimeout?: number;
  /** Milliseconds of inactivity before the socket is closed. @default 600000 */
  socketTimeout?: number;
  /** Milliseconds to wait for DNS. @default 30000 */
  dnsTimeout?: number;
  /** Log SMTP traffic through nodemailer's logger (credentials are redacted). @default false */
  logger?: boolean;
  /** Include protocol traffic in the log. @default false */
  debug?: boolean;
  /** Refuse to read files named in a message. @default true */
  disableFileAccess?: boolean;
  /** Refuse to fetch URLs named in a message. @default true */
  disableUrlAccess?: boolean;
  /** Reuse connections across sends. @default true */
  pool?: boolean;
  /** The most connections the pool opens at once. @default 5 */
  maxConnections?: number;
  /** Messages sent over one connection before it is replaced. @default 100 */
  maxMessages?: number;
  /** Sign every message with DKIM. */
  dkim?: DkimOptions;
}

/**
 * A {@link MailerConfig} as TypeScript types a JSON file imported with `resolveJsonModule`
 * (`import config from './mailer.json' with { type: 'json' }`): the same, but JSON has no literal
 * types, so each template's `contentType` is any `string` (checked when the mailer is created).
 */
export type JsonMailerConfig = Omit<MailerConfig, 'templates'> & {
  /** The templates, `contentType` widened to `string`. */
  templates?: ReadonlyArray<
    Omit<TemplateDefinition, 'contentType'> & {
      /** `text/plain` or `text/html`, typed as the `string` JSON gives; checked when the mailer is created. */
      contentType: string;
    }
  >;
};

/**
 * The type `createMailer` checks its config argument against, given the argument's type `T`:
 *
 * - a value typed `unknown` or `any` (`JSON.parse`), or an open type such as `object` or
 *   `Record<string, unknown>` (a database row), is taken as it is: it is checked when the mailer is
 *   created;
 * - anything else, an object literal first, must be a {@link MailerConfig} (or a
 *   {@link JsonMailerConfig}): a misspelt key (`prot: 587`), a value of the wrong type
 *   (`port: true`) or a missing `host` is a compile-time error, and the keys autocomplete.
 *
 * @template T - The type of the argument, inferred from it.
 */
export type ConfigArgument<T> = unknown extends T ? T : Record<never, never> extends T ? T : MailerConfig | JsonMailerConfig;

/**
 * A validated config with its defaults applied: the form the mailer and its transport run on.
 */
export interface ResolvedMailerConfig {
  /** The SMTP host. */
  host: string;
  /** The SMTP port, resolved from `secure` when absent. */
  port: number;
  /** Implicit TLS, resolved from the port when absent. */
  secure: boolean;
  /** The default sender, free of control characters. */
  fromEmail: string;
  /** The default reply-to, free of control characters. */
  replyTo?: string;
  /** The normalized authentication, if any. */
  auth?:
    | { type: 'login'; user: string; pass: string }
    | (Omit<OAuth2TokenAuth, 'type'> & { type: 'OAuth2' })
    | (Omit<OAuth2ServiceAuth, 'type'> & { type: 'OAuth2' });
  /** Headers added to every message, values free of control characters. */
  customHeaders: Record<string, string | string[]>;
  /** The config's own templates, validated (empty when the config leaves them out). */
  templates: TemplateDefinition[];
  /**
   * The remaining nodemailer SMTP options, with `pool`, `disableFileAccess`, `disableUrlAccess`
   * and `requireTLS` defaulted.
   */
  smtp: Omit<
    MailerConfig,
    'host' | 'port' | 'secure' | 'fromEmail' | 'replyTo' | 'auth' | 'customHeaders' | 'templates'
  > & { pool: boolean; disableFileAccess: boolean; disableUrlAccess: boolean; requireTLS: boolean };
}
