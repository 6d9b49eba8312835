/**
 * What a mailer needs besides configuration data. No runtime code lives here.
 *
 * @module
 */
import type { RateLimitOptions } from './rate-limit.js';
import type { TemplateStore } from './template.js';
import type { Transport } from './transport.js';
import type { UsageType } from './usage-type.js';

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
  /**
   * Other names for usage types: `{ 'password-reset': 'ForgotPassword' }`. Names are compared
   * without case, `-`, `_`, `.` or spaces. Built in, without this option: every spelling of a
   * usage type the mailer knows (`sign-in`, `SIGN_IN`, `signin` are `SignIn`), and the names auth
   * frameworks use (better-auth's `email-verification`, `forget-password`, `change-email`; Supabase's
   * `signup`, `recovery`, `invite`...; see the docs). Yours come first. The resolved type is the one
   * the template is chosen for, `MailMessage.usageType`, `SendResult.template` and the rate limit
   * see. A type the mailer knows (known, a config template's, or in `customUsageTypes`) is always
   * taken as it is, never aliased.
   *
   * An alias to a type the mailer does not know, or named like a type it knows, is `InvalidConfig`
   * at `createMailer`.
   */
  usageTypeAliases?: Readonly<Record<string, UsageType>>;
  /**
   * Usage types of your own beyond the known ones, as your template store holds them (the config's
   * templates need no listing: their types are known). They are taken as they are, their spellings
   * resolve to them, aliases may name them, and `strictUsageTypes` accepts them.
   */
  customUsageTypes?: readonly string[];
  /**
   * Refuse a send or render whose usage type the mailer does not know (not a known type, not an
   * alias or spelling of one, not a config template's, not in `customUsageTypes`) with
   * `TemplateNotFound` naming the nearest known type, before anything is sent, instead of sending
   * the `Generic` template. With a template store, list its own types in `customUsageTypes`.
   * @default false
   */
  strictUsageTypes?: boolean;
  /**
   * Keep recipients' addresses (personal data) out of the errors the mailer reports: every email
   * address in a `MailerError`'s message, hint, issues and cause chain (a server's reply quoting
   * it, a rate-limit refusal, your transport's error) shows masked, `a***@example.com` (first
   * character and domain kept), and a recipient's display name is left out. An invalid recipient
   * is not quoted at all. Sender addresses in a server's reply are masked the same way.
   * @default false
   */
  redactRecipients?: boolean;
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
