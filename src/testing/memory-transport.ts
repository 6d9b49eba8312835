/**
 * A transport that keeps messages in memory instead of sending them: for unit tests of code that
 * sends auth emails.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { MailerError, type MailerErrorCode } from '../errors/mailer-error.js';
import type { MailMessage, Transport, TransportResult, TransportSendOptions } from '../types/transport.js';
import { untilAborted } from '../shared/until-aborted.js';
import { addressOf, extractFrom, toPredicate, type MatchedFields, type MessageMatcher } from './message-matcher.js';
import { MessageWaiters } from './message-waiters.js';

/** Options of {@link MemoryTransport.waitFor}. */
export interface WaitForOptions {
  /** Milliseconds to wait before rejecting. @default 5000 */
  timeout?: number;
}

// Every code, so a string given to failNext can be told apart from a thrown string.
const CODES: Record<MailerErrorCode, true> = {
  InvalidConfig: true,
  TemplateSyntax: true,
  TemplateNotFound: true,
  MissingVariable: true,
  InvalidRecipient: true,
  AuthFailed: true,
  Rejected: true,
  Unavailable: true,
  RateLimited: true,
  Closed: true,
};

// The failures an SMTP server causes, thrown the way nodemailer reports them, so the mailer
// classifies them exactly as it would a real server's.
const WIRE_FAILURES: Partial<Record<MailerErrorCode, () => Error>> = {
  AuthFailed: () =>
    Object.assign(new Error('Invalid login: 535 5.7.8 Authentication credentials invalid'), {
      code: 'EAUTH',
      responseCode: 535,
      response: '535 5.7.8 Authentication credentials invalid',
    }),
  Rejected: () =>
    Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 Mailbox unavailable"), {
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 Mailbox unavailable',
    }),
  Unavailable: () => Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }),
};

/** A stall made by {@link MemoryTransport.stallNext}. */
export interface SendStall {
  /** Resolves once the stalled send has started: the transport has the message and waits. */
  readonly started: Promise<void>;
  /** Lets the stalled send go on: it captures its message and resolves. Does nothing once it rejected. */
  release(): void;
}

/** A stall no send has reached yet: how to tell it started, and when it is released. */
interface PendingStall {
  readonly start: () => void;
  readonly released: Promise<void>;
}

/**
 * Captures every message instead of sending it. Use it as `createMailer(config, { transport })`
 * and assert on {@link MemoryTransport.messages}; inject failures with
 * {@link MemoryTransport.failNext}. It loads neither nodemailer nor an SMTP server.
 *
 * @example
 * ```ts
 * import { MemoryTransport } from 'auth-mailer/testing';
 *
 * const transport = new MemoryTransport();
 * const mailer = createMailer(config, { transport });
 * await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 *
 * expect(transport.last()?.subject).toBe('Your sign-in code');
 * expect(transport.extract(/\b(\d{6})\b/, { to: 'ada@example.com' })).toBe('123456');
 *
 * transport.failNext('Unavailable'); // the next send fails as a dropped connection would
 * ```
 */
export class MemoryTransport implements Transport {
  /** Every message sent, oldest first, as copies the caller cannot change by accident. */
  readonly messages: MailMessage[] = [];
  #failures: Array<() => unknown> = [];
  #stalls: PendingStall[] = [];
  #waiters = new MessageWaiters<MailMessage>();
  #closed = false;

  /** Whether {@link MemoryTransport.close} was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Captures `message`, or throws the next injected failure; first waits while a
   * {@link MemoryTransport.stallNext} stall holds it.
   *
   * @param message - The rendered message.
   * @param options - Its signal; an aborted signal makes the send throw its reason, also while stalled.
   * @returns A result with a fresh Message-ID and the recipient accepted.
   * @throws {@link index!MailerError} `Closed` after {@link MemoryTransport.close}; the injected failure;
   *   the signal's reason when it is aborted.
   */
  async send(message: MailMessage, options?: TransportSendOptions): Promise<TransportResult> {
    if (this.#closed) throw new MailerError('Closed', `send ${message.usageType} to ${message.to}: the memory transport was closed`);
    options?.signal.throwIfAborted();
    const stall = this.#stalls.shift();
    if (stall !== undefined) {
      stall.start();
      await (options === undefined ? stall.released : untilAborted(stall.released, options.signal));
    }
    const failure = this.#failures.shift();
    if (failure !== undefined) throw failure();
    const captured = structuredClone(message);
    this.messages.push(captured);
    this.#waiters.notify(captured);
    return { messageId: `<${randomUUID()}@memory.auth-mailer>`, accepted: [addressOf(message.to)], rejected: [], response: '250 OK: captured in memory' };
  }

  /**
   * Succeeds, as a server that accepts the connection would.
   *
   * @throws {@link index!MailerError} `Closed` after {@link MemoryTransport.close}.
   */
  async verify(): Promise<void> {
    if (this.#closed) throw new MailerError('Closed', 'verify: the memory transport was closed');
  }

  /** Closes the transport: later sends reject with `Closed`. Captured messages are kept. */
  async close(): Promise<void> {
    this.#closed = true;
  }

  /**
   * Returns the most recent message.
   *
   * @returns The last message sent, or `undefined` when none was.
   */
  last(): MailMessage | undefined {
    return this.messages.at(-1);
  }

  /**
   * Finds the most recent message that matches.
   *
   * @param matcher - Fields to match (`{ to, usageType }`) or a predicate.
   * @returns The newest matching message, or `undefined`.
   */
  find(matcher: MessageMatcher): MailMessage | undefined {
    return this.findAll(matcher).at(-1);
  }

  /**
   * Finds every message that matches.
   *
   * @param matcher - Fields to match (`{ to, usageType }`) or a predicate.
   * @returns The matching messages, oldest first.
   */
  findAll(matcher: MessageMatcher): MailMessage[] {
    return this.messages.filter(toPredicate(matcher, fieldsOf));
  }

  /**
   * Extracts something from the text of the most recent (matching) message: a code, a link.
   * The plain-text body is searched first, then the HTML body, then the subject.
   *
   * @param pattern - What to look for; its first capture group is returned when it has one.
   * @param matcher - Which messages to consider; all of them when absent.
   * @returns The first capture group (or the whole match), or `undefined` when nothing matches.
   * @example
   * ```ts
   * const code = transport.extract(/\b(\d{6})\b/, { to: 'ada@example.com', usageType: 'SignIn' });
   * ```
   */
  extract(pattern: RegExp, matcher?: MessageMatcher): string | undefined {
    return extractFrom(pattern, matcher === undefined ? this.last() : this.find(matcher));
  }

  /** Forgets every captured message, every pending injected failure and every stall no send has reached. */
  clear(): void {
    this.messages.length = 0;
    this.#failures = [];
    this.#stalls = [];
  }

  /**
   * Makes the next `times` sends fail. A {@link MailerErrorCode} fails the way that failure
   * happens for real: `AuthFailed`, `Rejected` (550) and `Unavailable` (a dropped connection) are
   * thrown as nodemailer reports them, so the mailer classifies (and retries) them as it would a
   * server's; other codes are thrown as a {@link index!MailerError}. Any other value is thrown as given.
   *
   * @param error - A code, or the value to throw.
   * @param times - How many sends fail. @default 1
   * @returns This transport, for chaining.
   * @example
   * ```ts
   * transport.failNext('Unavailable', 2); // two dropped connections, then success
   * transport.failNext(new Error('boom'));
   * ```
   */
  failNext(error: MailerErrorCode | (unknown & {}), times = 1): this {
    const make =
      typeof error === 'string' && error in CODES
        ? (WIRE_FAILURES[error as MailerErrorCode] ??
          (() => new MailerError(error as MailerErrorCode, `injected ${error} failure`)))
        : () => error;
    for (let count = 0; count < times; count += 1) this.#failures.push(make);
    return this;
  }

  /**
   * Makes the next send stall, as a server that stops answering mid-send does: it captures nothing
   * until {@link SendStall.release} is called, and rejects with its signal's reason, capturing
   * nothing ever, if the signal aborts first. For testing what gives up on a slow send: the
   * mailer's retry deadline, a caller's `AbortSignal.timeout`, the `maxInFlight` queue. Each call
   * stalls one more send.
   *
   * @returns The stall: `started` resolves when the send reached it, `release()` lets it go on.
   * @example
   * ```ts
   * const stall = transport.stallNext();
   * const sending = mailer.send(request, { signal: AbortSignal.timeout(100) });
   * await stall.started; // the transport has the message
   * await expect(sending).rejects.toMatchObject({ code: 'Unavailable' });
   * ```
   */
  stallNext(): SendStall {
    let start!: () => void;
    let release!: () => void;
    const started = new Promise<void>((resolve) => (start = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.#stalls.push({ start, released });
    return { started, release };
  }

  /**
   * Waits for a matching message: resolves at once when one was already sent.
   *
   * @param matcher - Fields to match or a predicate.
   * @param options - How long to wait.
   * @returns The (newest) matching message.
   * @throws {@link index!MailerError} `Unavailable` when none arrives in time.
   */
  waitFor(matcher: MessageMatcher, options: WaitForOptions = {}): Promise<MailMessage> {
    const existing = this.find(matcher);
    if (existing !== undefined) return Promise.resolve(existing);
    return this.#waiters.wait(toPredicate(matcher, fieldsOf), options.timeout ?? 5000, 'waitFor');
  }
}

/** What a query matches in a captured message. */
function fieldsOf(message: MailMessage): MatchedFields {
  return { recipients: [message.to], subject: message.subject, usageType: message.usageType, ...(message.locale === undefined ? {} : { locale: message.locale }) };
}
