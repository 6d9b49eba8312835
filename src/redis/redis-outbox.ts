/**
 * The durable outbox on Redis: BullMQ jobs, enqueued in any process and sent by workers in any.
 *
 * @module
 */
import { createHash, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Job, Queue, Worker } from 'bullmq';
import { MailerError, isMailerError } from '../errors/mailer-error.js';
import { summaryOf } from '../errors/summary-of.js';
import { redactMailerError } from '../errors/redact-mailer-error.js';
import { createRedactor } from '../errors/redact-secrets.js';
import { checkRequest } from '../message/check-request.js';
import { parseRecipient } from '../message/recipient.js';
import { createRateLimiter, type RateLimiter } from '../rate-limit/rate-limiter.js';
import { kindOf } from '../shared/kind-of.js';
import type { EnqueueOptions, EnqueuedSend, Outbox, OutboxEvents, OutboxJobFacts, OutboxWorkOptions } from '../types/outbox.js';
import type { SendRequest } from '../types/send.js';
import type { TemplatePayload } from '../types/template.js';
import { loadRedisEngines, type RedisEngines } from './load-redis-engines.js';
import { maskPayload, payloadSecrets, type OutboxJobData } from './outbox-job.js';
import { resolveOutboxOptions, type RedisOutboxOptions, type ResolvedOutboxOptions } from './outbox-options.js';
import { retryDelay } from './outbox-retry.js';
import { openProducerClient, openWorkerClient, type RedisClient } from './redis-connection.js';
import { createRedisRateLimitStore } from './redis-rate-limit-store.js';

/** The producer side, opened on first use. */
interface Producer {
  readonly engines: RedisEngines;
  readonly client: RedisClient;
  readonly queue: Queue<OutboxJobData>;
  readonly rateLimiter: RateLimiter | undefined;
}

/** A job's outcome that is not an error: it was sent, or dropped as expired. */
type JobOutcome = { messageId: string } | { expired: true };

/** The error a retryable failure is thrown as: BullMQ's backoff reads its delay. */
interface RetryableFailure extends Error {
  delay: number;
}

/**
 * Creates a durable {@link Outbox} on Redis with BullMQ. Nothing connects until the first
 * `enqueue` or `work`; `bullmq` and `ioredis` (optional peer dependencies) are loaded then.
 *
 * - `enqueue` checks the request and the rate limit, and resolves once Redis holds the job. The
 *   job's id fixes the message's Message-ID, so a resend after a crash is the same message.
 * - `work` starts a worker that sends jobs through `options.mailer`; a worker killed mid-send (or
 *   frozen past `lockDuration`) has its jobs taken over by another (BullMQ's stalled-job check).
 * - A job not delivered by its `notAfter` is dropped (`expired`), never sent late. Retryable
 *   failures retry with backoff (a longer `retryAfter` wins); permanent ones fail at once.
 * - A completed job is removed; a failed one keeps the redacted error and a masked payload. No
 *   code or link stays in Redis after a job ends.
 *
 * @param options - Where Redis is, the mailer the workers send through, limits and lifetimes.
 * @returns The outbox.
 * @throws {@link index!MailerError} `InvalidConfig` naming each bad option.
 * @example
 * ```ts
 * import { createMailer } from 'auth-mailer';
 * import { createRedisOutbox } from 'auth-mailer/redis';
 *
 * const mailer = createMailer(config);
 * const outbox = createRedisOutbox({ connection: process.env.REDIS_URL!, mailer, rateLimit: { limit: 5, window: 900_000, foldSubaddresses: true } });
 * await outbox.work({ concurrency: 8 });       // in the processes that send
 * await outbox.enqueue({ to, type: 'SignIn', payload: { code } }, { idempotencyKey: requestId });
 * ```
 */
export function createRedisOutbox(options: RedisOutboxOptions): Outbox {
  return new RedisOutbox(resolveOutboxOptions(options));
}

class RedisOutbox implements Outbox {
  readonly #options: ResolvedOutboxOptions;
  readonly #events = new EventEmitter();
  readonly #workers: Array<{ worker: Worker<OutboxJobData, JobOutcome>; client: RedisClient }> = [];
  #producer: Promise<Producer> | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: ResolvedOutboxOptions) {
    this.#options = options;
  }

  async enqueue(request: SendRequest, options: EnqueueOptions = {}): Promise<EnqueuedSend> {
    if (this.#closing) throw closedError('enqueue');
    const checked = checkRequest(request, 'send');
    const to = parseRecipient(checked.to);
    const payload = plainPayload(checked.payload, checked.type);
    const notAfter = this.#notAfterOf(options.notAfter);
    const idempotencyKey = options.idempotencyKey;
    if (idempotencyKey !== undefined && (typeof idempotencyKey !== 'string' || idempotencyKey === '')) {
      throw new MailerError('InvalidConfig', `Cannot enqueue: idempotencyKey must be a non-empty string, not ${kindOf(idempotencyKey)}.`);
    }
    const operation = `enqueue ${checked.type} mail to ${to}`;
    const producer = await this.#connected(operation);
    const id = randomUUID();
    const deduplicationId = idempotencyKey === undefined ? undefined : createHash('sha256').update(idempotencyKey).digest('hex');
    let claim: string | undefined;
    if (deduplicationId !== undefined) {
      const existing = await this.#claimOrFind(producer, deduplicationId, id, operation);
      if (typeof existing === 'object') return existing;
      claim = existing;
    }
    try {
      if (producer.rateLimiter !== undefined) await producer.rateLimiter(to, checked.type);
      const data: OutboxJobData = { to, type: checked.type, payload, notAfter };
      const job = await this.#redis(
        operation,
        producer.queue.add(checked.type, data, {
          jobId: id,
          ...(deduplicationId === undefined ? {} : { deduplication: { id: deduplicationId, ttl: this.#options.idempotencyWindow } }),
        }),
      );
      return { id: job.id ?? id, duplicate: job.id !== undefined && job.id !== id };
    } finally {
      // The job exists (or was refused) before the claim goes: a waiting duplicate then finds it.
      if (claim !== undefined) producer.client.del(claim).catch(() => undefined);
    }
  }

  async work(options: OutboxWorkOptions = {}): Promise<void> {
    if (this.#closing) throw closedError('start a worker');
    const { mailer, queueName, prefix, lockDuration, sendRate } = this.#options;
    if (mailer === undefined) {
      throw new MailerError('InvalidConfig', 'Cannot start a worker: the outbox has no mailer. Pass createRedisOutbox({ connection, mailer }).');
    }
    const concurrency = options.concurrency ?? 8;
    if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
      throw new MailerError('InvalidConfig', `Cannot start a worker: concurrency must be a whole number of at least 1, not ${kindOf(concurrency)}.`);
    }
    const engines = await loadRedisEngines();
    const client = openWorkerClient(engines, this.#options.connection);
    const worker = new engines.Worker<OutboxJobData, JobOutcome>(queueName, (job) => this.#process(engines, job), {
      connection: client,
      prefix,
      concurrency,
      lockDuration,
      stalledInterval: lockDuration,
      // A job in flight at several crashes in a row is still sent; Message-ID makes the copies one.
      maxStalledCount: 10,
      ...(sendRate === undefined ? {} : { limiter: sendRate }),
      settings: { backoffStrategy: (_attempts, _type, error) => (error as RetryableFailure | undefined)?.delay ?? this.#options.baseDelay },
    });
    // Connection errors are retried by ioredis; the worker's own failures are reported as events.
    worker.on('error', () => undefined);
    worker.on('failed', (job) => void this.#maskIfFailed(job));
    this.#workers.push({ worker, client });
    await worker.waitUntilReady();
    // close() was called while the worker was being made: it did not see this one.
    if (this.#closing) {
      await this.#closeWorkers();
      throw closedError('start a worker');
    }
  }

  on<E extends keyof OutboxEvents>(event: E, listener: (facts: OutboxEvents[E]) => void): () => void {
    this.#events.on(event, listener);
    return () => this.#events.off(event, listener);
  }

  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  /** Lets each worker's running jobs finish, then closes its connection. */
  async #closeWorkers(): Promise<void> {
    await Promise.all(
      this.#workers.splice(0).map(async ({ worker, client }) => {
        await worker.close();
        await client.quit().catch(() => client.disconnect());
      }),
    );
  }

  /** Sends one job, or drops it as expired; throws to have BullMQ retry or fail it. */
  async #process(engines: RedisEngines, job: Job<OutboxJobData, JobOutcome>): Promise<JobOutcome> {
    const data = job.data;
    const facts: OutboxJobFacts = {
      id: job.id as string,
      to: data.to,
      type: data.type,
      payload: maskPayload(data.payload),
      attempt: job.attemptsMade + 1,
    };
    if (data.masked === true) throw plainError(engines.UnrecoverableError, 'The job already ended and its payload was masked; it is not sent.');
    const left = data.notAfter - Date.now();
    if (left <= 0) return this.#expire(facts, data.notAfter);
    const mailer = this.#options.mailer as NonNullable<ResolvedOutboxOptions['mailer']>;
    try {
      const result = await mailer.send(
        { to: data.to, type: data.type, payload: data.payload },
        { messageId: facts.id, signal: AbortSignal.timeout(left) },
      );
      this.#emit('sent', { ...facts, messageId: result.messageId });
      return { messageId: result.messageId };
    } catch (thrown) {
      const error = redactMailerError(
        isMailerError(thrown) ? thrown : new MailerError('Unavailable', 'The send failed (see cause).', { cause: thrown }),
        createRedactor(payloadSecrets(data.payload)),
      );
      const retryable = error.retryable || error.code === 'Closed';
      const delay = retryDelay(facts.attempt, error, this.#options);
      if (Date.now() >= data.notAfter || (retryable && Date.now() + delay >= data.notAfter)) return this.#expire(facts, data.notAfter);
      if (retryable && facts.attempt < this.#options.attempts) {
        this.#emit('retried', { ...facts, error, delay });
        throw Object.assign(plainError(Error, describe(error)), { delay });
      }
      await job.updateData({ ...data, payload: facts.payload, masked: true });
      this.#emit('failed', { ...facts, error });
      throw plainError(engines.UnrecoverableError, describe(error));
    }
  }

  #expire(facts: OutboxJobFacts, notAfter: number): JobOutcome {
    this.#emit('expired', { ...facts, notAfter });
    return { expired: true };
  }

  /** A job that failed for good some other way (a worker crashed on it too often) has its payload masked. */
  async #maskIfFailed(job: Job<OutboxJobData, JobOutcome> | undefined): Promise<void> {
    if (job === undefined || job.data.masked === true) return;
    try {
      if ((await job.getState()) === 'failed') await job.updateData({ ...job.data, payload: maskPayload(job.data.payload), masked: true });
    } catch {
      // Redis is gone: the job is masked the next time it fails.
    }
  }

  #emit<E extends keyof OutboxEvents>(event: E, facts: OutboxEvents[E]): void {
    try {
      this.#events.emit(event, facts);
    } catch {
      // A listener's failure is the listener's; the job's outcome stands.
    }
  }

  #notAfterOf(notAfter: EnqueueOptions['notAfter']): number {
    if (notAfter === undefined) return Date.now() + this.#options.lifetime;
    const time = notAfter instanceof Date ? notAfter.getTime() : notAfter;
    if (typeof time === 'number' && Number.isFinite(time)) {
      if (time > Date.now()) return time;
      throw new MailerError('InvalidConfig', `Cannot enqueue: notAfter (${new Date(time).toISOString()}) has already passed; the code expired. Make a new one.`);
    }
    throw new MailerError('InvalidConfig', `Cannot enqueue: notAfter must be a Date or epoch milliseconds, not ${kindOf(notAfter)}.`);
  }

  /**
   * Makes concurrent enqueues of one idempotency key take turns, so that only one of them checks
   * the rate limit and adds the job: the key's existing job, or the claim this call now holds (a
   * lease of `enqueueTimeout`, removed once its job is added or refused). A call that finds another
   * one's claim waits for that one's job, or for the claim to go.
   */
  async #claimOrFind(producer: Producer, deduplicationId: string, id: string, operation: string): Promise<EnqueuedSend | string> {
    const { prefix, queueName, enqueueTimeout } = this.#options;
    const claim = `${prefix}:${queueName}:claim:${deduplicationId}`;
    const giveUp = Date.now() + enqueueTimeout;
    for (;;) {
      const existing = await this.#redis(operation, producer.queue.getDeduplicationJobId(deduplicationId));
      if (existing) return { id: existing, duplicate: true };
      if ((await this.#redis(operation, producer.client.set(claim, id, 'PX', enqueueTimeout, 'NX'))) === 'OK') return claim;
      if (Date.now() > giveUp) throw unavailable(operation, 'another enqueue with the same idempotencyKey did not finish in time', undefined, true);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The producer, connected; rejects `Unavailable` at once when Redis is down, within `enqueueTimeout` while connecting. */
  async #connected(operation: string): Promise<Producer> {
    const producing = (this.#producer ??= this.#openProducer());
    const producer = await producing;
    const { client } = producer;
    if (client.status !== 'ready' && !['connecting', 'connect', 'wait'].includes(client.status)) {
      throw unavailable(operation, `Redis is unreachable (the connection is ${client.status})`);
    }
    try {
      await this.#redis(operation, producer.queue.waitUntilReady());
    } catch (error) {
      // A queue whose first connection failed stays broken: the next enqueue opens a new one.
      if (this.#producer === producing) this.#producer = undefined;
      void producer.queue.close().catch(() => undefined);
      client.disconnect();
      throw error;
    }
    return producer;
  }

  async #openProducer(): Promise<Producer> {
    const engines = await loadRedisEngines();
    const { connection, enqueueTimeout, queueName, prefix, rateLimit, attempts, keepFailed } = this.#options;
    const client = openProducerClient(engines, connection, enqueueTimeout);
    client.on('error', () => undefined);
    const queue = new engines.Queue<OutboxJobData>(queueName, {
      connection: client,
      prefix,
      defaultJobOptions: {
        attempts,
        backoff: { type: 'auth-mailer' },
        removeOnComplete: true,
        removeOnFail: keepFailed,
        stackTraceLimit: 1,
      },
    });
    queue.on('error', () => undefined);
    const rateLimiter =
      rateLimit === undefined ? undefined : createRateLimiter({ ...rateLimit, store: rateLimit.store ?? createRedisRateLimitStore({ redis: client }) });
    return { engines, client, queue, rateLimiter };
  }

  /** Waits for a Redis call at most `enqueueTimeout`; any failure is `Unavailable`, nothing stored. */
  async #redis<T>(operation: string, call: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(unavailable(operation, `Redis did not answer within ${this.#options.enqueueTimeout} ms`, undefined, true)),
        this.#options.enqueueTimeout,
      );
    });
    try {
      return await Promise.race([call, timeout]);
    } catch (error) {
      if (isMailerError(error)) throw error;
      throw unavailable(operation, 'Redis refused, dropped or did not answer the command', error, true);
    } finally {
      clearTimeout(timer);
      call.catch(() => undefined);
    }
  }

  async #close(): Promise<void> {
    await this.#closeWorkers();
    const producer = await this.#producer?.catch(() => undefined);
    if (producer !== undefined) {
      await producer.queue.close().catch(() => undefined);
      if (producer.client.status === 'ready') await producer.client.quit().catch(() => producer.client.disconnect());
      else producer.client.disconnect();
    }
  }
}

/** The payload as plain JSON data, as Redis will store it; a payload that cannot be stored is refused now. */
function plainPayload(payload: TemplatePayload, type: string): TemplatePayload {
  try {
    return JSON.parse(JSON.stringify(payload)) as TemplatePayload;
  } catch (cause) {
    throw new MailerError(
      'MissingVariable',
      `Cannot enqueue ${JSON.stringify(type)}: the payload cannot be stored as JSON (a cycle or a BigInt in it; see cause). Pass plain strings and numbers.`,
      { cause },
    );
  }
}

/** An error BullMQ stores as the job's failed reason: the redacted message, no stack of ours. */
function plainError(Type: new (message: string) => Error, message: string): Error {
  const error = new Type(message);
  error.stack = `${error.name}: ${message}`;
  return error;
}

function describe(error: MailerError): string {
  return `${error.code}: ${summaryOf(error)}`;
}

function unavailable(operation: string, reason: string, cause?: unknown, mayBeStored = false): MailerError {
  const outcome = mayBeStored
    ? 'The job may or may not be stored: enqueue again with the same idempotencyKey, which makes the two one job.'
    : 'Nothing was stored; enqueue again later.';
  return new MailerError('Unavailable', `Could not ${operation}: ${reason}. ${outcome}`, cause === undefined ? {} : { cause });
}

function closedError(operation: string): MailerError {
  return new MailerError('Closed', `Cannot ${operation}: the outbox was closed. Create a new outbox to enqueue again.`);
}
