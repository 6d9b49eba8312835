/**
 * Loads BullMQ and ioredis, the optional peer dependencies of `auth-mailer/redis`, on first use.
 *
 * @module
 */
import type { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { importOptional } from '../shared/import-optional.js';
import { loadOnce } from '../shared/load-once.js';

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

/**
 * Imports `bullmq` and `ioredis` once per process (a failed load is tried again at the next call).
 *
 * @returns The parts the outbox uses.
 * @throws {@link MailerError} `InvalidConfig` whose message and `hint` say `npm install bullmq ioredis`
 *   when either is missing.
 */
export const loadRedisEngines: () => Promise<RedisEngines> = loadOnce(() =>
  importOptional(
    () => Promise.all([import('bullmq'), import('ioredis')]),
    ['bullmq', 'ioredis'],
    'the Redis outbox',
    'runtime',
  ).then(([{ Queue, Worker, UnrecoverableError }, { Redis }]) => ({ Queue, Worker, UnrecoverableError, Redis })),
);
