/**
 * What a mailer needs besides configuration data. No runtime code lives here.
 *
 * @module
 */
import type { RateLimitOptions } from './rate-limit.js';
import type { TemplateStore } from './template.js';
import type { Transport } from './transport.js';

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
  /**
   * Whether the built-in templates start the subject with the code (`123456 – Your sign-in code`),
   * so the reader sees it in the phone's notification without opening the mail. The code then also
   * shows on a locked screen, and each subject differs, which keeps codes out of one thread. Your
   * own templates choose for themselves: put `{{code}}` in their `subject`.
   * @default false
   */
  codeInSubject?: boolean;
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

/** How the mailer retries transient failures (`Unavailable`): 4xx replies, lost connections, timeouts. */
export interface RetryOptions {
  /** The most delivery attempts per send, the first included. `1` turns retries off. @default 3 */
  attempts?: number;
  /** Milliseconds after the `send()` call (queue time included) after which a send gives up, whatever attempt it is on. @default 30000 */
  deadline?: number;
  /** The backoff before the second attempt is drawn from `[0, baseDelay]`, doubling each time. @default 250 */
  baseDelay?: number;
  /** The cap on one backoff, in milliseconds. @default 4000 */
  maxDelay?: number;
}
