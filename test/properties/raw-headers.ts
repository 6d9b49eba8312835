/**
 * Reads the top-level header block of a message exactly as the SMTP server received it.
 */

/** One header line of the raw message: its name as written, and its value unfolded (not decoded). */
export interface RawHeader {
  name: string;
  value: string;
}

/**
 * Splits the raw message's header block into header lines, unfolding continuation lines by
 * removing the CRLF before them (RFC 5322 2.2.3).
 *
 * @param raw - The message as received.
 * @returns Every header line, in order.
 */
export function rawHeaders(raw: string): RawHeader[] {
  const end = raw.indexOf('\r\n\r\n');
  const block = raw.slice(0, end === -1 ? raw.length : end).replace(/\r\n(?=[ \t])/g, '');
  return block.split('\r\n').map((line) => {
    const colon = line.indexOf(':');
    return { name: line.slice(0, colon), value: line.slice(colon + 1).replace(/^[ \t]/, '') };
  });
}

/**
 * Decodes RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`), dropping the space
 * between two adjacent ones.
 *
 * @param value - A header value as received.
 * @returns The value as text.
 */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)[ \t]+(?==\?)/g, '$1')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_hex, code: string) => String.fromCharCode(parseInt(code, 16))),
            'latin1',
          ).toString('utf8'),
    );
}
