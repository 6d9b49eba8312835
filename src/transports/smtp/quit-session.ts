/**
 * Ends SMTP sessions the way RFC 5321 (4.1.1.10) asks: QUIT, the server's 221, then the close.
 * nodemailer's pool drops its connections without QUIT when it closes them (on `close()`, after
 * `maxMessages`), which servers such as Exim and OpenSMTPD log as a lost connection.
 *
 * @module
 */

/** How long to wait for the server's reply to QUIT before closing from our side. */
const QUIT_GRACE = 2000;

/** The part of nodemailer's `SMTPConnection` a QUIT needs; `quit()` closes it when the reply comes. */
export interface QuittableConnection {
  quit(): void;
  close(): void;
  once(event: 'end', listener: () => void): unknown;
}

/** The session state of nodemailer's `SMTPConnection` that tells an idle session; not public API. */
interface SessionState extends QuittableConnection {
  stage?: unknown;
  lastServerResponse?: unknown;
  upgrading?: unknown;
  _destroyed?: unknown;
  _closing?: unknown;
  _pendingSend?: unknown;
  _responseActions?: unknown;
}

/** The part of nodemailer's pool (`SMTPPool`) that {@link endPooledSessionsWithQuit} uses; not public API. */
interface NodemailerPool {
  _createConnection(): object;
}

/**
 * Sends QUIT; the connection closes when the server answers, or after {@link QUIT_GRACE} ms when it
 * does not.
 *
 * @param connection - A connected, idle nodemailer `SMTPConnection`.
 * @example
 * ```ts
 * connection.once('end', () => resolve(report));
 * quitSession(connection);
 * ```
 */
export function quitSession(connection: QuittableConnection): void {
  const timer = setTimeout(() => connection.close(), QUIT_GRACE);
  connection.once('end', () => clearTimeout(timer));
  connection.quit();
}

/**
 * Makes every connection the pool opens from now on end its session with QUIT when nodemailer
 * closes it while the session is idle: when the pool is closed, or after `maxMessages`. A
 * connection closed in the middle of a command (an abort, a failure, the server's 421) is closed
 * at once, as before. The pool forgets the connection as soon as it asks for the close; its
 * socket stays open until the server answered the QUIT (see `poolSockets` to wait for it).
 *
 * It wraps the pool's `_createConnection()` and, on each connection, `close()`, with their shape
 * checked; a nodemailer whose internals changed shape is left alone.
 *
 * @param pool - The `transporter` of a nodemailer mailer; anything but a pool is left alone.
 * @example
 * ```ts
 * endPooledSessionsWithQuit(mailer.transporter);
 * ```
 */
export function endPooledSessionsWithQuit(pool: unknown): void {
  if (!isNodemailerPool(pool)) return;
  const createConnection = pool._createConnection;
  pool._createConnection = function (this: NodemailerPool) {
    const resource = createConnection.call(this);
    // The resource creates its SMTPConnection when it connects, and stores it in `connection`.
    let connection: unknown = (resource as { connection?: unknown }).connection;
    Object.defineProperty(resource, 'connection', {
      configurable: true,
      enumerable: true,
      get: () => connection,
      set(value: unknown) {
        connection = value;
        if (isSessionState(value)) quitBeforeClose(value);
      },
    });
    return resource;
  };
}

function quitBeforeClose(connection: SessionState): void {
  const close = connection.close;
  connection.close = function (this: SessionState) {
    // Whatever happens next, a second close is the real one: on the 221, or when the grace ends.
    connection.close = close;
    if (isIdle(connection)) quitSession(connection);
    else close.call(connection);
  };
}

/**
 * Logged in, nothing in flight, and the last reply a success that did not end the session: a 421
 * or a 221 means the server is closing already, and a failure may have left a command unanswered.
 */
function isIdle(connection: SessionState): boolean {
  const responseActions = connection._responseActions;
  const last = connection.lastServerResponse;
  return (
    connection.stage === 'connected' &&
    connection._destroyed === false &&
    connection._closing === false &&
    connection.upgrading !== true &&
    connection._pendingSend === false &&
    Array.isArray(responseActions) &&
    responseActions.length === 0 &&
    typeof last === 'string' &&
    /^2\d\d/.test(last) &&
    !last.startsWith('221')
  );
}

function isNodemailerPool(value: unknown): value is NodemailerPool {
  return typeof (value as Partial<NodemailerPool> | undefined)?._createConnection === 'function';
}

function isSessionState(value: unknown): value is SessionState {
  const connection = value as Partial<SessionState> | undefined;
  return (
    typeof connection?.quit === 'function' &&
    typeof connection.close === 'function' &&
    typeof connection.once === 'function' &&
    '_responseActions' in connection
  );
}
