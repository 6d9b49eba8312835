import { createServer } from 'node:net';

/**
 * Finds a port on 127.0.0.1 that nothing listens on: it was free a moment ago. Connecting to it is
 * refused; a server started for a test may listen on it.
 *
 * @returns The port.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
