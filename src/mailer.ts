/**
 * The core: picks a template, renders it, and hands the message to the transport.
 *
 * @module
 */
import { asyncDispose } from './async-dispose.js';
import { parseConfig } from './config/parse-config.js';
import type { ResolvedMailerConfig } from './config/mailer-config.js';
import { checkRequest } from './check-request.js';
import { classifyError } from './classify-error.js';
import { DeadlinePassed, DeadlineSweeper } from './deadline-sweeper.js';
import { defaultTemplates } from './default-templates/index.js';
import { deliverWithRetry } from './deliver-with-retry.js';
import { MailerError, isMailerError } from './errors.js';
import { toHeaderValue } from './header-value.js';
import { resolveInFlightLimit } from './in-flight-limit.js';
import { createRateLimiter, type RateLimiter } from './rate-limit/rate-limiter.js';
import { parseRecipient } from './recipient.js';
import { resolveRetryPolicy, type ResolvedRetryPolicy } from './retry-policy.js';
import { SendQueue, type QueueLinks } from './send-queue.js';
import { createSmtpTransport } from './smtp/smtp-transport.js';
import { TemplateRegistry } from './template-registry.js';
import type { MailMessage, Transport } from './transport.js';
import { untilAborted } from './until-aborted.js';
import type {
  MailerOptions,
  RenderRequest,
  SendOptions,
  SendRequest,
  SendResult,
  TemplateChoice,
  TemplatePayload,
  TemplateStore,
  UsageType,
} from './types.js';

/** A rendered message that was not sent: {@link MailMessage} with `to` present only when it was given. */
export type RenderedMessage = Omit<MailMessage, 'to'> & {
  /** The recipient, present only when the render request gave one. */
  to?: string;
};

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
   * Settles the caller's promise: with a result, or with a rejected promise (see {@link failSend}).
   * Only this resolving function is kept; the promise's `reject` is left to be collected, which
   * makes every queued send one function smaller.
   */
  readonly resolve: (outcome: SendResult | Promise<never>) => void;
  /** Present when the caller gave a signal; most sends have none, and pay nothing for it. */
  readonly abort: CallerAbort | undefined;
}

/** A send's link to the caller's signal. */
interface CallerAbort {
  readonly signal: AbortSignal;
  /** Removes the send from the queue, or aborts `controller` once it runs. */
  readonly listener: () => void;
  /** Created when the send starts: aborted by the caller's signal or by the deadline's. */
  controller: AbortController | undefined;
}

/** A composed message and the template it was rendered from. */
interface Composed {
  readonly message: RenderedMessage;
  readonly template: TemplateChoice;
}

/** Marks every message as machine-sent, so auto-responders stay quiet (RFC 3834). */
const AUTO_SUBMITTED_HEADER = { 'Auto-Submitted': 'auto-generated' } as const;

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
  readonly #config: ResolvedMailerConfig;
  readonly #registry: TemplateRegistry;
  readonly #transport: Transport;
  readonly #retryPolicy: ResolvedRetryPolicy;
  readonly #rateLimiter: RateLimiter | undefined;
  readonly #headers: Readonly<Record<string, string | string[]>>;
  /** The config's `fromEmail` as the From header carries it, made once. */
  readonly #from: string;
  readonly #queue: SendQueue<PendingSend>;
  readonly #sweeper: DeadlineSweeper;
  #closing: Promise<void> | undefined;

  /**
   * Validates the config and compiles every template. Prefer {@link createMailer}.
   *
   * @param config - A {@link MailerConfig} (a Logto SMTP connector config works unchanged).
   * @param options - A transport to use instead of SMTP, a template store, retry options, the in-flight window.
   * @throws {@link MailerError} `InvalidConfig` naming every bad field (`transport.send` for a
   *   transport without a `send` method, `templateStore.findTemplate` for a store without
   *   `findTemplate`), or `TemplateSyntax` naming the broken template.
   */
  constructor(config: unknown, options: MailerOptions = {}) {
    try {
      this.#config = parseConfig(config);
      this.#retryPolicy = resolveRetryPolicy(options.retry);
      const inFlightLimit = resolveInFlightLimit(options.maxInFlight, options.transport != null, this.#config);
      this.#queue = new SendQueue(inFlightLimit, (pending) => this.#run(pending));
      this.#sweeper = new DeadlineSweeper(this.#retryPolicy.deadline, (deadline) => this.#expireQueued(deadline));
      this.#rateLimiter = options.rateLimit === undefined ? undefined : createRateLimiter(options.rateLimit);
      this.#registry = new TemplateRegistry(
        this.#config.templates,
        checkTemplateStore(options.templateStore),
        options.useDefaultTemplates === false ? [] : defaultTemplates,
      );
      this.#headers = Object.freeze({ ...AUTO_SUBMITTED_HEADER, ...this.#config.customHeaders });
      this.#from = toHeaderValue(this.#config.fromEmail);
      this.#transport = checkTransport(options.transport) ?? createSmtpTransport(this.#config);
    } catch (error) {
      // A getter or proxy in the config, or options of the wrong shape, must not escape as a TypeError.
      throw isMailerError(error)
        ? error
        : new MailerError('InvalidConfig', 'Cannot create the mailer: reading the config or options threw (see cause). Pass plain data.', {
            issues: [{ path: '', message: 'reading the config or options threw; pass plain data' }],
            cause: error,
          });
    }
  }

  /**
   * Picks the template for `type` and the payload's locale, renders it and sends one message,
   * retrying transient failures.
   *
   * The request and recipient are checked at once; a bad one rejects without waiting. The send
   * then waits, unrendered, until fewer than `maxInFlight` sends are with the transport; the payload
   * is read when it is rendered, so do not change it after calling `send`. The retry deadline counts
   * from this call, queue time included.
   *
   * @param request - The recipient, the usage type and the template's variables.
   * @param options - An optional `signal` that aborts the send (a queued send leaves the queue at once).
   * @returns What the server accepted, how many attempts it took, and which template was used
   *   (`template`: usage type, locale and source).
   * @throws {@link MailerError} for every failure: `InvalidRecipient`, `TemplateNotFound`,
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
    try {
      const checked = checkRequest(request, 'send');
      ({ type, payload } = checked);
      const recipient = parseRecipient(checked.to);
      // Keep the caller's string when it was already normalized: a queued send holds one copy less.
      to = recipient === checked.to ? checked.to : recipient;
      signal = options.signal;
      if (signal?.aborted) throw classifyError(signal.reason, { ...this.#target(sendOperation(type, to)), attempts: 0 });
    } catch (error) {
      return Promise.reject(isMailerError(error) ? error : unreadablePayloadError('send', error));
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
      };
      pending.abort?.signal.addEventListener('abort', pending.abort.listener, { once: true });
      this.#queue.push(pending);
    });
  }

  /**
   * Renders the message `send` would send, without sending it: for previews and tests.
   *
   * @param request - The usage type, the template's variables and optionally the recipient.
   * @returns The rendered message.
   * @throws {@link MailerError} `InvalidRecipient`, `TemplateNotFound` or `MissingVariable`.
   */
  async render(request: RenderRequest): Promise<RenderedMessage> {
    try {
      const checked = checkRequest(request, 'render');
      const to = checked.to === undefined ? undefined : parseRecipient(checked.to);
      return (await this.#compose(checked.type, checked.payload, to)).message;
    } catch (error) {
      throw isMailerError(error) ? error : unreadablePayloadError('render', error);
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
      throw classifyError(error, { ...this.#target('verify the connection'), attempts: 1 });
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
      const { message, template } = await (this.#registry.asksStore ? untilAborted(composing, signal) : composing);
      if (this.#rateLimiter !== undefined) await untilAborted(this.#rateLimiter(to, type), signal);
      const { result, attempts } = await deliverWithRetry(message as MailMessage, {
        transport: this.#transport,
        policy: this.#retryPolicy,
        signal,
        context: this.#target(sendOperation(message.usageType, to)),
      });
      const sent: SendResult = {
        messageId: result.messageId,
        accepted: result.accepted ?? [to],
        rejected: result.rejected ?? [],
        attempts,
        template,
      };
      if (result.response !== undefined) sent.response = result.response;
      pending.resolve(sent);
    } catch (error) {
      failSend(pending, this.#sendFailure(error, signal, type, to));
    } finally {
      if (abort !== undefined && onDeadline !== undefined) {
        abort.signal.removeEventListener('abort', abort.listener);
        deadlineSignal.removeEventListener('abort', onDeadline);
      }
    }
  }

  /** What a send that failed rejects with; `deliverWithRetry` classifies its own failures. */
  #sendFailure(error: unknown, signal: AbortSignal, type: UsageType, to: string): MailerError {
    if (isMailerError(error)) return error;
    // Before delivery, only rendering reads the caller's payload; anything else not a MailerError came from it.
    if (!signal.aborted) return unreadablePayloadError('send', error);
    const operation = sendOperation(type, to);
    const reason: unknown =
      signal.reason instanceof DeadlinePassed
        ? new MailerError(
            'Unavailable',
            `${operation} gave up after ${this.#retryPolicy.deadline} ms before its first attempt, ` +
              'while finding its template or checking its rate limit. Nothing was sent.',
          )
        : signal.reason;
    return classifyError(reason, { ...this.#target(operation), attempts: 0 });
  }

  /** The caller's signal aborted: a queued send leaves the queue, a running one is aborted. */
  #abort(pending: PendingSend): void {
    const reason: unknown = pending.abort?.signal.reason;
    if (this.#queue.remove(pending)) {
      failSend(pending, classifyError(reason, { ...this.#target(sendOperation(pending.type, pending.to)), attempts: 0 }));
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
      failSend(oldest, classifyError(waited, { ...this.#target(operation), attempts: 0 }));
    }
  }

  /** The message for a send or a render, and which template it was rendered from. */
  async #compose(type: UsageType, payload: TemplatePayload, to: string | undefined): Promise<Composed> {
    const { template, choice } = await this.#registry.find(type, payload.locale);
    const { definition } = template;
    const content = template.render(payload);
    const replyTo = definition.replyTo ?? this.#config.replyTo;
    const message: RenderedMessage = {
      from: definition.sendFrom === undefined ? this.#from : toHeaderValue(definition.sendFrom),
      subject: content.subject,
      text: content.text,
      headers: this.#headers,
      usageType: type,
    };
    if (to !== undefined) message.to = to;
    if (replyTo !== undefined) message.replyTo = toHeaderValue(replyTo);
    if (content.html !== undefined) message.html = content.html;
    if (choice.locale !== undefined) message.locale = choice.locale;
    return { message, template: choice };
  }

  #target(operation: string): { operation: string; host: string; port: number; secure: boolean } {
    const { host, port, secure } = this.#config;
    return { operation, host, port, secure };
  }

  async #drainAndClose(): Promise<void> {
    await this.#queue.whenIdle();
    try {
      await this.#transport.close?.();
    } catch (error) {
      throw classifyError(error, this.#target('close the transport'));
    }
  }
}

/** The caller's transport once it is known to have a `send` method; `undefined` (or `null`) for none. */
function checkTransport(transport: Transport | undefined): Transport | undefined {
  if (transport === undefined || transport === null || typeof (transport as Partial<Transport>).send === 'function') {
    return transport ?? undefined;
  }
  const message = 'must be a function: a transport is an object with send(message, { signal })';
  throw new MailerError('InvalidConfig', `Invalid transport option: transport.send ${message}.`, {
    issues: [{ path: 'transport.send', message }],
  });
}

/** The caller's template store once it is known to have a `findTemplate` method; `undefined` (or `null`) for none. */
function checkTemplateStore(store: TemplateStore | undefined): TemplateStore | undefined {
  if (store === undefined || store === null || typeof (store as Partial<TemplateStore>).findTemplate === 'function') {
    return store ?? undefined;
  }
  const message = 'must be a function: a template store is an object with findTemplate(usageType, locale)';
  throw new MailerError('InvalidConfig', `Invalid templateStore option: templateStore.findTemplate ${message}.`, {
    issues: [{ path: 'templateStore.findTemplate', message }],
  });
}

function unreadablePayloadError(operation: string, cause: unknown): MailerError {
  return new MailerError(
    'MissingVariable',
    `Cannot ${operation}: reading the request or its payload threw ` +
      `(a getter, function or proxy in it failed; see cause). Pass plain strings and numbers as template variables.`,
    { cause },
  );
}

/**
 * Rejects a send's promise with `error`: resolving a promise with a rejected one rejects it. The
 * rejected promise gets its handler in the next microtask, before Node looks for unhandled rejections.
 */
function failSend(pending: PendingSend, error: MailerError): void {
  pending.resolve(Promise.reject(error));
}

function sendOperation(type: UsageType, to: string): string {
  return `send ${type} mail to ${to}`;
}

function closedError(operation: string): MailerError {
  return new MailerError('Closed', `Cannot ${operation}: the mailer was closed. Create a new mailer to send again.`);
}
