/**
 * A Message-ID the caller fixed ({@link SendOptions.messageId}), checked and completed.
 *
 * @module
 */
import { MailerError } from '../errors/mailer-error.js';
import { kindOf } from '../shared/kind-of.js';
import type { SendOptions } from '../types/send.js';

// Printable ASCII without space, quotes or angle brackets: a msg-id's dot-atom-ish halves, kept
// simple; at most one `@`, not at either end.
const ID_PART = /^[\x21\x23-\x3b\x3d\x3f-\x7e]{1,200}$/;

/**
 * Checks a caller's Message-ID: a whole id (`<left@right>`, brackets optional) or only its left part.
 *
 * @param value - What the caller passed as `messageId`.
 * @returns The id without angle brackets: `left@right`, or `left` alone.
 * @throws {@link MailerError} `InvalidConfig` when it is not a string of the allowed characters.
 * @example
 * ```ts
 * checkMessageId('<a1@example.com>'); // 'a1@example.com'
 * checkMessageId('a1');               // 'a1'
 * ```
 */
export function checkMessageId(value: unknown): string {
  const bare = typeof value === 'string' && value.startsWith('<') && value.endsWith('>') ? value.slice(1, -1) : value;
  const parts = typeof bare === 'string' ? bare.split('@') : [];
  if (typeof bare === 'string' && parts.length <= 2 && parts.every((part) => ID_PART.test(part))) return bare;
  throw new MailerError(
    'InvalidConfig',
    `Cannot send: messageId must be a Message-ID such as '<3f2a9c@example.com>' or its left part '3f2a9c' ` +
      `(printable ASCII, no spaces, quotes or angle brackets, at most one @), not ${typeof value === 'string' ? JSON.stringify(value) : kindOf(value)}.`,
  );
}

/**
 * The `Message-ID` header value for a checked id: `<left@right>` as given, or `<left@domain>` with
 * the sender's domain added to a left part alone.
 *
 * @param id - A result of {@link checkMessageId}.
 * @param from - The message's sender, `addr` or `Name <addr>`.
 * @returns The header value, in angle brackets.
 */
export function messageIdHeader(id: NonNullable<SendOptions['messageId']>, from: string): string {
  if (id.includes('@')) return `<${id}>`;
  const address = from.endsWith('>') ? from.slice(from.lastIndexOf('<') + 1, -1) : from;
  return `<${id}@${address.slice(address.lastIndexOf('@') + 1)}>`;
}
