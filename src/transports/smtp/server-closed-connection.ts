/**
 * Tells apart, and reports truthfully, a message whose pooled connection the server closed before
 * the message went out: a server ending a connection it had been using (Exim's
 * `smtp_accept_max_per_connection` answers the next MAIL with `421 too many messages`) is not a
 * failed delivery, while a new connection closed before its greeting is.
 *
 * @module
 */

/** One connection of nodemailer's pool (`PoolResource`), as the pool closes it; not public API. */
interface ClosedResource {
  /** Messages handed to the connection, the one in flight included. */
  messages?: unknown;
  connection?: { lastServerResponse?: unknown } | false;
  queueEntry?: { callback?: unknown } | false;
}

/** The part of nodemailer's pool (`SMTPPool`) that {@link reportServerCloses} uses; not public API. */
interface NodemailerPool {
  _failDeliveryOnConnectionClose(resource: ClosedResource): void;
}

type EntryCallback = (error: Error | null, info?: unknown) => void;

/** Marks an error that {@link reportServerCloses} built for a connection that had carried messages. */
const CLOSED_AFTER_USE = Symbol('auth-mailer.closedAfterUse');

// A reply that ends the session or refuses: `421 4.7.0 too many messages`, not the `250` before it.
const FAILURE_REPLY = /^[45]\d\d/;

/**
 * Makes the pool fail a message whose connection closed before the message was sent with an error
 * that says what happened. nodemailer fails it (its requeueing being off) with `Reached maximum
 * number of retries after connection was closed` and no reply code; the error built here has code
 * `ECONNECTION`, the server's last reply when that was a 4xx or 5xx (its `responseCode` and
 * `response`: the 421 a server sends as it closes), and, when the connection had carried messages
 * before this one, the mark that {@link closedAfterUse} reads.
 *
 * It wraps the pool's `_failDeliveryOnConnectionClose()`, with its shape checked; a nodemailer
 * whose internals changed shape is left alone and its own error goes through.
 *
 * @param pool - The `transporter` of a nodemailer mailer; anything but a pool is left alone.
 * @example
 * ```ts
 * reportServerCloses(mailer.transporter);
 * ```
 */
export function reportServerCloses(pool: unknown): void {
  if (!isNodemailerPool(pool)) return;
  const failDelivery = pool._failDeliveryOnConnectionClose;
  pool._failDeliveryOnConnectionClose = function (this: NodemailerPool, resource: ClosedResource) {
    const entry = resource.queueEntry;
    if (entry && typeof entry.callback === 'function') {
      const callback = entry.callback as EntryCallback;
      const described: EntryCallback = (error, info) => callback(error === null ? null : closedError(resource), info);
      entry.callback = described;
    }
    failDelivery.call(this, resource);
  };
}

/**
 * Tells whether a failure is a server closing a pooled connection that had carried messages, before
 * a byte of this message was sent over it: the message can go out on a fresh connection, and the
 * attempt was not a failed delivery.
 *
 * @param error - What `sendMail` rejected with.
 * @returns `true` for an error {@link reportServerCloses} built for a connection closed after use.
 */
export function closedAfterUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[CLOSED_AFTER_USE] === true;
}

function closedError(resource: ClosedResource): Error {
  const last = resource.connection ? resource.connection.lastServerResponse : undefined;
  const reply = typeof last === 'string' && FAILURE_REPLY.test(last) ? last : undefined;
  const error = Object.assign(
    new Error(`The server closed the connection before the message was sent${reply === undefined ? '' : `: ${reply}`}`),
    { code: 'ECONNECTION', command: 'CONN' },
    reply === undefined ? {} : { response: reply, responseCode: Number(reply.slice(0, 3)) },
  );
  // The count includes the message that was about to go out.
  if (typeof resource.messages === 'number' && resource.messages > 1) Object.defineProperty(error, CLOSED_AFTER_USE, { value: true });
  return error;
}

function isNodemailerPool(value: unknown): value is NodemailerPool {
  return typeof (value as Partial<NodemailerPool> | undefined)?._failDeliveryOnConnectionClose === 'function';
}
