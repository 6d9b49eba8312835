/**
 * The default transport: nodemailer's SMTP transport with pooled connections. The only importer of
 * nodemailer, and it loads nodemailer on first use, so users of other transports never do.
 *
 * @module
 */
import type { Socket } from 'node:net';
import { classifyError, type ErrorContext } from '../classify-error.js';
import type { ResolvedMailerConfig } from '../config/mailer-config.js';
import { MailerError } from '../errors.js';
import type { MailMessage, Transport, TransportResult, TransportSendOptions } from '../transport.js';
import { createRedactor, secretsOf } from './redact-secrets.js';
import { createRedactingLogger } from './redacting-logger.js';
import { createSmtpUtf8Check } from './smtp-utf8-check.js';

/** The part of nodemailer's `Mail` object this transport uses. */
interface NodemailerMailer {
  sendMail(mail: Record<string, unknown>): Promise<NodemailerInfo>;
  verify(): Promise<unknown>;
  close(): void;
  /** The SMTP pool (or single-connection transport) behind the mailer. */
  transporter: unknown;
}

interface NodemailerInfo {
  messageId: string;
  accepted?: Array<string | { address: string }>;
  rejected?: Array<string | { address: string }>;
  response?: string;
}

/**
 * Creates the SMTP transport for a resolved config. Nothing connects until the first `send` or
 * `verify`; then one nodemailer transport is created (concurrent first calls share it) and reused,
 * with pooled connections unless `pool: false`.
 *
 * A failed delivery is never retried here (the pool's own requeueing is off): the mailer's retry
 * loop decides, and counts every attempt. A pooled connection the server closed while idle is
 * dropped from the pool, and the next send opens a fresh one.
 *
 * `verify()` connects and authenticates; with the pool, and when it has no connection yet, it
 * does so on a pooled connection and leaves it open, so calling it at startup spares the first send
 * the TCP, TLS and AUTH round trips. Without the pool it uses a connection of its own and quits.
 *
 * Aborting a send's signal rejects it at once, and a message still queued is never sent. A message
 * the pool has already handed to the server may still be delivered: SMTP cannot take it back.
 *
 * Failures are thrown as {@link MailerError}s classified by {@link classifyError}, with every
 * credential of the config removed from the message and cause. With `logger: true`, nodemailer's
 * log goes to the console through a logger that redacts the same credentials.
 *
 * @param config - The resolved config: host, port, secure, auth and the nodemailer options.
 * @returns The transport; call `close()` to release its connections.
 * @example
 * ```ts
 * const transport = createSmtpTransport(resolveConfig(config));
 * await transport.send(message, { signal: AbortSignal.timeout(30_000) });
 * await transport.close();
 * ```
 */
export function createSmtpTransport(config: ResolvedMailerConfig): Transport {
  const secrets = secretsOf(config);
  const user = config.auth?.user;
  const redact = createRedactor(secrets, user);
  const context = (operation: string): ErrorContext => ({
    operation,
    host: config.host,
    port: config.port,
    secure: config.secure,
    name: config.smtp.name,
    secrets,
    user,
  });
  const checkSmtpUtf8 = createSmtpUtf8Check(config);
  let mailer: Promise<NodemailerMailer> | undefined;
  // The same mailer once loaded, so a send need not await the promise again.
  let loaded: NodemailerMailer | undefined;
  let closing: Promise<void> | undefined;
  let inFlight = 0;
  let whenIdle: (() => void) | undefined;

  const getMailer = (): Promise<NodemailerMailer> => {
    mailer ??= import('nodemailer').then(({ createTransport }) => {
      const { logger, ...smtp } = config.smtp;
      return createTransport({
        ...smtp,
        host: config.host,
        port: config.port,
        secure: config.secure,
        auth: toNodemailerAuth(config.auth),
        logger: logger === true ? createRedactingLogger(redact) : false,
        // The mailer's retry loop is the one retry point: a pool that silently requeued a message
        // after a dropped connection would spend attempts the send never counts.
        maxRequeues: 0,
      } as Parameters<typeof createTransport>[0]) as unknown as NodemailerMailer;
    });
    return mailer.then((created) => (loaded = created));
  };

  /**
   * Runs `work` unless closed, counting it as in flight so `close()` waits for it. Failures are
   * classified; `operation` names them and is built only then.
   */
  const track = async <T>(operation: () => string, work: () => Promise<T>): Promise<T> => {
    if (closing !== undefined) throw new MailerError('Closed', `${operation()}: the SMTP transport was closed`);
    inFlight += 1;
    try {
      return await work();
    } catch (error) {
      throw classifyError(error, context(operation()));
    } finally {
      inFlight -= 1;
      if (inFlight === 0) whenIdle?.();
    }
  };

  return {
    send(message: MailMessage, options: TransportSendOptions): Promise<TransportResult> {
      return track(() => `send ${message.usageType} to ${message.to}`, async () => {
        options.signal.throwIfAborted();
        await checkSmtpUtf8(message);
        const transporter = loaded ?? (await getMailer());
        options.signal.throwIfAborted();
        const info = await transporter.sendMail({
          from: message.from,
          to: message.to,
          replyTo: message.replyTo,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
          signal: options.signal,
          disableFileAccess: config.smtp.disableFileAccess,
          disableUrlAccess: config.smtp.disableUrlAccess,
        });
        return {
          messageId: info.messageId,
          accepted: (info.accepted ?? []).map(toAddress),
          rejected: (info.rejected ?? []).map(toAddress),
          ...(info.response === undefined ? {} : { response: info.response }),
        };
      });
    },

    verify(): Promise<void> {
      return track(
        () => 'verify',
        async () => {
          const transporter = await getMailer();
          if (!(await openPooledConnection(transporter.transporter))) await transporter.verify();
        },
      );
    },

    close(): Promise<void> {
      closing ??= (async () => {
        if (inFlight > 0) await new Promise<void>((resolve) => (whenIdle = resolve));
        if (mailer === undefined) return;
        const transporter = await mailer.catch(() => undefined);
        if (transporter === undefined) return;
        const sockets = openSockets(transporter.transporter);
        transporter.close();
        await Promise.all(sockets.map(waitForClose));
      })();
      return closing;
    },
  };
}

/** The part of nodemailer's pool (`SMTPPool`) that {@link openPooledConnection} uses; not public API. */
interface NodemailerPool {
  options: object;
  _connections: unknown[];
  _createConnection(): PoolResource;
}

/** One connection of nodemailer's pool (`PoolResource`); not public API. */
interface PoolResource {
  available: boolean;
  connect(callback: (error?: Error | null) => void): void;
  once(event: 'error', listener: (error: Error) => void): void;
  once(event: 'close', listener: () => void): void;
  removeListener(event: 'error' | 'close', listener: (error: Error) => void): void;
  emit(event: 'available'): boolean;
}

/**
 * Opens, authenticates and leaves in the pool one connection, so `verify()` at startup also spares
 * the first send the handshakes. nodemailer has no public way to do this: this uses the pool's own
 * `_createConnection()` and the resource's `connect()`, as the pool does before a send, with the
 * shape checked first. It does nothing and returns `false` when there is no pool (`pool: false`),
 * when the pool already has a connection, or when nodemailer's internals changed shape; the caller
 * then verifies the plain way, on a connection of its own.
 *
 * While it connects, the resource is marked busy so the pool does not hand it a message (which would
 * open a second connection); once logged in, it is marked available and the pool is told, so a queued
 * message goes out on it at once. A failure rejects with nodemailer's error, and the pool drops the
 * resource as it does any connection that failed.
 */
async function openPooledConnection(pool: unknown): Promise<boolean> {
  if (!isIdleNodemailerPool(pool)) return false;
  const resource = pool._createConnection();
  if (!isPoolResource(resource)) {
    pool._connections.splice(pool._connections.indexOf(resource), 1);
    return false;
  }
  resource.available = false;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error): void => {
      resource.removeListener('error', fail);
      resource.removeListener('close', closed);
      reject(error);
    };
    // A close is reported after the error that caused it (a refused login closes the connection
    // first), and alone when the server hung up before its greeting, where nodemailer calls back never.
    const closed = (): void =>
      void setImmediate(() => fail(Object.assign(new Error('Connection closed before login'), { code: 'ECONNECTION' })));
    resource.once('error', fail);
    resource.once('close', closed);
    resource.connect((error) => {
      if (error) return fail(error);
      resource.removeListener('error', fail);
      resource.removeListener('close', closed);
      resolve();
    });
  });
  resource.available = true;
  resource.emit('available');
  return true;
}

function isIdleNodemailerPool(value: unknown): value is NodemailerPool {
  const pool = value as Partial<NodemailerPool> | undefined;
  return (
    typeof pool?._createConnection === 'function' &&
    Array.isArray(pool._connections) &&
    pool._connections.length === 0 &&
    typeof pool.options === 'object'
  );
}

function isPoolResource(value: unknown): value is PoolResource {
  const resource = value as Partial<PoolResource> | undefined;
  return (
    resource?.available === true &&
    typeof resource.connect === 'function' &&
    typeof resource.once === 'function' &&
    typeof resource.removeListener === 'function' &&
    typeof resource.emit === 'function'
  );
}

function toNodemailerAuth(auth: ResolvedMailerConfig['auth']): Record<string, unknown> | undefined {
  if (auth === undefined) return undefined;
  if (auth.type === 'login') return { user: auth.user, pass: auth.pass };
  return { ...auth };
}

function toAddress(address: string | { address: string }): string {
  return typeof address === 'string' ? address : address.address;
}

/**
 * The sockets of the pool's connections. nodemailer's pool does not expose them, and its
 * `close()` ends them without waiting; reading them here lets `close()` resolve only once they
 * are gone. The shape is checked at every step: a nodemailer that changed it yields none.
 */
function openSockets(pool: unknown): Socket[] {
  const connections = (pool as { _connections?: unknown })._connections;
  if (!Array.isArray(connections)) return [];
  return connections
    .map((resource: { connection?: { _socket?: unknown } }) => resource?.connection?._socket)
    .filter((socket): socket is Socket => isSocket(socket) && !socket.destroyed);
}

function isSocket(value: unknown): value is Socket {
  return typeof value === 'object' && value !== null && typeof (value as Socket).once === 'function';
}

function waitForClose(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.closed) resolve();
    else socket.once('close', () => resolve());
  });
}
