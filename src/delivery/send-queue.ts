/**
 * The mailer's own queue: waiting sends wait here, unrendered, and only a bounded window of them
 * is handed to the transport at once.
 *
 * @module
 */

/** The links a job carries while it waits in a {@link SendQueue}; the queue alone sets them. */
export interface QueueLinks<T> {
  /** The job queued after this one. */
  next: T | undefined;
  /** The job queued before this one. */
  prev: T | undefined;
}

/**
 * Runs jobs first in, first out, at most `limit` at a time. A waiting job is a node of a linked
 * list (its own `next`/`prev` fields), so it costs no more memory than the job itself and can be
 * removed at once, wherever it is.
 *
 * @example
 * ```ts
 * const queue = new SendQueue<Job>(10, async (job) => deliver(job));
 * queue.push(job); // runs now if fewer than 10 are running, else when one finishes
 * queue.remove(job); // true when it was still waiting
 * await queue.whenIdle();
 * ```
 */
export class SendQueue<T extends QueueLinks<T>> {
  readonly #limit: number;
  readonly #run: (job: T) => Promise<void>;
  #head: T | undefined;
  #tail: T | undefined;
  #running = 0;
  #idle: Array<() => void> = [];

  /**
   * @param limit - The most jobs running at once, at least 1.
   * @param run - Runs one job; its promise must not reject.
   */
  constructor(limit: number, run: (job: T) => Promise<void>) {
    this.#limit = limit;
    this.#run = run;
  }

  /**
   * Runs `job` now when fewer than `limit` jobs run, else queues it behind the others.
   *
   * @param job - A job not already in the queue.
   */
  push(job: T): void {
    if (this.#running < this.#limit) {
      this.#start(job);
      return;
    }
    job.prev = this.#tail;
    job.next = undefined;
    if (this.#tail === undefined) this.#head = job;
    else this.#tail.next = job;
    this.#tail = job;
  }

  /**
   * Takes a waiting job out of the queue; it will not run.
   *
   * @param job - A job given to {@link push}.
   * @returns `true` when it was waiting and is now removed; `false` when it is running or done.
   */
  remove(job: T): boolean {
    if (job !== this.#head && job.prev === undefined) return false;
    if (job.prev === undefined) this.#head = job.next;
    else job.prev.next = job.next;
    if (job.next === undefined) this.#tail = job.prev;
    else job.next.prev = job.prev;
    job.prev = job.next = undefined;
    return true;
  }

  /**
   * The job that has waited longest.
   *
   * @returns It, or `undefined` when none waits.
   */
  oldest(): T | undefined {
    return this.#head;
  }

  /**
   * Waits until no job runs or waits.
   *
   * @returns Resolves when the queue is empty and every job it started has finished.
   */
  whenIdle(): Promise<void> {
    if (this.#running === 0 && this.#head === undefined) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #start(job: T): void {
    this.#running += 1;
    void this.#run(job).then(() => this.#finish());
  }

  #finish(): void {
    this.#running -= 1;
    const next = this.#head;
    if (next !== undefined) {
      this.remove(next);
      this.#start(next);
    } else if (this.#running === 0) {
      const idle = this.#idle;
      this.#idle = [];
      for (const resolve of idle) resolve();
    }
  }
}
