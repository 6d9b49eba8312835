/**
 * Reads the sockets of nodemailer's pool, so closing it can wait until they are gone.
 *
 * @module
 */
import type { Socket } from 'node:net';

/**
 * The open sockets of the pool's connections. nodemailer's pool does not expose them, and its
 * `close()` ends them without waiting; reading them first lets a close resolve only once they are
 * gone. The shape is checked at every step: a nodemailer that changed it yields none.
 *
 * @param pool - The `transporter` of a nodemailer mailer.
 * @returns The sockets still open; none when there is no pool or its shape is unknown.
 * @example
 * ```ts
 * const sockets = poolSockets(mailer.transporter);
 * mailer.close();
 * await Promise.all(sockets.map(closeOf));
 * ```
 */
export function poolSockets(pool: unknown): Socket[] {
  const connections = (pool as { _connections?: unknown })._connections;
  if (!Array.isArray(connections)) return [];
  return connections
    .map((resource: { connection?: { _socket?: unknown } }) => resource?.connection?._socket)
    .filter((socket): socket is Socket => isSocket(socket) && !socket.destroyed);
}

/**
 * Waits for a socket to close.
 *
 * @param socket - The socket.
 * @returns A promise that resolves once it has closed (at once when it already has).
 */
export function closeOf(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.closed) resolve();
    else socket.once('close', () => resolve());
  });
}

function isSocket(value: unknown): value is Socket {
  return typeof value === 'object' && value !== null && typeof (value as Socket).once === 'function';
}
