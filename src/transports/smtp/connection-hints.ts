/**
 * Recognises the classic SMTP setup mistakes in a failure and says how to fix them.
 *
 * @module
 */
import { hostname } from 'node:os';
import { errorFacts, type ErrorFacts } from '../../errors/error-facts.js';

/** Where the failed connection went; each field sharpens the hint. */
export interface HintContext {
  /** The SMTP host. */
  host?: string;
  /** The SMTP port. */
  port?: number;
  /** Whether implicit TLS was used. */
  secure?: boolean;
  /** The EHLO name from the config; the machine's host name is checked when absent. */
  name?: string;
}

const UNTRUSTED_CERTIFICATE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

// What OpenSSL says when the bytes it reads are not TLS: a plain SMTP greeting, for instance.
const NOT_TLS = /wrong version number|packet length too long|unknown protocol|http request/i;

// Anything outside printable ASCII.
const NON_ASCII = /[^ -~]/;

/**
 * Suggests a fix for a failure that looks like a classic mistake: a port/`secure` mismatch, a
 * server that never greets, nothing listening, an untrusted or expired certificate, a non-ASCII EHLO name,
 * refused credentials, a required STARTTLS the server did not take, credentials for a server
 * without AUTH.
 *
 * @param error - The failure, as thrown by nodemailer or Node.
 * @param context - Where the connection went.
 * @returns One sentence saying what to change, or `undefined` when nothing classic is recognised.
 */
export function hintFor(error: unknown, context: HintContext): string | undefined {
  const facts = errorFacts(error);
  const target = context.host === undefined ? 'the server' : `${context.host}:${context.port ?? '?'}`;
  const networkCode = facts.originalCode ?? facts.code;

  if (isStartTlsRefusal(facts)) {
    return (
      'the server did not take STARTTLS (it has no TLS, or the network between stripped it) and TLS is required, as it is by default with auth: ' +
      'enable STARTTLS on the server, or use implicit TLS (secure: true, usually port 465), or set ignoreTLS: true to send in clear text knowingly'
    );
  }
  if (isAuthNotOffered(facts)) {
    return (
      'the server offers no AUTH on this connection (or not this mechanism), and with auth configured a session must log in: ' +
      'enable AUTH on the server, or remove auth if the server relays by source address'
    );
  }
  if (facts.code === 'EOAUTH2' || facts.originalCode === 'EOAUTH2') {
    return (
      'the OAuth2 token endpoint refused to issue an access token: check clientId, clientSecret and refreshToken ' +
      '(or the service account key and serviceClient), and that the account may send mail'
    );
  }
  if (isTlsRequiredForAuth(facts)) {
    return 'the server accepts AUTH only over TLS: remove ignoreTLS (with auth, STARTTLS is then required), or use implicit TLS (secure: true, usually port 465)';
  }
  if (isAuthFailure(facts)) {
    return 'the server refused the credentials: check auth.user and auth.pass (Gmail and Outlook need an app password, not the account password)';
  }
  if (isHeloRefusal(facts) && NON_ASCII.test(context.name ?? defaultEhloName())) {
    return 'the EHLO name is not ASCII and the server refused it: set `name` to an ASCII host name';
  }
  if (networkCode === 'ECONNREFUSED') {
    return `nothing listens on ${target}: check host and port (587 for STARTTLS, 465 for implicit TLS)`;
  }
  if (networkCode === 'ENOTFOUND' || networkCode === 'EAI_AGAIN') {
    return `${context.host ?? 'the host'} does not resolve (DNS): check host`;
  }
  if (networkCode !== undefined && UNTRUSTED_CERTIFICATE.has(networkCode)) {
    return "the server's certificate is not signed by a trusted CA: pass the server's CA certificate in tls.ca";
  }
  if (networkCode === 'CERT_HAS_EXPIRED') {
    return "the server's TLS certificate has expired: the server's operator must renew it";
  }
  if (networkCode === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return 'the certificate does not name the host connected to: use the host name on the certificate, or set servername';
  }
  const plainPort = context.port === 587 || context.port === 25;
  if (context.secure === true && (NOT_TLS.test(facts.message) || (plainPort && isConnectionFailure(facts)))) {
    return 'the server does not speak TLS on connect: set secure: false to use STARTTLS (usually on port 587)';
  }
  if (context.port === 465 && context.secure === false && isConnectionFailure(facts)) {
    return 'port 465 expects implicit TLS: set secure: true, or use port 587 with secure: false';
  }
  if (facts.timeoutType === 'GREETING_TIMEOUT' || /greeting never received/i.test(facts.message)) {
    return 'the server accepted the connection but never greeted: wrong port, or implicit TLS expected (secure: true)?';
  }
  return undefined;
}

/**
 * A refused STARTTLS command (nodemailer sends it when TLS is required even if EHLO did not offer
 * it); a TLS handshake that failed after it has no reply code.
 */
function isStartTlsRefusal(facts: ErrorFacts): boolean {
  return facts.command === 'STARTTLS' && facts.responseCode !== undefined;
}

/** An AUTH command refused as unknown, out of sequence or unimplemented, not for its credentials. */
function isAuthNotOffered(facts: ErrorFacts): boolean {
  return facts.code === 'EAUTH' && /^AUTH\b/i.test(facts.command ?? '') && [500, 502, 503, 504].includes(facts.responseCode ?? 0);
}

/** A 530/538 "must issue STARTTLS first" (RFC 3207, RFC 4954): not a matter of the password. */
function isTlsRequiredForAuth(facts: ErrorFacts): boolean {
  return (facts.responseCode === 530 || facts.responseCode === 538) && /STARTTLS|TLS|encrypt/i.test(facts.message);
}

/** The EHLO name nodemailer sends when the config sets none: the host name if it has a dot, else `[127.0.0.1]`. */
function defaultEhloName(): string {
  const name = hostname();
  return name.includes('.') ? name : '[127.0.0.1]';
}

function isAuthFailure(facts: ErrorFacts): boolean {
  return facts.code === 'EAUTH' || facts.responseCode === 535 || facts.responseCode === 534;
}

function isHeloRefusal(facts: ErrorFacts): boolean {
  return /^(EHLO|HELO)$/.test(facts.command ?? '') && facts.responseCode !== undefined && facts.responseCode >= 500;
}

function isConnectionFailure(facts: ErrorFacts): boolean {
  return facts.responseCode === undefined && ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ETLS', 'EPROTOCOL'].includes(facts.code ?? '');
}
