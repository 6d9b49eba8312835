/**
 * The default transport: nodemailer's SMTP transport with pooled connections. This module is small
 * and loaded with the package; the implementation, nodemailer with it, loads on first use, so users
 * of other transports never read or compile either.
 *
 * @module
 */
import { classifyError } from '../../errors/classify-error.js';
import type { ResolvedMailerConfig } from '../../config/mailer-config.js';
import { MailerError } from '../../errors/mailer-error.js';
import { SETTLES_ON_ABORT, type MarkedTransport } from '../../shared/settles-on-abort.js';
import type { MailMessage, Transport, TransportResult, TransportSendOptions } from '../../types/transport.js';
import { untilAborted } from '../../shared/until-aborted.js';
import { smtpErrorContext } from './smtp-error-context.js';
import type { SmtpDelivery } from './smtp-delivery.js';

/** nodemailer's pool size when the config sets no `maxConnections`. */
const DEFAULT_MAX_CONNECTIONS = 5;

/**
 * Creates the SMTP transport for a resolved config. Nothing is loaded and nothing connects until
 * the first `send` or `verify`; then the implementation and nodemailer load (concurrent first calls
 * share one load), and one nodemailer transport is created and reused, with pooled connections
 * unless `pool: false`.
 *
 * A failed delivery is never retried here (the pool's own requeueing is off): the mailer's retry
 * loop decides, and counts every attempt. A pooled connection the server closed while idle is
 * dropped from the pool, and the next send opens a fresh one. A message whose used connection the
 * server closed before it went out (a 421 at the server's limit of messages per connection) moves
 * to another connection without counting as an attempt, a bounded number of times.
 *
 * `verify()` connects and authenticates; with the pool, and when it has no connection yet, it
 * does so on a pooled connection and leaves it open, so calling it at startup spares the first send
 * the TCP, TLS and AUTH round trips. Without the pool it uses a connection of its own and quits.
 *
 * It takes twice `maxConnections` sends at once (`maxInFlight`, 10 with the defaults), the mailer's
 * default window for it.
 *
 * Aborting a send's signal rejects it at once, in every state (loading, probing the server for
 * SMTPUTF8, queued, sending), and a message still queued is never sent; the transport carries the
 * {@link SETTLES_ON_ABORT} mark for that reason. A message the pool has already handed to the server
 * may still be delivered: SMTP cannot take it back.
 *
 * Failures are thrown as {@link MailerError}s classified by {@link classifyError}, with every
 * credential of the config removed from the message and cause. With `logger: true`, nodemailer's
 * log goes to the console through a logger that redacts the same credentials. `close()` waits for
 * the sends in flight, then ends each session with QUIT and waits for the connections to close;
 * before first use it loads nothing. With `pool: false`, each message's session ends with QUIT.
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
  const context = smtpErrorContext(config);
  let loading: Promise<SmtpDelivery> | undefined;
  // The same delivery once loaded, so a send need not wait on the promise again.
  let delivery: SmtpDelivery | undefined;
  let closing: Promise<void> | undefined;
  let inFlight = 0;
  let whenIdle: (() => void) | undefined;

  const load = (): Promise<SmtpDelivery> =>
    (loading ??= import('./smtp-delivery.js').then(({ createSmtpDelivery }) => (delivery = createSmtpDelivery(config))));

  const sendOnceLoaded = async (message: MailMessage, signal: AbortSignal): Promise<TransportResult> => {
    signal.throwIfAborted();
    return (await untilAborted(load(), signal)).send(message, signal);
  };

  const settle = (): void => {
    inFlight -= 1;
    if (inFlight === 0) whenIdle?.();
  };

  /**
   * Runs `work` unless closed, counting it as in flight so `close()` waits for it. Failures are
   * classified; `operation` names them and is built only then.
   */
  const track = <T>(operation: () => string, work: () => Promise<T>): Promise<T> => {
    if (closing !== undefined) {
      return Promise.reject(new MailerError('Closed', `${operation()}: the SMTP transport was closed`));
    }
    inFlight += 1;
    return work().then(
      (value) => (settle(), value),
      (error: unknown) => {
        settle();
        throw classifyError(error, context(operation()));
      },
    );
  };

  const transport: MarkedTransport = {
    [SETTLES_ON_ABORT]: true,
    // Every pooled connection has one message on the wire and the next one ready; with
    // `pool: false`, where each message opens its own connection, it also caps the connections.
    maxInFlight: 2 * (config.smtp.maxConnections ?? DEFAULT_MAX_CONNECTIONS),

    send(message: MailMessage, options: TransportSendOptions): Promise<TransportResult> {
      const { signal } = options;
      return track(
        () => `send ${message.usageType} to ${message.to}`,
        () => (delivery === undefined ? sendOnceLoaded(message, signal) : delivery.send(message, signal)),
      );
    },

    verify(): Promise<void> {
      return track(
        () => 'verify',
        () => load().then((loaded) => loaded.verify()),
      );
    },

    close(): Promise<void> {
      closing ??= (async () => {
        if (inFlight > 0) await new Promise<void>((resolve) => (whenIdle = resolve));
        const loaded = await loading?.catch(() => undefined);
        await loaded?.close();
      })();
      return closing;
    },
  };
  return transport;
}
