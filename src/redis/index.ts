/**
 * `auth-mailer/redis`: limits shared by every process and a durable outbox, on Redis (BullMQ and
 * ioredis, optional peer dependencies: `npm install bullmq ioredis`). The main entry never loads them.
 *
 * @packageDocumentation
 */
export { createRedisRateLimitStore, type RedisRateLimitStoreOptions, type RedisScriptClient } from './redis-rate-limit-store.js';
export { createRedisOutbox } from './redis-outbox.js';
export type { RedisOutboxOptions, OutboxSendRate, OutboxBackoffOptions, OutboxKeepFailed } from './outbox-options.js';
export type { RedisConnection, RedisConnectionOptions } from './redis-connection.js';
export type { Outbox, EnqueueOptions, EnqueuedSend, OutboxWorkOptions, OutboxEvents, OutboxJobFacts, OutboxFailure, OutboxSentEvent, OutboxRetriedEvent, OutboxFailedEvent, OutboxExpiredEvent } from '../types/outbox.js';
