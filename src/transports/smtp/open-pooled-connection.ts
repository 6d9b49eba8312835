/**
 * Opens one connection of nodemailer's SMTP pool ahead of the first send, so `verify()` at startup
 * also spares that send the handshakes.
 *
 * @module
 */

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
 * Opens, authenticates and leaves in the pool one connection. nodemailer has no public way to do
 * this: this uses the pool's own `_createConnection()` and the resource's `connect()`, as the pool
 * does before a send, with the shape checked first. It does nothing and returns `false` when there
 * is no pool (`pool: false`), when the pool already has a connection, or when nodemailer's
 * internals changed shape; the caller then verifies the plain way, on a connection of its own.
 *
 * While it connects, the resource is marked busy so the pool does not hand it a message (which would
 * open a second connection); once logged in, it is marked available and the pool is told, so a queued
 * message goes out on it at once. A failure rejects with nodemailer's error, and the pool drops the
 * resource as it does any connection that failed.
 *
 * @param pool - The `transporter` of a nodemailer mailer: a pool, or a single-connection transport.
 * @returns `true` once a pooled connection is open and logged in; `false` when none was opened.
 * @throws nodemailer's connection or authentication error, unclassified.
 * @example
 * ```ts
 * if (!(await openPooledConnection(mailer.transporter))) await mailer.verify();
 * ```
 */
export async function openPooledConnection(pool: unknown): Promise<boolean> {
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
