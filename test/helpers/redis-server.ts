import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.js';

/** The redis-server binary: `/usr/bin/redis-server` (Debian's package, which `.ci/run` installs). */
const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((file) => existsSync(file));

/** A real redis-server on 127.0.0.1, with its own port and data directory. */
export interface RedisInstance {
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Its data directory (the AOF lives here when `appendonly` is on). */
  readonly dir: string;
  /** Stops the server (SIGKILL: nothing is flushed that the AOF did not already hold), keeping its data. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data directory (replaying the AOF). */
  restart(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open, nothing is answered. */
  pause(): void;
  /** Lets a paused server run again (SIGCONT). */
  resume(): void;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}

/** How to start a {@link startRedis | Redis instance}. */
export interface RedisInstanceOptions {
  /** Turns the append-only file on (`appendfsync always`), for the durability tests. @default false */
  appendonly?: boolean;
}

/**
 * Starts `redis-server` on a free loopback port with a fresh data directory, no RDB snapshots, and
 * resolves once it answers PING.
 *
 * @param options - Whether to keep an append-only file.
 * @returns The running instance; call `stop()` after the test.
 */
export async function startRedis(options: RedisInstanceOptions = {}): Promise<RedisInstance> {
  if (REDIS_SERVER === undefined) throw new Error('redis-server is not installed: apt-get install redis-server (.ci/run does)');
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'auth-mailer-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--daemonize', 'no'];
  args.push('--appendonly', options.appendonly === true ? 'yes' : 'no');
  if (options.appendonly === true) args.push('--appendfsync', 'always');
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    const started = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    for (let tries = 0; !(await answersPing(port)); tries += 1) {
      if (started.exitCode !== null || tries > 200) {
        started.kill('SIGKILL');
        throw new Error(`redis-server did not start on port ${port}: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const kill = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    running.kill('SIGCONT'); // a paused server dies only once it runs
    await exited;
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    kill,
    restart: async () => {
      await kill();
      await start();
    },
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    stop: async () => {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Whether a Redis server on `port` answers PING with PONG (loading an AOF, it answers LOADING). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(reply.startsWith('+PONG')));
    socket.on('error', () => undefined);
  });
}
