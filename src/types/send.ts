/**
 * The contract of one send: the request, its per-call options, and what it reports. No runtime code
 * lives here.
 *
 * @module
 */
import type { TemplatePayload } from './template.js';
import type { MailMessage } from './transport.js';
import type { UsageType } from './usage-type.js';

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
  /**
   * Fixes the message's Message-ID, so that sending it again (after a crash that left unknown
   * whether the first copy went out) sends the same message, which the receiving side can drop as
   * a duplicate. Either a whole id (`<id@example.com>`, the angle brackets optional) or only the
   * part left of the `@` (`3f2a-...`), to which the sender's domain is added. Printable ASCII
   * without spaces, `<`, `>` or `"`. It reaches the transport as the `Message-ID` of
   * {@link MailMessage.headers}; the SMTP transport sends it as given.
   * @default a fresh id from the transport
   */
  messageId?: string;
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
  /** The usage type of the template: the send's own once resolved (`sign-in` is `SignIn`), or `Generic` when that stood in. */
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

/** A rendered message that was not sent: {@link MailMessage} with `to` present only when it was given. */
export type RenderedMessage = Omit<MailMessage, 'to'> & {
  /** The recipient, present only when the render request gave one. */
  to?: string;
};
