/**
 * The public types a user writes against: requests, results, templates and mailer options.
 *
 * @module
 */
import type { RateLimitOptions } from './rate-limit/rate-limit-options.js';
import type { KNOWN_USAGE_TYPES } from './known-usage-types.js';
import type { RetryOptions } from './retry-policy.js';
import type { Transport } from './transport.js';

/** The usage types auth systems send; Logto's connector names them the same way. */
export type KnownUsageType = (typeof KNOWN_USAGE_TYPES)[number];

/**
 * Which kind of email to send. Any string is allowed; the known ones autocomplete.
 */
export type UsageType = KnownUsageType | (string & {});

/** The content type of a template's `content`. */
export type TemplateContentType = 'text/plain' | 'text/html';

/**
 * One email template. `subject`, `content` and `text` are mustache templates rendered with the
 * send's payload.
 */
export interface TemplateDefinition {
  /** The kind of email this template serves. */
  usageType: UsageType;
  /** Whether `content` is plain text or HTML. HTML is sent with a plain-text alternative. */
  contentType: TemplateContentType;
  /** The subject line template. Never HTML-escaped; control characters are removed. */
  subject: string;
  /** The body template, holding for example `{{code}}`. */
  content: string;
  /** The BCP 47 tag this template is written in (`en`, `pt-BR`); absent for the fallback. */
  locale?: string;
  /** The plain-text part of an HTML template; derived from the HTML when absent. */
  text?: string;
  /** Overrides the config's `fromEmail` for this template. */
  sendFrom?: string;
  /** Overrides the config's `replyTo` for this template. */
  replyTo?: string;
}

/**
 * The variables a template is rendered with. `code`, `link` and `locale` are the usual ones; any
 * other key is available to templates too.
 */
export interface TemplatePayload {
  /** The verification code (a number is rendered as its digits). */
  code?: string | number;
  /** A link the user follows (magic link, invitation, reset link). */
  link?: string;
  /**
   * The language the email should be written in; chooses the template. A BCP 47 tag (`pt-BR`, in
   * any case) or an `Accept-Language` value (`pt-BR,pt;q=0.9,en;q=0.8`, tried in order of
   * preference). A malformed one counts as none: the send goes out in the fallback language.
   */
  locale?: string;
  /** Any other variable the template uses. */
  [variable: string]: unknown;
}

/** What to send: one recipient, one usage type, the template's variables. */
export interface SendRequest {
  /** Exactly one email address (`user@example.com` or `Name <user@example.com>`). */
  to: string;
  /** Which template to use. */
  type: UsageType;
  /** The template's variables. */
  payload?: TemplatePayload;
}

/** A request for {@link Mailer.render}: like {@link SendRequest}, with `to` optional. */
export interface RenderRequest extends Omit<SendRequest, 'to'> {
  /** The recipient to show in the preview; the message is not sent. */
  to?: string;
}

/** Per-call options of {@link Mailer.send}. */
export interface SendOptions {
  /** Aborts the send; it then rejects with a `MailerError` and nothing more is attempted. */
  signal?: AbortSignal;
}

/** What a successful send reports. */
export interface SendResult {
  /** The Message-ID the message was sent with. */
  messageId: string;
  /** Recipients the server accepted. */
  accepted: string[];
  /** Recipients the server refused. */
  rejected: string[];
  /** The server's final reply line. */
  response?: string;
  /** How many delivery attempts it took (1 when the first one succeeded). */
  attempts: number;
  /**
   * Which template the message was rendered from: check it to see that a `Generic`, a built-in or a
   * template without a locale stood in (a malformed `payload.locale` counts as none). Always set by
   * {@link Mailer.send}; optional only so that results written by hand (test doubles) need not invent one.
   */
  template?: TemplateChoice;
}

/** Where the template a send used came from. */
export type TemplateSource = 'store' | 'config' | 'builtin';

/**
 * The template a send used, as {@link SendResult.template} reports it.
 *
 * @example
 * ```ts
 * const { template } = await mailer.send({ to, type: 'SignIn', payload: { code, locale: 'pt-BR,pt;q=0.9' } });
 * // { usageType: 'SignIn', locale: 'pt', source: 'config' }: no pt-BR template, the pt one stood in
 * ```
 */
export interface TemplateChoice {
  /** The usage type of the template: the send's own, or `Generic` when that stood in. */
  readonly usageType: UsageType;
  /**
   * The template's locale, as `MailMessage.locale` carries it: for a config or built-in template
   * its `locale` as written; for a store template the tag the store was asked for. Absent for the
   * template without a locale.
   */
  readonly locale?: string;
  /** `store` (the template store), `config` (the config's `templates`) or `builtin` (`defaultTemplates`). */
  readonly source: TemplateSource;
}

/**
 * An async source of templates consulted before the config's, as an auth system keeps localized
 * templates in its database. Return `undefined` or `null` when there is none for that exact pair.
 * What it returns is checked as a config template is (`sendFrom` and `replyTo` must be addresses,
 * no field may hold a line break...): a bad one fails the send with `InvalidConfig`.
 *
 * @example
 * ```ts
 * const templateStore: TemplateStore = {
 *   async findTemplate(usageType, locale) {
 *     return db.emailTemplates.findOne({ usageType, locale: locale ?? null });
 *   },
 * };
 * ```
 */
export interface TemplateStore {
  /**
   * Finds the template for one usage type and one exact locale.
   *
   * @param usageType - The usage type asked for (or `Generic`, when falling back).
   * @param locale - The exact locale tag to match, in canonical form (`pt-BR`, `zh-Hant-TW`), or
   *   `undefined` for the template without locale.
   * @returns The template, or `undefined` or `null` when the store has none for that pair.
   */
  findTemplate(usageType: UsageType, locale: string | undefined): Promise<TemplateDefinition | undefined | null>;
}

/** What the mailer needs besides configuration data. */
export interface MailerOptions {
  /** Replaces the default SMTP transport (tests, HTTP email APIs). */
  transport?: Transport;
  /** Consulted before the config's templates on every send. */
  templateStore?: TemplateStore;
  /**
   * Whether the built-in templates are sent for usage types that have neither a template of yours
   * nor your `Generic` one. Turn off to fail with `TemplateNotFound` there instead, as the Logto
   * connector does.
   * @default true
   */
  useDefaultTemplates?: boolean;
  /** How transient failures are retried. @default `{ attempts: 3, deadline: 30000, baseDelay: 250, maxDelay: 4000 }` */
  retry?: RetryOptions;
  /**
   * Refuses a send with `RateLimited` when the recipient already had `limit` mails of that usage
   * type within `window` milliseconds: the defence against code flooding. Off when absent.
   */
  rateLimit?: RateLimitOptions;
  /**
   * The most sends handed to the transport at once. Sends beyond it wait in the mailer's own
   * queue, first in first out, holding only their request (not rendered yet); each is rendered,
   * rate-limit checked and delivered when a slot frees. The retry deadline counts from the
   * `send()` call, queue time included: a send still queued when it passes rejects with
   * `Unavailable` (`attempts: 0`), and an aborted one leaves the queue at once.
   *
   * The default fits the transport: with the default SMTP transport, twice `maxConnections`
   * (10 with the defaults), so each pooled connection has one message on the wire and the next
   * one ready (with `pool: false` it also caps the connections open at once); with your own
   * `transport`, 64. Raise it for an HTTP API that takes more requests in parallel.
   * @default 2 × maxConnections with the SMTP transport, 64 with your own
   */
  maxInFlight?: number;
}
