// A redis-server of the bench's own, on a free loopback port with a fresh data directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

/**
 * Starts redis-server with AOF on, fsync as given, no RDB snapshots.
 *
 * @param {{ appendfsync: 'always' | 'everysec' }} options
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startRedisServer({ appendfsync }) {
  const port = await new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'auth-mailer-bench-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', appendfsync], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: 0 });
  probe.on('error', () => undefined);
  for (let tries = 0; (await probe.ping().catch(() => '')) !== 'PONG'; tries += 1) {
    if (tries > 200) throw new Error('redis-server did not start (is it installed? apt-get install redis-server)');
    await sleep(25);
  }
  probe.disconnect();
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
