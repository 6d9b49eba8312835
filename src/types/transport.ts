/**
 * The contract between the mailer and whatever delivers its messages. No runtime code lives here.
 *
 * @module
 */

/**
 * One fully rendered message, as plain data. Every header value is already free of CR, LF and
 * other control characters.
 */
export interface MailMessage {
  /** The sender: `addr` or `Name <addr>`. */
  from: string;
  /** Exactly one recipient address. */
  to: string;
  /** Where replies go, when set. */
  replyTo?: string;
  /** The rendered subject line. */
  subject: string;
  /** The plain-text body (the only body of a `text/plain` template, the alternative part of an HTML one). */
  text?: string;
  /** The HTML body, for `text/html` templates. */
  html?: string;
  /** Extra header lines, by name. */
  headers?: Record<string, string | string[]>;
  /**
   * The usage type the send asked for, resolved (`sign-in` arrives as `SignIn`; see
   * `MailerOptions.usageTypeAliases`), also when a `Generic` template stood in for it.
   */
  usageType: string;
  /** The locale of the template that produced this message, when it had one. */
  locale?: string;
}

/** What a transport reports after the server accepted a message. */
export interface TransportResult {
  /** The Message-ID the message was sent with. */
  messageId: string;
  /** Recipients the server accepted. */
  accepted?: string[];
  /** Recipients the server refused. */
  rejected?: string[];
  /** The server's final reply line. */
  response?: string;
}

/** Per-call options the mailer hands to a transport. */
export interface TransportSendOptions {
  /** Aborted when the caller gives up or the send's deadline passes; stop work and throw. */
  signal: AbortSignal;
}

/**
 * Delivers rendered messages. Only `send` is required; `verify`, `close` and `maxInFlight` are used when present.
 * A transport reports failure by throwing: a thrown {@link MailerError} keeps its code, other errors
 * are classified by SMTP reply code (`responseCode`) and Node network error code (`code`).
 *
 * @example
 * ```ts
 * const transport: Transport = {
 *   async send(message) {
 *     const id = await myApi.post(message);
 *     return { messageId: id, accepted: [message.to] };
 *   },
 * };
 * const mailer = createMailer(config, { transport });
 * ```
 */
export interface Transport {
  /**
   * Delivers one message.
   *
   * @param message - The rendered message.
   * @param options - Holds the signal that aborts this send.
   * @returns What the server reported.
   */
  send(message: MailMessage, options: TransportSendOptions): Promise<TransportResult>;
  /** Connects and authenticates without sending; throws when that fails. */
  verify?(): Promise<void>;
  /** Releases connections; called once by `Mailer.close()`. */
  close?(): Promise<void>;
  /**
   * How many sends this transport takes at once: the mailer's default `maxInFlight`, so that
   * sends beyond it wait in the mailer's queue, unrendered. The SMTP transport says twice its pool
   * size. Absent, the mailer hands a transport up to 64 sends at once.
   */
  readonly maxInFlight?: number;
}
