/**
 * The contract of a durable outbox: sends written to a store first and delivered by workers in any
 * process. It names no engine: the Redis one (BullMQ) implements it in `auth-mailer/redis`, and a
 * database one can implement it the same way. No runtime code lives here.
 *
 * @module
 */
import type { SendRequest } from './send.js';
import type { TemplatePayload } from './template.js';
import type { UsageType } from './usage-type.js';

/** Per-call options of {@link Outbox.enqueue}. */
export interface EnqueueOptions {
  /**
   * Makes enqueueing idempotent: every `enqueue` with the same key within the outbox's idempotency
   * window, from any process, is one job and one email (the later ones resolve with the first
   * one's id and `duplicate: true`). Use the id of the request that asked for the code, so that a
   * retried HTTP request does not send it twice.
   */
  idempotencyKey?: string;
  /**
   * When the code expires (a `Date` or epoch milliseconds): a job not delivered by then is dropped
   * (the `expired` event), never delivered late.
   * @default the outbox's `lifetime` after the call
   */
  notAfter?: Date | number;
}

/** What {@link Outbox.enqueue} resolves with, once the store holds the job. */
export interface EnqueuedSend {
  /**
   * The job's id. It is also the left part of the message's Message-ID (`<id@sender-domain>`),
   * which stays the same when a crash makes a worker send the message again.
   */
  id: string;
  /** `true` when an earlier `enqueue` with the same `idempotencyKey` made the job. */
  duplicate: boolean;
}

/** Options of {@link Outbox.work}. */
export interface OutboxWorkOptions {
  /** How many sends this worker runs at once. @default 8 */
  concurrency?: number;
}

/** What every outbox event tells about its job. Payload values are masked: no code or link. */
export interface OutboxJobFacts {
  /** The job's id (the left part of its Message-ID). */
  id: string;
  /** The recipient. */
  to: string;
  /** The usage type. */
  type: UsageType;
  /** The payload with every value but `locale` replaced by `***`. */
  payload: TemplatePayload;
  /** Which attempt of the job this was (1 for the first). */
  attempt: number;
}

/**
 * Why a job was retried or failed: the send's `MailerError` (this is its shape, so that the
 * contract needs no runtime code), with the payload's values removed from its message and causes.
 */
export interface OutboxFailure extends Error {
  /** The `MailerError` code: `Unavailable`, `Rejected`, `MissingVariable`... */
  readonly code: string;
  /** Whether the outbox retries it. */
  readonly retryable: boolean;
  /** Milliseconds the server or a limit asked to wait, when one did. */
  readonly retryAfter?: number;
}

/** A `sent` event: the server accepted the message. */
export interface OutboxSentEvent extends OutboxJobFacts {
  /** The Message-ID the message was sent with. */
  messageId: string;
}

/** A `retried` event: a retryable failure; the job runs again after `delay`. */
export interface OutboxRetriedEvent extends OutboxJobFacts {
  /** Why the run failed. */
  error: OutboxFailure;
  /** Milliseconds until the next run. */
  delay: number;
}

/** A `failed` event: the job ended without sending (a permanent failure, or retries spent). */
export interface OutboxFailedEvent extends OutboxJobFacts {
  /** Why the last run failed. */
  error: OutboxFailure;
}

/** An `expired` event: the job's `notAfter` passed before it was delivered; it was dropped. */
export interface OutboxExpiredEvent extends OutboxJobFacts {
  /** The job's `notAfter`, in epoch milliseconds. */
  notAfter: number;
}

/** The events of an outbox's workers, for metrics and logs, by name. */
export interface OutboxEvents {
  /** The server accepted the message. */
  sent: OutboxSentEvent;
  /** A retryable failure; the job runs again later. */
  retried: OutboxRetriedEvent;
  /** The job ended without sending. */
  failed: OutboxFailedEvent;
  /** The job was dropped as expired. */
  expired: OutboxExpiredEvent;
}

/**
 * A durable outbox of sends. `enqueue` resolves once the store holds the job; workers started with
 * `work` in any process send the jobs through a Mailer.
 */
export interface Outbox {
  /**
   * Checks the request and the rate limit, and stores the send as a job.
   *
   * @param request - The recipient, usage type and payload, as `Mailer.send` takes them.
   * @param options - An idempotency key and when the code expires.
   * @returns The job's id, and whether it was a duplicate.
   * @throws {@link index!MailerError} `InvalidRecipient`, `TemplateNotFound`, `MissingVariable` for a bad
   *   request; `RateLimited` (with `retryAfter`); `Unavailable` when the store cannot be reached
   *   (retryable, nothing written); `Closed`.
   */
  enqueue(request: SendRequest, options?: EnqueueOptions): Promise<EnqueuedSend>;
  /**
   * Starts a worker in this process that sends jobs through the outbox's mailer.
   *
   * @param options - How many sends it runs at once.
   * @returns Resolves when the worker is connected and taking jobs.
   */
  work(options?: OutboxWorkOptions): Promise<void>;
  /**
   * Listens to an event of this process's workers.
   *
   * @param event - `sent`, `retried`, `failed` or `expired`.
   * @param listener - Called with the job's masked facts.
   * @returns A function that removes the listener.
   */
  on<E extends keyof OutboxEvents>(event: E, listener: (facts: OutboxEvents[E]) => void): () => void;
  /**
   * Stops taking jobs, lets this process's running sends finish, and closes the connections.
   * Jobs still queued stay in the store for other workers. Does not close the mailer.
   *
   * @returns Resolves when everything is closed.
   */
  close(): Promise<void>;
}
