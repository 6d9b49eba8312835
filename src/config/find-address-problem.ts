/**
 * Checks a sender or reply-to address from the config (`addr` or `Name <addr>`).
 *
 * @module
 */
import { hasControlCharacter } from '../shared/header-value.js';

const EXAMPLE = '`no-reply@example.com` or `Acme <no-reply@example.com>`';
const NAME_ADDR = /^(.*?)\s*<([^<>]*)>$/s;
const ADDR_SPEC = /^[^\s@<>()[\]\\,;:"]+@([^\s@<>()[\]\\,;:"]+)$/;
const NEEDS_QUOTES = /[,;:<>@"]/;

/**
 * Finds what is wrong with an address written as `addr` or `Name <addr>`. The message never
 * repeats the value.
 *
 * @param value - The address as written in the config.
 * @returns What is wrong and how to fix it, or `undefined` when the address is valid.
 */
export function findAddressProblem(value: string): string | undefined {
  if (hasControlCharacter(value)) {
    return 'holds a line break or other control character; write the address on one line';
  }
  const trimmed = value.trim();
  if (trimmed === '') return `is empty; set it to an address such as ${EXAMPLE}`;
  const nameAddr = NAME_ADDR.exec(trimmed);
  if (nameAddr === null && /[<>]/.test(trimmed)) {
    return `has unbalanced angle brackets; write ${EXAMPLE}`;
  }
  const name = nameAddr?.[1] ?? '';
  const address = (nameAddr?.[2] ?? trimmed).trim();
  const quoted = name.length >= 2 && name.startsWith('"') && name.endsWith('"');
  if (!quoted && NEEDS_QUOTES.test(name)) {
    return (
      'has a display name holding `,` `;` `:` `@` or quotes; ' +
      'put the name in double quotes, as in `"Acme, Inc." <no-reply@example.com>`'
    );
  }
  const domain = ADDR_SPEC.exec(address)?.[1];
  if (domain === undefined || domain.split('.').some((label) => label === '')) {
    return `must be an email address with a domain, such as ${EXAMPLE}`;
  }
  return undefined;
}
