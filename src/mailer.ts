/**
 * The core: picks a template, renders it, and hands the message to the transport.
 *
 * @module
 */
import { parseConfig } from './config/parse-config.js';
import type { ResolvedMailerConfig } from './config/mailer-config.js';
import { checkRequest, type CheckedRequest } from './check-request.js';
import { classifyError } from './classify-error.js';
import { defaultTemplates } from './default-templates/index.js';
import { deliverWithRetry } from './deliver-with-retry.js';
import { MailerError, isMailerError } from './errors.js';
import { toHeaderValue } from './header-value.js';
import { createRateLimiter, type RateLimiter } from './rate-limit/rate-limiter.js';
import { parseRecipient } from './recipient.js';
import { resolveRetryPolicy, type ResolvedRetryPolicy } from './retry-policy.js';
import { createSmtpTransport } from './smtp/smtp-transport.js';
import { TemplateRegistry } from './template-registry.js';
import type { MailMessage, Transport } from './transport.js';
import type { MailerOptions, RenderRequest, SendOptions, SendRequest, SendResult, TemplatePayload } from './types.js';

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
  readonly #inFlight = new Set<Promise<unknown>>();
  #closing: Promise<void> | undefined;

  /**
   * Validates the config and compiles every template. Prefer {@link createMailer}.
   *
   * @param config - A {@link MailerConfig} (a Logto SMTP connector config works unchanged).
   * @param options - A transport to use instead of SMTP, a template store, retry options.
   * @throws {@link MailerError} `InvalidConfig` naming every bad field, or `TemplateSyntax` naming the broken template.
   */
  constructor(config: unknown, options: MailerOptions = {}) {
    try {
      this.#config = parseConfig(config);
      this.#retryPolicy = resolveRetryPolicy(options.retry);
      this.#rateLimiter = options.rateLimit === undefined ? undefined : createRateLimiter(options.rateLimit);
      this.#registry = new TemplateRegistry(
        this.#config.templates,
        options.templateStore,
        options.useDefaultTemplates === false ? [] : defaultTemplates,
      );
      this.#headers = Object.freeze({ ...AUTO_SUBMITTED_HEADER, ...this.#config.customHeaders });
      this.#transport = options.transport ?? createSmtpTransport(this.#config);
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
   * @param request - The recipient, the usage type and the template's variables.
   * @param options - An optional `signal` that aborts the send.
   * @returns What the server accepted, and how many attempts it took.
   * @throws {@link MailerError} for every failure: `InvalidRecipient`, `TemplateNotFound`,
   *   `MissingVariable`, `RateLimited` (with `retryAfter`), `AuthFailed`, `Rejected`, `Unavailable`, `Closed`.
   */
  send(request: SendRequest, options: SendOptions = {}): Promise<SendResult> {
    if (this.#closing) return Promise.reject(closedError('send'));
    const sending = this.#send(request, options);
    this.#inFlight.add(sending);
    const forget = (): void => {
      this.#inFlight.delete(sending);
    };
    sending.then(forget, forget);
    return sending;
  }

  /**
   * Renders the message `send` would send, without sending it: for previews and tests.
   *
   * @param request - The usage type, the template's variables and optionally the recipient.
   * @returns The rendered message.
   * @throws {@link MailerError} `InvalidRecipient`, `TemplateNotFound` or `MissingVariable`.
   */
  async render(request: RenderRequest): Promise<RenderedMessage> {
    return (await this.#prepare(request, 'render')).message;
  }

  /**
   * Connects and authenticates without sending anything: the "does my config work?" check.
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
   * Stops taking sends, waits for the ones in flight, then closes the transport's connections.
   * Calling it again returns the same promise. Afterwards `send` rejects with `Closed`.
   *
   * @returns Resolves when every connection is closed.
   */
  close(): Promise<void> {
    this.#closing ??= this.#drainAndClose();
    return this.#closing;
  }

  /** Closes the mailer at the end of an `await using` block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  async #send(request: SendRequest, options: SendOptions): Promise<SendResult> {
    const prepared = await this.#prepare(request, 'send');
    const message = prepared.message as MailMessage;
    const to = message.to;
    await this.#rateLimiter?.(to, prepared.request.type);
    const { result, attempts } = await deliverWithRetry(message, {
      transport: this.#transport,
      policy: this.#retryPolicy,
      signal: options.signal,
      context: this.#target(`send ${message.usageType} mail to ${to}`),
    });
    return {
      messageId: result.messageId,
      accepted: result.accepted ?? [to],
      rejected: result.rejected ?? [],
      ...(result.response === undefined ? {} : { response: result.response }),
      attempts,
    };
  }

  /**
   * Checks, addresses and renders a request: the one place that reads the caller's data, so
   * anything but a MailerError thrown there (a payload getter, lambda or proxy that throws)
   * becomes `MissingVariable`.
   */
  async #prepare(
    request: unknown,
    operation: 'send' | 'render',
  ): Promise<{ request: CheckedRequest; message: RenderedMessage }> {
    try {
      const checked = checkRequest(request, operation);
      const to = operation === 'send' || checked.to !== undefined ? parseRecipient(checked.to) : undefined;
      return { request: checked, message: await this.#compose(checked, to) };
    } catch (error) {
      throw isMailerError(error) ? error : unreadablePayloadError(operation, error);
    }
  }

  async #compose(request: CheckedRequest, to: string | undefined): Promise<RenderedMessage> {
    const { payload } = request;
    const template = await this.#registry.find(request.type, payload.locale);
    const { definition } = template;
    const content = template.render(payload);
    const replyTo = definition.replyTo ?? this.#config.replyTo;
    const message: RenderedMessage = {
      from: toHeaderValue(definition.sendFrom ?? this.#config.fromEmail),
      ...(to === undefined ? {} : { to }),
      ...(replyTo === undefined ? {} : { replyTo: toHeaderValue(replyTo) }),
      subject: content.subject,
      text: content.text,
      ...(content.html === undefined ? {} : { html: content.html }),
      headers: this.#headers,
      usageType: request.type,
      ...(definition.locale === undefined ? {} : { locale: definition.locale }),
    };
    return message;
  }

  #target(operation: string): { operation: string; host: string; port: number; secure: boolean } {
    const { host, port, secure } = this.#config;
    return { operation, host, port, secure };
  }

  async #drainAndClose(): Promise<void> {
    await Promise.allSettled([...this.#inFlight]);
    await this.#transport.close?.();
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

function closedError(operation: string): MailerError {
  return new MailerError('Closed', `Cannot ${operation}: the mailer was closed. Create a new mailer to send again.`);
}
