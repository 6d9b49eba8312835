/**
 * Checks the DKIM domain and selector: together they name the DNS record receivers look up
 * (`<keySelector>._domainkey.<domainName>`), so each must be a valid run of DNS labels.
 *
 * @module
 */

// Letters (any script, for internationalized domains), digits and inner hyphens; 63 characters at most.
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/**
 * Finds what is wrong with `dkim.domainName` or `dkim.keySelector`.
 *
 * @param value - The value as written (already known to be one non-empty line).
 * @param field - Which of the two it is.
 * @returns What is wrong and how to fix it, or `undefined` when it is valid.
 */
export function findDkimNameProblem(value: string, field: 'domainName' | 'keySelector'): string | undefined {
  if (field === 'domainName' && value.includes('@')) return 'holds an `@`; give the domain alone, such as `example.com`';
  if (value.split('.').every((label) => LABEL.test(label))) return undefined;
  return field === 'domainName'
    ? 'is not a domain name: dot-separated labels of letters, digits and inner hyphens, such as `example.com`'
    : 'is not a DKIM selector: dot-separated labels of letters, digits and inner hyphens, such as `mail` or `s2026`';
}
