/**
 * One timer for the deadlines of every pending send of a mailer, instead of a timer and an
 * `AbortController` per send.
 *
 * @module
 */
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';

/** The reason a {@link DeadlineSweeper} aborts a deadline's signal with. */
export class DeadlinePassed extends Error {
  override readonly name = 'DeadlinePassed';

  /** @param timeout - The timeout that passed, in milliseconds. */
  constructor(readonly timeout: number) {
    super(`the deadline of ${timeout} ms passed`);
  }
}

/** The share of the timeout by which a deadline may be late: 1/64 (470 ms of 30 s). */
const RESOLUTION_DIVISOR = 64;

/** One deadline and the sends that got it. */
interface Slot {
  readonly deadline: number;
  /** Created by the first {@link DeadlineSweeper.signalFor} call for this deadline. */
  controller: AbortController | undefined;
}

/**
 * Hands out deadlines a fixed `timeout` from now, and keeps one timer for all of them.
 *
 * Deadlines are rounded up to a resolution of `timeout / 64` (at least 1 ms): a deadline fires up
 * to 1/64 of the timeout late, never early, and everything that got its deadline within one such
 * slot shares one abort signal ({@link signalFor}) and one call of `onDeadline`. So a send costs no
 * timer, no `AbortController` and no entry in any collection: the sweeper holds at most 65 slots,
 * armed one timer at a time (none once every deadline has passed), however many sends are pending.
 *
 * The timer keeps the process alive only while something is held ({@link hold}): a pending send
 * whose transport holds no socket or timer then still settles at its deadline, instead of the
 * process exiting with the send's promise unsettled; once nothing is held, the timer is `unref`'d
 * and an idle mailer never delays the exit.
 *
 * @example
 * ```ts
 * const sweeper = new DeadlineSweeper(30_000, (deadline) => queue.expireUpTo(deadline));
 * const deadline = sweeper.deadlineFromNow();
 * await transport.send(message, { signal: sweeper.signalFor(deadline) });
 * ```
 */
export class DeadlineSweeper {
  readonly #timeout: number;
  readonly #resolution: number;
  readonly #onDeadline: (deadline: number) => void;
  /** Deadlines not yet passed, oldest first. */
  readonly #slots: Slot[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** How many {@link hold} calls are not yet matched by {@link release}. */
  #held = 0;

  /**
   * @param timeout - Milliseconds from {@link deadlineFromNow} to the deadline, at least 1.
   * @param onDeadline - Called once for each deadline handed out, when it passes (after its signal aborted).
   */
  constructor(timeout: number, onDeadline: (deadline: number) => void) {
    this.#timeout = timeout;
    this.#resolution = Math.max(1, Math.ceil(timeout / RESOLUTION_DIVISOR));
    this.#onDeadline = onDeadline;
  }

  /**
   * A deadline `timeout` milliseconds from now, rounded up to the resolution; `onDeadline` will be
   * called with it once it passes.
   *
   * @returns The deadline, in `performance.now()` milliseconds.
   */
  deadlineFromNow(): number {
    const deadline = Math.ceil((performance.now() + this.#timeout) / this.#resolution) * this.#resolution;
    if (this.#slots.at(-1)?.deadline !== deadline) {
      this.#slots.push({ deadline, controller: undefined });
      if (this.#timer === undefined) this.#arm();
    }
    return deadline;
  }

  /**
   * The signal shared by everything that got `deadline`, aborted with a {@link DeadlinePassed}
   * reason when it passes.
   *
   * @param deadline - A deadline from {@link deadlineFromNow}.
   * @returns The signal; already aborted when the deadline has passed.
   */
  signalFor(deadline: number): AbortSignal {
    // Newest first: a send asks for its signal soon after it got its deadline.
    let slot: Slot | undefined;
    for (let index = this.#slots.length - 1; index >= 0 && slot === undefined; index -= 1) {
      if (this.#slots[index]!.deadline === deadline) slot = this.#slots[index];
    }
    if (slot === undefined) return AbortSignal.abort(new DeadlinePassed(this.#timeout));
    if (slot.controller === undefined) {
      slot.controller = new AbortController();
      // Shared by design: every send in flight with this deadline listens, and so does its transport.
      setMaxListeners(0, slot.controller.signal);
    }
    return slot.controller.signal;
  }

  /**
   * Counts one more pending send: while any is held, the timer keeps the process alive until the
   * next deadline. Call it when a send gets its deadline, and {@link release} once when it settles.
   */
  hold(): void {
    this.#held += 1;
    if (this.#held === 1) this.#timer?.ref();
  }

  /** Counts one pending send fewer: when none is left, the timer stops keeping the process alive. */
  release(): void {
    this.#held -= 1;
    if (this.#held === 0) this.#timer?.unref();
  }

  #arm(): void {
    const oldest = this.#slots[0];
    if (oldest === undefined) return;
    this.#timer = setTimeout(() => this.#sweep(), Math.max(0, oldest.deadline - performance.now()));
    if (this.#held === 0) this.#timer.unref();
  }

  #sweep(): void {
    this.#timer = undefined;
    const now = performance.now();
    try {
      while (this.#slots.length > 0 && this.#slots[0]!.deadline <= now) {
        const { deadline, controller } = this.#slots.shift()!;
        controller?.abort(new DeadlinePassed(this.#timeout));
        this.#onDeadline(deadline);
      }
    } finally {
      if (this.#timer === undefined) this.#arm();
    }
  }
}
