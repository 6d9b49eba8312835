/**
 * Masks email addresses in error text (`ada@example.com` → `a***@example.com`), so that logs of
 * failed sends hold no recipient's address: personal data.
 *
 * @module
 */
import type { Redactor } from './redact-secrets.js';

// An address as error text quotes it: a local part without spaces, brackets, quotes or separators,
// `@` (or `%40` in a URL), and a domain of letters (any script), digits, hyphens and dots.
const ADDRESS = /([^\s<>()[\]{}"'`,;:@\\/=?&]+)(@|%40)([\p{L}\p{N}\p{M}-]+(?:\.[\p{L}\p{N}\p{M}-]+)*)/giu;

/**
 * The masked form of an address: the first character of its local part, `***`, and its domain,
 * kept so a failure at one provider stays recognisable. Masking a masked address changes nothing.
 *
 * @param local - The part before `@`.
 * @param at - `@`, or `%40` as a URL writes it.
 * @param domain - The part after it.
 * @returns `a***@example.com`.
 */
function masked(local: string, at: string, domain: string): string {
  return `${String.fromCodePoint(local.codePointAt(0) ?? 0x2a)}***${at}${domain}`;
}

/**
 * Creates a redactor that masks every email address in a text, after replacing each of
 * `recipients` (as the mailer wrote them, display name included: `Ada Lovelace <ada@example.com>`)
 * whole by its masked address, so that the display name goes too. Case is ignored.
 *
 * @param recipients - The recipient forms to replace whole.
 * @returns The redactor.
 * @example
 * ```ts
 * maskAddresses(['Ada <ada@example.com>'])('550 <ADA@example.com>: no such user; send to Ada <ada@example.com>');
 * // '550 <A***@example.com>: no such user; send to a***@example.com'
 * ```
 */
export function maskAddresses(recipients: readonly string[]): Redactor {
  const wholes = recipients
    .filter((recipient) => recipient.includes('<'))
    .map((recipient) => ({
      pattern: new RegExp(recipient.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'),
      address: recipient.slice(recipient.lastIndexOf('<') + 1).replace(/>\s*$/, ''),
    }));
  return (text) => {
    let result = text;
    for (const { pattern, address } of wholes) result = result.replace(pattern, () => address);
    return result.replace(ADDRESS, (_match, local: string, at: string, domain: string) => masked(local, at, domain));
  };
}
