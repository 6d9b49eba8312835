/**
 * The options of the Redis outbox, checked, with their defaults.
 *
 * @module
 */
import { MailerError, type ConfigIssue } from '../errors/mailer-error.js';
import { kindOf } from '../shared/kind-of.js';
import type { MailSender } from '../types/mail-sender.js';
import type { RateLimitOptions } from '../types/rate-limit.js';
import type { RedisConnection } from './redis-connection.js';

/** A cap on the sends of all workers of a queue together. */
export interface OutboxSendRate {
  /** The most messages sent within `duration`. */
  max: number;
  /** The period, in milliseconds. */
  duration: number;
}

/** The wait between runs of a job after a retryable failure. */
export interface OutboxBackoffOptions {
  /** The longest wait before the second run, in milliseconds. @default 1000 */
  baseDelay?: number;
  /** The cap on one wait, in milliseconds (a longer `retryAfter` still wins). @default 60000 */
  maxDelay?: number;
}

/** How many failed jobs (payload masked) are kept for inspection. */
export interface OutboxKeepFailed {
  /** The most failed jobs kept. @default 1000 */
  count?: number;
  /** The longest a failed job is kept, in seconds. @default 604800 (7 days) */
  age?: number;
}

/** How to create a {@link createRedisOutbox | Redis outbox}. */
export interface RedisOutboxOptions {
  /** Where Redis is: a URL (`redis://:pass@host:6379/0`) or its parts. Use one with AOF on (docs/scaling.md). */
  connection: RedisConnection;
  /** The mailer the workers send through (a `Mailer`). Needed by `work()`; an enqueue-only process may leave it out. */
  mailer?: MailSender;
  /** The queue's name: outboxes with the same name and connection share their jobs. @default 'auth-mailer' */
  queueName?: string;
  /** Put before every BullMQ key. @default 'auth-mailer' */
  prefix?: string;
  /**
   * The per-recipient limit, checked at `enqueue` so the caller learns `RateLimited` at once. Its
   * `store` defaults to a Redis store on the outbox's connection, shared by every process. Give
   * the workers' mailer no `rateLimit` of its own, or each send would be counted twice.
   */
  rateLimit?: RateLimitOptions;
  /**
   * The most messages all workers of the queue together send per `duration` milliseconds: protects
   * the sender's reputation when something floods. Off when absent.
   */
  sendRate?: OutboxSendRate;
  /** How long a code lives when `enqueue` gets no `notAfter`, in milliseconds. @default 900000 (15 min) */
  lifetime?: number;
  /** How long an `idempotencyKey` is remembered, in milliseconds. @default 86400000 (24 h) */
  idempotencyWindow?: number;
  /** The most times a job is run (the first included) while its failures are retryable. @default 8 */
  attempts?: number;
  /** The first retry waits up to `baseDelay` ms, doubling each time up to `maxDelay`; a longer `retryAfter` wins. @default `{ baseDelay: 1000, maxDelay: 60000 }` */
  backoff?: OutboxBackoffOptions;
  /**
   * How long a worker holds a job before another may take it over, in milliseconds: a worker that
   * died mid-send has its jobs run again by another after about twice this. So does a live worker
   * frozen for longer (a starved CPU, a long GC pause), which may then finish the same sends: keep
   * it well above the longest pause a worker may have. @default 30000
   */
  lockDuration?: number;
  /** How long `enqueue` waits for Redis (the first connection, then each reply) before it rejects `Unavailable`. @default 2000 */
  enqueueTimeout?: number;
  /** How many failed jobs (masked) are kept for inspection, and for how long. @default `{ count: 1000, age: 604800 }` */
  keepFailed?: OutboxKeepFailed;
}

/** {@link RedisOutboxOptions} with the defaults applied. */
export interface ResolvedOutboxOptions {
  connection: RedisConnection;
  mailer: MailSender | undefined;
  queueName: string;
  prefix: string;
  rateLimit: RateLimitOptions | undefined;
  sendRate: OutboxSendRate | undefined;
  lifetime: number;
  idempotencyWindow: number;
  attempts: number;
  baseDelay: number;
  maxDelay: number;
  lockDuration: number;
  enqueueTimeout: number;
  keepFailed: Required<OutboxKeepFailed>;
}

/**
 * Checks the outbox's options and applies the defaults.
 *
 * @param options - What the user passed to `createRedisOutbox`.
 * @returns The resolved options.
 * @throws {@link MailerError} `InvalidConfig` whose `issues` name each bad option.
 */
export function resolveOutboxOptions(options: RedisOutboxOptions): ResolvedOutboxOptions {
  const issues: ConfigIssue[] = [];
  const given = (typeof options === 'object' && options !== null ? options : {}) as Partial<RedisOutboxOptions>;
  const count = (path: string, value: unknown, fallback: number, min = 1): number => {
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return value;
    issues.push({ path, message: `must be a whole number of at least ${min}, not ${kindOf(value)}` });
    return fallback;
  };
  // A queue name holds no `:` (BullMQ's key separator); a prefix may, and `{...}` for a Redis Cluster hash tag.
  const name = (path: string, value: unknown, fallback: string, allowed: RegExp, described: string): string => {
    if (value === undefined) return fallback;
    if (typeof value === 'string' && allowed.test(value)) return value;
    issues.push({ path, message: `must be a non-empty string of ${described}` });
    return fallback;
  };
  const { connection, mailer } = given;
  if (!(typeof connection === 'string' && connection !== '') && !(typeof connection === 'object' && connection !== null)) {
    issues.push({ path: 'connection', message: "is required: a URL such as 'redis://127.0.0.1:6379' or { host, port, password }" });
  }
  if (mailer !== undefined && typeof (mailer as { send?: unknown } | null)?.send !== 'function') {
    issues.push({ path: 'mailer', message: 'must be a Mailer (from createMailer)' });
  }
  const sendRate =
    given.sendRate === undefined
      ? undefined
      : { max: count('sendRate.max', given.sendRate?.max, 1), duration: count('sendRate.duration', given.sendRate?.duration, 1) };
  const resolved: ResolvedOutboxOptions = {
    connection: connection as RedisConnection,
    mailer,
    queueName: name('queueName', given.queueName, 'auth-mailer', /^[\w.-]+$/, 'letters, digits and `_ . -`'),
    prefix: name('prefix', given.prefix, 'auth-mailer', /^[\w.:{}-]+$/, 'letters, digits and `_ . : - { }`'),
    rateLimit: given.rateLimit,
    sendRate,
    lifetime: count('lifetime', given.lifetime, 15 * 60_000),
    idempotencyWindow: count('idempotencyWindow', given.idempotencyWindow, 24 * 3_600_000),
    attempts: count('attempts', given.attempts, 8),
    baseDelay: count('backoff.baseDelay', given.backoff?.baseDelay, 1000, 0),
    maxDelay: count('backoff.maxDelay', given.backoff?.maxDelay, 60_000, 0),
    lockDuration: count('lockDuration', given.lockDuration, 30_000, 100),
    enqueueTimeout: count('enqueueTimeout', given.enqueueTimeout, 2000),
    keepFailed: { count: count('keepFailed.count', given.keepFailed?.count, 1000, 0), age: count('keepFailed.age', given.keepFailed?.age, 7 * 86_400) },
  };
  if (issues.length > 0) {
    throw new MailerError(
      'InvalidConfig',
      `Cannot create the Redis outbox: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}.`,
      { issues },
    );
  }
  return resolved;
}
