/**
 * How test helpers select messages and read codes out of them: one matcher for the memory
 * transport's captured messages and the SMTP sink's received ones.
 *
 * @module
 */
import type { MailMessage } from '../types/transport.js';

/** Fields a message must have; every field given must match. */
export interface MessageQuery {
  /** The recipient address; matches `Name <addr>` too, case-insensitively. */
  to?: string;
  /** The template's usage type. */
  usageType?: string;
  /** The template's locale. */
  locale?: string;
  /** The subject, exactly or by pattern. */
  subject?: string | RegExp;
}

/**
 * Selects messages: a query of their fields, or a predicate.
 *
 * @template Message - The messages it selects: {@link MailMessage} for the memory transport.
 * @template Query - The fields a query may name (the SMTP sink's messages carry no usage type).
 */
export type MessageMatcher<Message = MailMessage, Query = MessageQuery> = Query | ((message: Message) => boolean);

/** What a query is matched against, read from one message. */
export interface MatchedFields {
  /** Every recipient of the message, bare or as `Name <addr>`. */
  recipients: readonly string[];
  /** The subject. */
  subject?: string;
  /** The usage type, when the message knows it. */
  usageType?: string;
  /** The locale, when the message knows it. */
  locale?: string;
}

/** The parts of a message a code or link is extracted from. */
export interface ExtractableMessage {
  /** The plain-text body. */
  text?: string;
  /** The HTML body. */
  html?: string;
  /** The subject. */
  subject?: string;
}

/**
 * Turns a matcher into a predicate.
 *
 * @param matcher - A query or a predicate.
 * @param fieldsOf - Reads the matched fields of one message (used for queries only).
 * @returns Whether a message matches.
 */
export function toPredicate<Message>(
  matcher: MessageMatcher<Message, MessageQuery>,
  fieldsOf: (message: Message) => MatchedFields,
): (message: Message) => boolean {
  if (typeof matcher === 'function') return matcher;
  const { to, usageType, locale, subject } = matcher;
  return (message) => {
    const fields = fieldsOf(message);
    return (
      (to === undefined || fields.recipients.some((recipient) => addressOf(recipient).toLowerCase() === addressOf(to).toLowerCase())) &&
      (usageType === undefined || fields.usageType === usageType) &&
      (locale === undefined || fields.locale === locale) &&
      (subject === undefined ||
        (typeof subject === 'string' ? fields.subject === subject : fields.subject !== undefined && subject.test(fields.subject)))
    );
  };
}

/**
 * Extracts something from a message: the plain-text body is searched first, then the HTML body,
 * then the subject.
 *
 * @param pattern - What to look for; its first capture group is returned when it has one (a `g`
 *   flag is ignored).
 * @param message - The message, or `undefined`.
 * @returns The first capture group (or the whole match), or `undefined` when nothing matches.
 */
export function extractFrom(pattern: RegExp, message: ExtractableMessage | undefined): string | undefined {
  if (message === undefined) return undefined;
  const once = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  for (const text of [message.text, message.html, message.subject]) {
    const match = text === undefined ? null : once.exec(text);
    if (match !== null) return match[1] ?? match[0];
  }
  return undefined;
}

/**
 * The bare address of `addr` or `Name <addr>`.
 *
 * @param mailbox - A mailbox as written in a header.
 * @returns The address inside the angle brackets, or the trimmed mailbox.
 */
export function addressOf(mailbox: string): string {
  return /<([^<>]*)>\s*$/.exec(mailbox)?.[1]?.trim() ?? mailbox.trim();
}
