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
}

/** A rendered message that was not sent: {@link MailMessage} with `to` present only when it was given. */
export type RenderedMessage = Omit<MailMessage, 'to'> & {
  /** The recipient, present only when the render request gave one. */
  to?: string;
};
