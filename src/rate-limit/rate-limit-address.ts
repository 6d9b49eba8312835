/**
 * Reduces a recipient to the form the rate limit counts it under.
 *
 * @module
 */
import { domainToASCII } from 'node:url';

/**
 * Reduces a recipient, as `parseRecipient` returns it, to the address the rate limit counts:
 * the display name dropped (`Ada <ada@example.com>` counts as `ada@example.com`), the whole address
 * in Unicode NFC and lower case, and the domain in its ASCII (punycode) form.
 *
 * The local part is lowercased too, although RFC 5321 lets a server tell `Ada@` from `ada@`: the
 * providers people use do not, and counting the two apart would let a flood double by changing case.
 * Subaddresses (`ada+1@example.com`) and dots are kept, since what they mean depends on the
 * provider; fold them with the rate limit's `key` option where you know it.
 *
 * @param recipient - A recipient already checked by `parseRecipient`: `addr` or `Name <addr>`.
 * @returns The address to count under, such as `ada@example.com`.
 * @example
 * ```ts
 * rateLimitAddress('"Ada L." <Ada@Example.com>'); // 'ada@example.com'
 * rateLimitAddress('ADA@bücher.example');        // 'ada@xn--bcher-kva.example'
 * ```
 */
export function rateLimitAddress(recipient: string): string {
  // A checked address holds no `<`, and a display name holding one is quoted before the address.
  const address = recipient.endsWith('>') ? recipient.slice(recipient.lastIndexOf('<') + 1, -1) : recipient;
  const normalized = address.normalize('NFC').toLowerCase();
  const at = normalized.lastIndexOf('@');
  const domain = normalized.slice(at + 1);
  return `${normalized.slice(0, at)}@${domainToASCII(domain) || domain}`;
}
