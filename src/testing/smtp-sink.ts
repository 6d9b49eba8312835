/**
 * An in-process SMTP server for integration tests: it receives real mail on 127.0.0.1, parses it,
 * and can refuse it on demand. The only importer of smtp-server and mailparser.
 *
 * @module
 */
import type { AddressInfo, Socket } from 'node:net';
import type { SMTPServer, SMTPServerOptions, SMTPServerSession } from 'smtp-server';
import { importOptional } from '../shared/import-optional.js';
import { asyncDispose } from '../shared/async-dispose.js';
import type { MailerConfig } from '../config/mailer-config.js';
import { MailerError } from '../errors/mailer-error.js';
import { extractFrom, toPredicate, type MatchedFields, type MessageMatcher, type MessageQuery } from './message-matcher.js';
import { MessageWaiters } from './message-waiters.js';

/** An SMTP reply the sink answers with instead of accepting: `{ code: 550, message: 'No such user' }`. */
export interface SinkReply {
  /** The reply code, 4xx or 5xx. */
  code: number;
  /** The reply text. @default 'Refused by the test sink' */
  message?: string;
}

/** What a hook returns: a reply to refuse with, or nothing to accept. May be async. */
export type SinkHookResult = SinkReply | undefined | void | Promise<SinkReply | undefined | void>;

/** One SMTP session, as the hooks see it. */
export interface SinkSession {
  /** The server's id for the connection. */
  id: string;
  /** Whether the connection is encrypted (implicit TLS or after STARTTLS). */
  secure: boolean;
  /** The authenticated user, once the client logged in. */
  user?: string;
  /** The name the client gave in EHLO/HELO. */
  clientName: string;
}

/** Credentials the sink demands (over AUTH PLAIN, LOGIN or XOAUTH2). */
export interface SinkCredentials {
  /** The expected user. */
  user: string;
  /** The expected password (PLAIN, LOGIN). */
  pass?: string;
  /** The expected OAuth2 access token (XOAUTH2). */
  accessToken?: string;
}

/** How to start an SMTP sink. */
export interface SmtpSinkOptions {
  /** Require AUTH with these credentials; wrong ones get `535`. Absent: no AUTH needed. */
  authenticate?: SinkCredentials;
  /** The AUTH mechanisms offered, in order. @default ['PLAIN', 'LOGIN', 'XOAUTH2'] */
  authMethods?: Array<'PLAIN' | 'LOGIN' | 'XOAUTH2'>;
  /** Implicit TLS from the first byte (as on port 465). @default false */
  secure?: boolean;
  /** Offer STARTTLS on a plain connection. @default false */
  starttls?: boolean;
  /** PEM key for TLS; smtp-server's built-in test certificate when absent. */
  key?: string;
  /** PEM certificate for TLS. */
  cert?: string;
  /** Advertise SMTPUTF8 (internationalized addresses). @default true */
  smtputf8?: boolean;
  /** Advertise and enforce a message size limit, in bytes. */
  size?: number;
  /** Called on connect, before the greeting: return a reply (such as 421) to refuse the connection. */
  onConnect?: (session: SinkSession) => SinkHookResult;
  /** Called on MAIL FROM: return a reply to refuse the sender. */
  onMailFrom?: (address: string, session: SinkSession) => SinkHookResult;
  /** Called on each RCPT TO: return a reply (such as `{ code: 550 }`) to refuse the recipient. */
  onRcptTo?: (address: string, session: SinkSession) => SinkHookResult;
  /** Called with each parsed message before it is stored: return a reply to refuse it. */
  onData?: (message: ReceivedMessage, session: SinkSession) => SinkHookResult;
}

/** One message the sink accepted, parsed. */
export interface ReceivedMessage {
  /** The SMTP envelope: MAIL FROM and every RCPT TO address. */
  envelope: {
    /** The `MAIL FROM` address. */
    from: string;
    /** The `RCPT TO` addresses the sink accepted. */
    to: string[];
  };
  /** The message exactly as received, headers and body. */
  raw: string;
  /** The decoded subject. */
  subject?: string;
  /** The `From` header, decoded, as `Name <addr>` (the name unquoted) or `addr`. */
  from?: string;
  /** The `To` header, decoded, written like `from`; several addresses are joined by `, `. */
  to?: string;
  /** The `Reply-To` header, decoded, written like `from`. */
  replyTo?: string;
  /** The `Message-ID` header. */
  messageId?: string;
  /** The plain-text body (the `text/plain` part). */
  text?: string;
  /** The HTML body (the `text/html` part). */
  html?: string;
  /** The top-level MIME type, such as `text/plain` or `multipart/alternative`. */
  contentType?: string;
  /** Every header by lowercase name, unfolded and not decoded; repeated headers joined by `, `. */
  headers: Record<string, string>;
  /** The session the message came in on. */
  session: SinkSession;
}

/** A config fragment that points a mailer at the sink. */
export type SinkConfig = Required<Pick<MailerConfig, 'host' | 'secure' | 'tls'>> &
  Pick<MailerConfig, 'auth'> & {
    /** The port the sink listens on, as a number. */
    port: number;
  };

/**
 * The fields a query can match in a received message: `to` matches any envelope recipient
 * (`RCPT TO`), `subject` the decoded subject. (A received message carries no usage type or locale.)
 */
export type ReceivedMessageQuery = Pick<MessageQuery, 'to' | 'subject'>;

/** Selects received messages: a {@link ReceivedMessageQuery}, or a predicate. */
export type ReceivedMessageMatcher = MessageMatcher<ReceivedMessage, ReceivedMessageQuery>;

/** Options of {@link SmtpSink.waitForMessages} and {@link SmtpSink.waitFor}. */
export interface SinkWaitOptions {
  /** Milliseconds to wait before rejecting. @default 5000 */
  timeout?: number;
}

/** A running SMTP sink. */
export interface SmtpSink {
  /** Always `127.0.0.1`. */
  readonly host: string;
  /** The port the sink listens on (picked by the OS). */
  readonly port: number;
  /**
   * Merge into a mailer config: host, port, secure, auth, and `tls.rejectUnauthorized: false` so
   * the sink's self-signed test certificate is accepted.
   */
  readonly config: SinkConfig;
  /** Every message accepted, oldest first. */
  readonly messages: ReceivedMessage[];
  /** How many connections were accepted since start (or the last `clear()`). */
  readonly connectionCount: number;
  /** How many connections are open now. */
  readonly openConnectionCount: number;
  /**
   * Waits until at least `count` messages were received.
   *
   * @param count - How many messages to wait for.
   * @param options - How long to wait.
   * @returns The received messages (possibly more than `count`).
   * @throws {@link index!MailerError} `Unavailable` when they do not arrive in time.
   */
  waitForMessages(count: number, options?: SinkWaitOptions): Promise<ReceivedMessage[]>;
  /**
   * Waits for a matching message: resolves at once when one was already received.
   *
   * @param matcher - Fields to match (`{ to, subject }`) or a predicate.
   * @param options - How long to wait.
   * @returns The (newest) matching message.
   * @throws {@link index!MailerError} `Unavailable` when none arrives in time.
   * @example
   * ```ts
   * const message = await sink.waitFor({ to: 'ada@example.com', subject: /sign-in/i });
   * ```
   */
  waitFor(matcher: ReceivedMessageMatcher, options?: SinkWaitOptions): Promise<ReceivedMessage>;
  /**
   * Finds the most recent message that matches.
   *
   * @param matcher - Fields to match or a predicate.
   * @returns The newest matching message, or `undefined`.
   */
  find(matcher: ReceivedMessageMatcher): ReceivedMessage | undefined;
  /**
   * Finds every message that matches.
   *
   * @param matcher - Fields to match or a predicate.
   * @returns The matching messages, oldest first.
   */
  findAll(matcher: ReceivedMessageMatcher): ReceivedMessage[];
  /**
   * Extracts something from the most recent (matching) message: a code, a link. The plain-text
   * body is searched first, then the HTML body, then the subject.
   *
   * @param pattern - What to look for; its first capture group is returned when it has one.
   * @param matcher - Which messages to consider; all of them when absent.
   * @returns The first capture group (or the whole match), or `undefined` when nothing matches.
   * @example
   * ```ts
   * const code = sink.extract(/\b(\d{6})\b/, { to: 'ada@example.com' });
   * ```
   */
  extract(pattern: RegExp, matcher?: ReceivedMessageMatcher): string | undefined;
  /** Forgets received messages and resets the connection count. */
  clear(): void;
  /** Stops listening and drops every connection; resolves when no socket is left. */
  close(): Promise<void>;
  /** Closes the sink, for `await using`. */
  [Symbol.asyncDispose](): Promise<void>;
}

interface Waiter {
  count: number;
  resolve: (messages: ReceivedMessage[]) => void;
}

/**
 * Starts an SMTP server on 127.0.0.1 on a free port that accepts (or, through its hooks, refuses)
 * mail and keeps every message parsed. No reverse DNS lookups, no console output.
 *
 * smtp-server always waits 100 ms before its greeting (to catch clients that talk too soon), so
 * each new connection costs that much; pooled sends reuse one.
 *
 * It needs the packages `smtp-server` and `mailparser`, optional peer dependencies of auth-mailer
 * that a production install goes without: `npm install --save-dev smtp-server mailparser`.
 *
 * @param options - Auth, TLS and failure hooks.
 * @returns The running sink; close it when done.
 * @throws {@link index!MailerError} `InvalidConfig` naming the package to install when
 *   `smtp-server` or `mailparser` is missing.
 * @example
 * ```ts
 * import { startSmtpSink } from 'auth-mailer/testing';
 *
 * const sink = await startSmtpSink({ onRcptTo: (to) => (to.startsWith('bounce@') ? { code: 550 } : undefined) });
 * const mailer = createMailer({ ...config, ...sink.config });
 * await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * const [message] = await sink.waitForMessages(1);
 * expect(message.text).toContain('123456');
 * await mailer.close();
 * await sink.close();
 * ```
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const [{ SMTPServer }, { simpleParser }] = await importOptional(
    () => Promise.all([import('smtp-server'), import('mailparser')]),
    ['smtp-server', 'mailparser'],
    'the SMTP sink',
  );
  const messages: ReceivedMessage[] = [];
  const waiters = new Set<Waiter>();
  const matchWaiters = new MessageWaiters<ReceivedMessage>();
  let connectionCount = 0;
  const credentials = options.authenticate;

  const notify = (): void => {
    for (const waiter of waiters) if (messages.length >= waiter.count) waiter.resolve([...messages]);
  };

  const serverOptions: SMTPServerOptions = {
    secure: options.secure ?? false,
    hideSTARTTLS: !(options.starttls ?? false),
    hideSMTPUTF8: !(options.smtputf8 ?? true),
    ...(options.key === undefined ? {} : { key: options.key }),
    ...(options.cert === undefined ? {} : { cert: options.cert }),
    ...(options.size === undefined ? {} : { size: options.size }),
    logger: false,
    disableReverseLookup: true,
    authOptional: credentials === undefined,
    allowInsecureAuth: true,
    authMethods: options.authMethods ?? ['PLAIN', 'LOGIN', 'XOAUTH2'],
    onConnect(session, callback) {
      connectionCount += 1;
      reply(options.onConnect?.(toSinkSession(session)), callback);
    },
    onAuth(auth, _session, callback) {
      const valid =
        credentials !== undefined &&
        auth.username === credentials.user &&
        (auth.method === 'XOAUTH2'
          ? credentials.accessToken !== undefined && auth.accessToken === credentials.accessToken
          : credentials.pass !== undefined && auth.password === credentials.pass);
      if (valid) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onMailFrom(address, session, callback) {
      reply(options.onMailFrom?.(address.address, toSinkSession(session)), callback);
    },
    onRcptTo(address, session, callback) {
      reply(options.onRcptTo?.(address.address, toSinkSession(session)), callback);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = {
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
        };
        simpleParser(raw)
          .then(async (parsed) => {
            const message = toReceivedMessage(raw, envelope, parsed, toSinkSession(session));
            const refusal = await options.onData?.(message, message.session);
            if (refusal) throw toSmtpError(refusal);
            messages.push(message);
            notify();
            matchWaiters.notify(message);
            callback(null, 'OK: message received by the test sink');
          })
          .catch((error: unknown) => callback(error as Error));
      });
    },
  };
  const server: SMTPServer = new SMTPServer(serverOptions);
  // Failed TLS handshakes and dropped clients are what failure tests provoke; the client reports them.
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  const sink: SmtpSink = {
    host: '127.0.0.1',
    port,
    config: {
      host: '127.0.0.1',
      port,
      secure: options.secure ?? false,
      tls: { rejectUnauthorized: false },
      ...(credentials === undefined
        ? {}
        : {
            auth:
              credentials.pass === undefined
                ? { type: 'OAuth2', user: credentials.user, accessToken: credentials.accessToken ?? '' }
                : { user: credentials.user, pass: credentials.pass },
          }),
    },
    messages,
    get connectionCount() {
      return connectionCount;
    },
    get openConnectionCount() {
      return server.connections.size;
    },
    waitForMessages(count, waitOptions = {}) {
      if (messages.length >= count) return Promise.resolve([...messages]);
      const timeout = waitOptions.timeout ?? 5000;
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          count,
          resolve: (received) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(received);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new MailerError(
              'Unavailable',
              `the SMTP sink received ${messages.length} of ${count} messages within ${timeout} ms`,
            ),
          );
        }, timeout);
        waiters.add(waiter);
      });
    },
    waitFor(matcher, waitOptions = {}) {
      const existing = sink.find(matcher);
      if (existing !== undefined) return Promise.resolve(existing);
      return matchWaiters.wait(toPredicate(matcher, fieldsOf), waitOptions.timeout ?? 5000, 'the SMTP sink waitFor');
    },
    find(matcher) {
      return sink.findAll(matcher).at(-1);
    },
    findAll(matcher) {
      return messages.filter(toPredicate(matcher, fieldsOf));
    },
    extract(pattern, matcher) {
      return extractFrom(pattern, matcher === undefined ? messages.at(-1) : sink.find(matcher));
    },
    clear() {
      messages.length = 0;
      connectionCount = 0;
    },
    close() {
      // net.Server reports 'close' before the sockets it counted are released, so each
      // connection's socket (the TLS one, once upgraded) is awaited too.
      closing ??= (async () => {
        const open = [...server.connections].map((connection) => connection._socket);
        const closed = Promise.all(open.map(waitForClose));
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of open) socket.destroy();
        await Promise.all([stopped, closed]);
      })();
      return closing;
    },
    [asyncDispose]() {
      return sink.close();
    },
  };
  return sink;
}

/** What a query matches in a received message: the envelope's recipients and the subject. */
function fieldsOf(message: ReceivedMessage): MatchedFields {
  return { recipients: message.envelope.to, ...(message.subject === undefined ? {} : { subject: message.subject }) };
}

function waitForClose(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.closed) resolve();
    else socket.once('close', () => resolve());
  });
}

/** Answers an smtp-server callback with a hook's result: accept, refuse, or report its failure. */
function reply(result: SinkHookResult, callback: (error?: Error | null) => void): void {
  Promise.resolve(result).then(
    (refusal) => callback(refusal ? toSmtpError(refusal) : null),
    (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
  );
}

function toSmtpError(refusal: SinkReply): Error {
  return Object.assign(new Error(refusal.message ?? 'Refused by the test sink'), { responseCode: refusal.code });
}

function toSinkSession(session: SMTPServerSession): SinkSession {
  const user = session.user as unknown;
  return {
    id: session.id,
    secure: session.secure,
    clientName: session.hostNameAppearsAs ?? '',
    ...(typeof user === 'string' ? { user } : {}),
  };
}

interface ParsedAddresses {
  value: Array<{ name: string; address?: string }>;
}

interface ParsedMessage {
  subject?: string;
  from?: ParsedAddresses;
  to?: ParsedAddresses | ParsedAddresses[];
  replyTo?: ParsedAddresses;
  messageId?: string;
  text?: string;
  html?: string | false;
  headers: Map<string, unknown>;
  headerLines: ReadonlyArray<{ key: string; line: string }>;
}

function toReceivedMessage(
  raw: string,
  envelope: ReceivedMessage['envelope'],
  parsed: ParsedMessage,
  session: SinkSession,
): ReceivedMessage {
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
  }
  const contentType = parsed.headers.get('content-type') as { value?: string } | undefined;
  return {
    envelope,
    raw,
    headers,
    session,
    ...defined({
      subject: parsed.subject,
      from: formatAddresses(parsed.from),
      to: formatAddresses(parsed.to),
      replyTo: formatAddresses(parsed.replyTo),
      messageId: parsed.messageId,
      text: parsed.text,
      html: parsed.html === false ? undefined : parsed.html,
      contentType: contentType?.value,
    }),
  };
}

/** Writes parsed addresses as `Name <addr>` (decoded, unquoted) or `addr`, joined by `, `. */
function formatAddresses(addresses: ParsedAddresses | ParsedAddresses[] | undefined): string | undefined {
  if (addresses === undefined) return undefined;
  return [addresses]
    .flat()
    .flatMap((list) => list.value)
    .map(({ name, address = '' }) => (name === '' ? address : `${name} <${address}>`))
    .join(', ');
}

function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
