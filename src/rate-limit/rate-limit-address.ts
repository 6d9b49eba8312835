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
 * Subaddresses (`ada+1@example.com`) are kept unless `foldSubaddresses` is set, since what they
 * mean depends on the provider; dots are always kept.
 *
 * @param recipient - A recipient already checked by `parseRecipient`: `addr` or `Name <addr>`.
 * @param foldSubaddresses - Whether `ada+tag@` counts as `ada@` (the part from the first `+` to the
 *   `@` dropped), as Gmail, Outlook, Fastmail and most providers deliver it.
 * @returns The address to count under, such as `ada@example.com`.
 * @example
 * ```ts
 * rateLimitAddress('"Ada L." <Ada@Example.com>');  // 'ada@example.com'
 * rateLimitAddress('ADA@bücher.example');         // 'ada@xn--bcher-kva.example'
 * rateLimitAddress('Ada+Promo@example.com', true); // 'ada@example.com'
 * ```
 */
export function rateLimitAddress(recipient: string, foldSubaddresses = false): string {
  // A checked address holds no `<`, and a display name holding one is quoted before the address.
  const address = recipient.endsWith('>') ? recipient.slice(recipient.lastIndexOf('<') + 1, -1) : recipient;
  const normalized = address.normalize('NFC').toLowerCase();
  const at = normalized.lastIndexOf('@');
  const domain = normalized.slice(at + 1);
  const local = normalized.slice(0, at);
  // A local part starting with `+` has no mailbox before its tag: it is kept whole.
  const plus = foldSubaddresses ? local.indexOf('+') : -1;
  return `${plus > 0 ? local.slice(0, plus) : local}@${domainToASCII(domain) || domain}`;
}
