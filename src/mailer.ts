/**
 * The core: picks a template, renders it, and hands the message to the transport.
 *
 * @module
 */
import { asyncDispose } from './shared/async-dispose.js';
import type { ResolveUsageType } from './config/usage-type-resolver.js';
import { classifyError, type ErrorContext } from './errors/classify-error.js';
import { DeadlinePassed, DeadlineSweeper } from './delivery/deadline-sweeper.js';
import { deliverWithRetry } from './delivery/deliver-with-retry.js';
import type { ResolvedRetryPolicy } from './delivery/retry-policy.js';
import { SendQueue, type QueueLinks } from './delivery/send-queue.js';
import { MailerError, isMailerError } from './errors/mailer-error.js';
import { checkRequest } from './message/check-request.js';
import { checkMessageId, messageIdHeader } from './message/message-id.js';
import type { ComposeMessage } from './message/compose-message.js';
import { parseRecipient } from './message/recipient.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import { untilAborted } from './shared/until-aborted.js';
import type { RenderRequest, RenderedMessage, SendOptions, SendRequest, SendResult } from './types/send.js';
import type { TemplatePayload } from './types/template.js';
import type { MailMessage, Transport } from './types/transport.js';
import type { UsageType } from './types/usage-type.js';

// The payload Mailer.sendTest renders the Generic template with.
const SAMPLE_PAYLOAD: Readonly<TemplatePayload> = Object.freeze({
  code: '123456',
  link: 'https://example.com/verify?code=123456',
});

/**
 * A send accepted by {@link Mailer.send}: its checked request and how to settle it, nothing
 * rendered. It waits in the mailer's queue until a slot of the in-flight window frees.
 */
interface PendingSend extends QueueLinks<PendingSend> {
  /** The recipient as `parseRecipient` returned it. */
  readonly to: string;
  readonly type: UsageType;
  readonly payload: TemplatePayload;
  /** From the mailer's {@link DeadlineSweeper}: `retry.deadline` after the `send` call. */
  readonly deadline: number;
  /**
   * Settles the caller's promise: with a result, or with a rejected promise (see `Mailer.#settle`).
   * Only this resolving function is kept; the promise's `reject` is left to be collected, which
   * makes every queued send one function smaller.
   */
  readonly resolve: (outcome: SendResult | Promise<never>) => void;
  /** Present when the caller gave a signal; most sends have none, and pay nothing for it. */
  readonly abort: CallerAbort | undefined;
  /** The caller's Message-ID (checked, without brackets), when it fixed one. */
  readonly messageId?: string;
}

/** A send's link to the caller's signal. */
interface CallerAbort {
  readonly signal: AbortSignal;
  /** Removes the send from the queue, or aborts `controller` once it runs. */
  readonly listener: () => void;
  /** Created when the send starts: aborted by the caller's signal or by the deadline's. */
  controller: AbortController | undefined;
}

/** The parts a {@link Mailer} runs on, chosen and checked by {@link createMailer}. */
export interface MailerParts {
  /** Turns a request's usage type into the one sent (aliases, spellings), or refuses it (strict). */
  readonly resolveUsageType: ResolveUsageType;
  /** Finds, renders and dresses a message. */
  readonly compose: ComposeMessage;
  /** Whether composing asks a template store (the caller's code, which the deadline must bound). */
  readonly asksStore: boolean;
  /** Delivers each attempt. */
  readonly transport: Transport;
  /** Attempts, backoff and deadline. */
  readonly retryPolicy: ResolvedRetryPolicy;
  /** The per-recipient limit, when one is set. */
  readonly rateLimiter: RateLimiter | undefined;
  /** The most sends handed to the transport at once. */
  readonly maxInFlight: number;
  /** The config's secrets and login user, removed from every error the mailer reports, and whether addresses are masked. */
  readonly redaction: Redaction;
}

/**
 * The secrets no error may show, the login user that SASL blobs are built with, and whether
 * email addresses are masked in every error (`redactRecipients`).
 */
export interface Redaction extends Pick<ErrorContext, 'secrets' | 'user'> {
  /** Whether every error masks email addresses, the recipient's display name left out. */
  readonly recipients: boolean;
}

/**
 * Sends authentication emails. Create one per config with {@link createMailer} and reuse it: it
 * keeps a pool of SMTP connections open until {@link Mailer.close}.
 *
 * @example
 * ```ts
 * await using mailer = createMailer(config);
 * await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
 * ```
 */
export class Mailer {
  readonly #resolveUsageType: ResolveUsageType;
  readonly #compose: ComposeMessage;
  readonly #asksStore: boolean;
  readonly #transport: Transport;
  readonly #retryPolicy: ResolvedRetryPolicy;
  readonly #rateLimiter: RateLimiter | undefined;
  /** The config's secrets and login user: every error the mailer reports is rid of them. */
  readonly #secrets: Pick<ErrorContext, 'secrets' | 'user'>;
  /** Whether every error the mailer reports masks email addresses (`redactRecipients`). */
  readonly #maskRecipients: boolean;
  readonly #queue: SendQueue<PendingSend>;
  readonly #sweeper: DeadlineSweeper;
  #closing: Promise<void> | undefined;

  /**
   * Takes parts already chosen and checked. Use {@link createMailer}, which parses the config and
   * options and picks the defaults.
   *
   * @param parts - The composer, transport, retry policy, rate limiter and in-flight window.
   * @internal
   */
  constructor(parts: MailerParts) {
    this.#resolveUsageType = parts.resolveUsageType;
    this.#compose = parts.compose;
    this.#asksStore = parts.asksStore;
    this.#transport = parts.transport;
    this.#retryPolicy = parts.retryPolicy;
    this.#rateLimiter = parts.rateLimiter;
    const { recipients, ...secrets } = parts.redaction;
    this.#secrets = secrets;
    this.#maskRecipients = recipients;
    this.#queue = new SendQueue(parts.maxInFlight, (pending) => this.#run(pending));
    this.#sweeper = new DeadlineSweeper(this.#retryPolicy.deadline, (deadline) => this.#expireQueued(deadline));
  }

  /**
   * Picks the template for `type` and the payload's locale, renders it and sends one message,
   * retrying transient failures.
   *
   * The request and recipient are checked at once, and the usage type resolved (`sign-in` is
   * `SignIn`; see {@link MailerOptions.usageTypeAliases}); a bad one rejects without waiting. The send
   * then waits, unrendered, until fewer than `maxInFlight` sends are with the transport; the payload
   * is read when it is rendered, so do not change it after calling `send`. The retry deadline counts
   * from this call, queue time included.
   *
   * @param request - The recipient, the usage type and the template's variables.
   * @param options - An optional `signal` that aborts the send (a queued send leaves the queue at
   *   once), and an optional `messageId` that fixes the Message-ID (a resend is then the same message).
   * @returns What the server accepted, how many attempts it took, and which template was used
   *   (`template`: usage type, locale and source).
   * @throws {@link MailerError} for every failure: `InvalidRecipient`, `TemplateNotFound` (also for
   *   an unknown type under `strictUsageTypes`),
   *   `MissingVariable`, `RateLimited` (with `retryAfter`), `AuthFailed`, `Rejected`, `Unavailable`
   *   (also when the deadline passed while queued, with `attempts: 0`), `Closed`; `InvalidConfig`
   *   or `TemplateSyntax` when the template store returns a bad template.
   */
  send(request: SendRequest, options: SendOptions = {}): Promise<SendResult> {
    if (this.#closing) return Promise.reject(closedError('send'));
    let to: string;
    let type: UsageType;
    let payload: TemplatePayload;
    let signal: AbortSignal | undefined;
    let messageId: string | undefined;
    try {
      const checked = checkRequest(request, 'send');
      ({ payload } = checked);
      type = this.#resolveUsageType(checked.type, 'send');
      const recipient = parseRecipient(checked.to, !this.#maskRecipients);
      // Keep the caller's string when it was already normalized: a queued send holds one copy less.
      to = recipient === checked.to ? checked.to : recipient;
      signal = options.signal;
      if (options.messageId !== undefined) messageId = checkMessageId(options.messageId);
      if (signal?.aborted) throw classifyError(signal.reason, { ...this.#context(sendOperation(type, to), to), attempts: 0 });
    } catch (error) {
      const failure = isMailerError(error) ? error : unreadablePayloadError('send', error);
      return Promise.reject(this.#maskRecipients ? classifyError(failure, this.#context('send')) : failure);
    }
    return new Promise<SendResult>((resolve) => {
      const pending: PendingSend = {
        to,
        type,
        payload,
        deadline: this.#sweeper.deadlineFromNow(),
        resolve,
        abort: signal === undefined ? undefined : { signal, listener: () => this.#abort(pending), controller: undefined },
        next: undefined,
        prev: undefined,
        ...(messageId === undefined ? {} : { messageId }),
      };
      pending.abort?.signal.addEventListener('abort', pending.abort.listener, { once: true });
      // Released in #settle: until then the deadline's timer keeps the process alive.
      this.#sweeper.hold();
      this.#queue.push(pending);
    });
  }

  /**
   * Renders the message `send` would send, without sending it: for previews and tests.
   *
   * @param request - The usage type, the template's variables and optionally the recipient.
   * @returns The rendered message.
   * @throws {@link MailerError} `InvalidRecipient`, `TemplateNotFound` (also for an unknown type
   *   under `strictUsageTypes`) or `MissingVariable`.
   */
  async render(request: RenderRequest): Promise<RenderedMessage> {
    let to: string | undefined;
    try {
      const checked = checkRequest(request, 'render');
      const type = this.#resolveUsageType(checked.type, 'render');
      to = checked.to === undefined ? undefined : parseRecipient(checked.to, !this.#maskRecipients);
      return (await this.#compose(type, checked.payload, to)).message;
    } catch (error) {
      // A template store's error is kept as `cause`: classifying rids it of the config's secrets.
      throw classifyError(isMailerError(error) ? error : unreadablePayloadError('render', error), this.#context('render', to));
    }
  }

  /**
   * Connects and authenticates without sending anything: the "does my config work?" check. With
   * the default pooled SMTP transport, the connection it opened stays in the pool, so
   * `await mailer.verify()` at startup also spares the first user's send the handshakes.
   *
   * @returns Resolves when the server accepted the connection and the credentials.
   * @throws {@link MailerError} `AuthFailed`, `Unavailable` (with a `hint` for classic mistakes) or `Closed`.
   */
  async verify(): Promise<void> {
    if (this.#closing) throw closedError('verify');
    try {
      await this.#transport.verify?.();
    } catch (error) {
      throw classifyError(error, { ...this.#context('verify the connection'), attempts: 1 });
    }
  }

  /**
   * Sends the `Generic` template with a sample code and link: the "test this config" button.
   *
   * @param to - Where to send the test message.
   * @returns The send's result.
   * @throws {@link MailerError} as {@link Mailer.send} does.
   */
  sendTest(to: string): Promise<SendResult> {
    return this.send({ to, type: 'Generic', payload: { ...SAMPLE_PAYLOAD } });
  }

  /**
   * Stops taking sends, lets the queued ones run and waits for every send to settle (nothing
   * accepted is dropped), then closes the transport's connections. Calling it again returns the
   * same promise. Afterwards `send` rejects with `Closed`.
   *
   * @returns Resolves when every connection is closed.
   * @throws {@link MailerError} when the transport's `close` fails (`Unavailable` unless it threw a
   *   MailerError); the mailer is closed all the same.
   */
  close(): Promise<void> {
    this.#closing ??= this.#drainAndClose();
    return this.#closing;
  }

  /** Closes the mailer at the end of an `await using` block (`Symbol.asyncDispose`). */
  [asyncDispose](): Promise<void> {
    return this.close();
  }

  /** Renders, rate-limits and delivers a send that got a slot; settles it and never rejects. */
  async #run(pending: PendingSend): Promise<void> {
    const { to, type, abort } = pending;
    // Without a caller's signal only the deadline aborts: its shared signal will do.
    const deadlineSignal = this.#sweeper.signalFor(pending.deadline);
    let signal = deadlineSignal;
    let onDeadline: (() => void) | undefined;
    if (abort !== undefined) {
      const controller = (abort.controller = new AbortController());
      signal = controller.signal;
      onDeadline = () => controller.abort(deadlineSignal.reason);
      if (deadlineSignal.aborted) onDeadline();
      deadlineSignal.addEventListener('abort', onDeadline, { once: true });
    }
    try {
      // The template store and the rate-limit store are the caller's code: the deadline bounds them too.
      // Without a store, composing runs only our code (and loads html-to-text once): no race needed.
      const composing = this.#compose(type, pending.payload, to);
      const { message, template } = await (this.#asksStore ? untilAborted(composing, signal) : composing);
      if (this.#rateLimiter !== undefined) await untilAborted(this.#rateLimiter(to, type), signal);
      // The message's headers object is its own (see composeMessage): adding to it is safe.
      if (pending.messageId !== undefined) (message.headers ??= {})['Message-ID'] = messageIdHeader(pending.messageId, message.from);
      const { result, attempts } = await deliverWithRetry(message as MailMessage, {
        transport: this.#transport,
        policy: this.#retryPolicy,
        signal,
        context: this.#context(sendOperation(message.usageType, to), to),
        deadline: pending.deadline,
      });
      const sent: SendResult = {
        messageId: result.messageId,
        accepted: result.accepted ?? [to],
        rejected: result.rejected ?? [],
        attempts,
        template,
      };
      if (result.response !== undefined) sent.response = result.response;
      this.#settle(pending, sent);
    } catch (error) {
      this.#settle(pending, Promise.reject(this.#sendFailure(error, signal, type, to)));
    } finally {
      if (abort !== undefined && onDeadline !== undefined) {
        abort.signal.removeEventListener('abort', abort.listener);
        deadlineSignal.removeEventListener('abort', onDeadline);
      }
    }
  }

  /**
   * Settles a send, once: with its result, or with a rejected promise holding its `MailerError`
   * (resolving a promise with a rejected one rejects it; the rejected promise gets its handler in
   * the next microtask, before Node looks for unhandled rejections). Releases the send's hold on
   * the deadline sweeper, which stops keeping the process alive once no send is pending.
   */
  #settle(pending: PendingSend, outcome: SendResult | Promise<never>): void {
    this.#sweeper.release();
    pending.resolve(outcome);
  }

  /**
   * What a send that failed rejects with. A template or rate-limit store's error, kept as `cause`,
   * is the caller's code: it goes through classification too, to be rid of the config's secrets.
   */
  #sendFailure(error: unknown, signal: AbortSignal, type: UsageType, to: string): MailerError {
    const operation = sendOperation(type, to);
    if (isMailerError(error)) return classifyError(error, this.#context(operation, to));
    // Before delivery, only rendering reads the caller's payload; anything else not a MailerError came from it.
    if (!signal.aborted) return classifyError(unreadablePayloadError('send', error), this.#context(operation, to));
    const reason: unknown =
      signal.reason instanceof DeadlinePassed
        ? new MailerError(
            'Unavailable',
            `${operation} gave up after ${this.#retryPolicy.deadline} ms before its first attempt, ` +
              'while finding its template or checking its rate limit. Nothing was sent.',
          )
        : signal.reason;
    return classifyError(reason, { ...this.#context(operation, to), attempts: 0 });
  }

  /** The caller's signal aborted: a queued send leaves the queue, a running one is aborted. */
  #abort(pending: PendingSend): void {
    const reason: unknown = pending.abort?.signal.reason;
    if (this.#queue.remove(pending)) {
      const context = this.#context(sendOperation(pending.type, pending.to), pending.to);
      this.#settle(pending, Promise.reject(classifyError(reason, { ...context, attempts: 0 })));
    } else {
      pending.abort?.controller?.abort(reason);
    }
  }

  /** A deadline passed: the sends still queued with it reject untried (running ones saw its signal abort). */
  #expireQueued(deadline: number): void {
    for (let oldest = this.#queue.oldest(); oldest !== undefined && oldest.deadline <= deadline; oldest = this.#queue.oldest()) {
      this.#queue.remove(oldest);
      const { abort } = oldest;
      abort?.signal.removeEventListener('abort', abort.listener);
      const operation = sendOperation(oldest.type, oldest.to);
      const waited = new MailerError(
        'Unavailable',
        `${operation} gave up after ${this.#retryPolicy.deadline} ms before its first attempt: it waited behind ` +
          'other sends for a free slot (maxInFlight) all that time. Nothing was sent.',
      );
      this.#settle(oldest, Promise.reject(classifyError(waited, { ...this.#context(operation, oldest.to), attempts: 0 })));
    }
  }

  /**
   * The error context of `operation`, with the secrets no error may show and, under
   * `redactRecipients`, the recipient `to` whose address (and display name) no error may show.
   */
  #context(operation: string, to?: string): ErrorContext {
    if (!this.#maskRecipients) return { operation, ...this.#secrets };
    return { operation, ...this.#secrets, recipients: to === undefined ? [] : [to] };
  }

  async #drainAndClose(): Promise<void> {
    await this.#queue.whenIdle();
    try {
      await this.#transport.close?.();
    } catch (error) {
      throw classifyError(error, this.#context('close the transport'));
    }
  }
}

function unreadablePayloadError(operation: string, cause: unknown): MailerError {
  return new MailerError(
    'MissingVariable',
    `Cannot ${operation}: reading the request or its payload threw ` +
      `(a getter, function or proxy in it failed; see cause). Pass plain strings and numbers as template variables.`,
    { cause },
  );
}

function sendOperation(type: UsageType, to: string): string {
  return `send ${type} mail to ${to}`;
}

function closedError(operation: string): MailerError {
  return new MailerError('Closed', `Cannot ${operation}: the mailer was closed. Create a new mailer to send again.`);
}
