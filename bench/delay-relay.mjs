// A TCP relay on loopback that holds every chunk a fixed time in each direction: a WAN round trip
// without netem. Order is kept: chunks of one direction leave in the order they arrived.
import net from 'node:net';
import { setTimeout } from 'node:timers';

/**
 * Starts a relay on 127.0.0.1, port 0, to `target`.
 *
 * @param {{ targetPort: number, targetHost?: string, delayMs: number }} options
 * @returns {Promise<{ port: number, close: () => Promise<void> }>}
 */
export async function startDelayRelay({ targetPort, targetHost = '127.0.0.1', delayMs }) {
  const sockets = new Set();
  const server = net.createServer((client) => {
    client.setNoDelay(true);
    const upstream = net.connect({ port: targetPort, host: targetHost });
    upstream.setNoDelay(true);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    delayPipe(client, upstream, delayMs);
    delayPipe(upstream, client, delayMs);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Forwards `from` to `to`, each chunk `delayMs` after it arrived; an end follows the last chunk. */
function delayPipe(from, to, delayMs) {
  from.on('data', (chunk) => {
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, delayMs);
  });
  from.on('end', () => {
    setTimeout(() => to.end(), delayMs);
  });
}
