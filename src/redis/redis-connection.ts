/**
 * Where the Redis outbox connects, and the two kinds of ioredis clients it opens there.
 *
 * @module
 */
import type { RedisEngines } from './load-redis-engines.js';

/** How to reach Redis: a URL (`redis://user:pass@host:6379/0`, `rediss://` for TLS) or its parts. */
export type RedisConnection = string | RedisConnectionOptions;

/** The parts of a Redis connection. */
export interface RedisConnectionOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 6379 */
  port?: number;
  /** The ACL user, when Redis has ACLs. */
  username?: string;
  /** The password (`requirepass` or the ACL user's). */
  password?: string;
  /** The database number. @default 0 */
  db?: number;
  /** `true`, or Node TLS options, to connect over TLS. */
  tls?: boolean | Record<string, unknown>;
}

/** An ioredis client, as the outbox uses it. */
export type RedisClient = InstanceType<RedisEngines['Redis']>;

/**
 * Opens a client that fails fast: with Redis unreachable its commands reject at once instead of
 * waiting in ioredis's offline queue, and a command Redis does not answer rejects after `timeout`,
 * so `enqueue` never hangs. For enqueueing and the rate limit.
 *
 * @param engines - The loaded modules.
 * @param connection - Where Redis is.
 * @param timeout - How long the first connection, and then each command, may take, in milliseconds.
 * @returns The client, connecting.
 */
export function openProducerClient(engines: RedisEngines, connection: RedisConnection, timeout: number): RedisClient {
  return open(engines, connection, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: timeout, commandTimeout: timeout });
}

/**
 * Opens a client that waits out Redis restarts (BullMQ's workers need `maxRetriesPerRequest: null`).
 *
 * @param engines - The loaded modules.
 * @param connection - Where Redis is.
 * @returns The client, connecting.
 */
export function openWorkerClient(engines: RedisEngines, connection: RedisConnection): RedisClient {
  return open(engines, connection, { maxRetriesPerRequest: null });
}

function open(engines: RedisEngines, connection: RedisConnection, extra: Record<string, unknown>): RedisClient {
  const { Redis } = engines;
  // Reconnect quickly after a restart: 100 ms, 200 ms, ... up to 2 s between tries.
  const options = { ...extra, retryStrategy: (times: number) => Math.min(times * 100, 2000) };
  if (typeof connection === 'string') return new Redis(connection, options);
  const { tls, ...parts } = connection;
  return new Redis({ ...parts, ...(tls === undefined || tls === false ? {} : { tls: tls === true ? {} : tls }), ...options });
}
