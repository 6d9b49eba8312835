/**
 * Loads BullMQ and ioredis, the optional peer dependencies of `auth-mailer/redis`, on first use.
 *
 * @module
 */
import type { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { importOptional } from '../shared/import-optional.js';

/** The parts of BullMQ and ioredis the Redis outbox runs on. */
export interface RedisEngines {
  /** BullMQ's producer side. */
  Queue: typeof Queue;
  /** BullMQ's consumer side. */
  Worker: typeof Worker;
  /** The error that makes BullMQ fail a job without retrying it. */
  UnrecoverableError: typeof UnrecoverableError;
  /** ioredis's client. */
  Redis: typeof Redis;
}

let loading: Promise<RedisEngines> | undefined;

/**
 * Imports `bullmq` and `ioredis` once per process.
 *
 * @returns The parts the outbox uses.
 * @throws {@link MailerError} `InvalidConfig` whose message and `hint` say `npm install bullmq ioredis`
 *   when either is missing.
 */
export function loadRedisEngines(): Promise<RedisEngines> {
  const current = (loading ??= importOptional(
    () => Promise.all([import('bullmq'), import('ioredis')]),
    ['bullmq', 'ioredis'],
    'the Redis outbox',
    'runtime',
  ).then(([{ Queue, Worker, UnrecoverableError }, { Redis }]) => ({ Queue, Worker, UnrecoverableError, Redis })));
  // A failed load is tried again next time (the package may have been installed meanwhile).
  current.catch(() => (loading = undefined));
  return current;
}
