/**
 * The SMTP transport's implementation: nodemailer's mailer with pooled connections. The transport
 * loads this module on its first `send` or `verify`, so
 * nothing here is read or compiled by users of other transports.
 *
 * @module
 */
import type { ResolvedMailerConfig } from '../../config/mailer-config.js';
import type { MailMessage, TransportResult } from '../../types/transport.js';
import { untilAborted } from '../../shared/until-aborted.js';
import { openPooledConnection } from './open-pooled-connection.js';
import { closeOf, poolSockets } from './pool-sockets.js';
import { secretsOf } from '../../config/secrets-of.js';
import { createRedactor } from '../../errors/redact-secrets.js';
import { createRedactingLogger } from './redacting-logger.js';
import { createTransport } from './nodemailer.js';
import { endPooledSessionsWithQuit } from './quit-session.js';
import { closedAfterUse, reportServerCloses } from './server-closed-connection.js';
import { createSmtpUtf8Check } from './smtp-utf8-check.js';

/**
 * How many times one attempt's message may move to another connection because the server closed a
 * used one under it. A healthy server with a limit of messages per connection can close several in
 * a row under the same message (each connection of the pool may reach the limit together, and the
 * message waits behind others for the next one); the bound is for a server that would close every
 * used connection forever. The send's deadline bounds the moves too.
 */
export const MAX_CONNECTION_MOVES = 10;

/** What the SMTP transport delegates to; every failure is nodemailer's or Node's, unclassified. */
export interface SmtpDelivery {
  /** Sends one message; rejects as soon as `signal` aborts, whatever the delivery's state. */
  send(message: MailMessage, signal: AbortSignal): Promise<TransportResult>;
  /** Connects and logs in, leaving a pooled connection open when there is a pool. */
  verify(): Promise<void>;
  /** Closes the connections, resolving once their sockets are gone. */
  close(): Promise<void>;
}

/** The part of nodemailer's `Mail` object this module uses. */
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
 * Creates nodemailer's mailer for a resolved config; nothing connects until the first send or
 * verify. The pool never requeues a failed message: the mailer's retry loop is the one retry point,
 * and counts every attempt. One failure is not an attempt: the server closing a pooled connection
 * that had carried messages, before this message went out over it (a server's limit of messages
 * per connection, or its idle timeout racing the send). The message then moves to another
 * connection, up to {@link MAX_CONNECTION_MOVES} times per attempt; a further close fails the
 * attempt, with the server's reply code.
 *
 * Every session ends with QUIT: when the pool is closed, when a connection reaches `maxMessages`,
 * and with `pool: false`, which runs as a pool whose connections carry one message each.
 *
 * With `auth`, every connection logs in before it is used, even when the server offers no AUTH:
 * a session that cannot log in fails instead of sending unauthenticated.
 *
 * A send first runs the SMTPUTF8 check (a probe connection, for the first internationalized
 * address only), bounded by the signal like the rest of the delivery. With `logger: true`,
 * nodemailer's log goes to the console through a logger that redacts the config's credentials.
 *
 * @param config - The resolved config: host, port, secure, auth and the nodemailer options.
 * @returns The delivery.
 * @example
 * ```ts
 * const delivery = createSmtpDelivery(config);
 * const result = await delivery.send(message, AbortSignal.timeout(30_000));
 * await delivery.close();
 * ```
 */
export function createSmtpDelivery(config: ResolvedMailerConfig): SmtpDelivery {
  const { logger, ...smtp } = config.smtp;
  const pooled = smtp.pool;
  const mailer = createTransport({
    ...smtp,
    // nodemailer's single-connection transport drops its connection without QUIT after each message.
    ...(pooled ? {} : { pool: true, maxMessages: 1, maxConnections: Number.POSITIVE_INFINITY }),
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: toNodemailerAuth(config.auth),
    // With credentials, a session that never logs in must fail, not send unauthenticated: nodemailer
    // then logs in even when the server offers no AUTH, and the server's refusal is the error.
    forceAuth: config.auth !== undefined,
    logger: logger === true ? createRedactingLogger(createRedactor(secretsOf(config), config.auth?.user)) : false,
    // A pool that silently requeued a message after a dropped connection would spend attempts
    // the mailer's retry loop never counts.
    maxRequeues: 0,
  } as Parameters<typeof createTransport>[0]) as unknown as NodemailerMailer;
  reportServerCloses(mailer.transporter);
  endPooledSessionsWithQuit(mailer.transporter);
  const checkSmtpUtf8 = createSmtpUtf8Check(config);

  return {
    async send(message, signal) {
      signal.throwIfAborted();
      const probing = checkSmtpUtf8(message);
      if (probing !== undefined) await untilAborted(probing, signal);
      // disableFileAccess and disableUrlAccess are transport options: nodemailer applies them to
      // every message, and message data can only tighten them.
      const mail: Record<string, unknown> = {
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
        signal,
      };
      if (message.replyTo !== undefined) mail.replyTo = message.replyTo;
      const info = await sendMovingOnClose(mailer, mail, signal);
      return {
        messageId: info.messageId,
        accepted: (info.accepted ?? []).map(toAddress),
        rejected: (info.rejected ?? []).map(toAddress),
        ...(info.response === undefined ? {} : { response: info.response }),
      };
    },

    async verify() {
      // Without the pool, verify on a connection of its own that ends with QUIT.
      if (!pooled || !(await openPooledConnection(mailer.transporter))) await mailer.verify();
    },

    async close() {
      const sockets = poolSockets(mailer.transporter);
      mailer.close();
      await Promise.all(sockets.map(closeOf));
    },
  };
}

/** Sends `mail`, again on another connection when the server closed a used one before it went out. */
async function sendMovingOnClose(
  mailer: NodemailerMailer,
  mail: Record<string, unknown>,
  signal: AbortSignal,
): Promise<NodemailerInfo> {
  for (let moves = 0; ; moves += 1) {
    try {
      return await mailer.sendMail(mail);
    } catch (error) {
      if (!closedAfterUse(error) || moves >= MAX_CONNECTION_MOVES || signal.aborted) throw error;
    }
  }
}

function toNodemailerAuth(auth: ResolvedMailerConfig['auth']): Record<string, unknown> | undefined {
  if (auth === undefined) return undefined;
  if (auth.type === 'login') return { user: auth.user, pass: auth.pass };
  return { ...auth };
}

function toAddress(address: string | { address: string }): string {
  return typeof address === 'string' ? address : address.address;
}
