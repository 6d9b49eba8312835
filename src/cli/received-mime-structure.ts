/**
 * Names the MIME structure of a message as it arrived at an SMTP server.
 *
 * @module
 */

const PART_CONTENT_TYPE = /^Content-Type:[ \t]*([^;\s]+)/gim;

/**
 * Describes a received message's MIME structure from its raw text: the top-level type and,
 * for a multipart message, the types of its parts in order.
 *
 * @param message - The raw message and its parsed top-level content type.
 * @returns Such as `text/plain` or `multipart/alternative: text/plain + text/html`.
 */
export function receivedMimeStructure(message: { raw: string; contentType?: string }): string {
  const top = (message.contentType ?? 'text/plain').toLowerCase();
  if (!top.startsWith('multipart/')) return top;
  const headerEnd = message.raw.search(/\r?\n\r?\n/);
  const body = headerEnd === -1 ? '' : message.raw.slice(headerEnd);
  const parts = [...body.matchAll(PART_CONTENT_TYPE)].map((match) => (match[1] ?? '').toLowerCase());
  return parts.length === 0 ? top : `${top}: ${parts.join(' + ')}`;
}
