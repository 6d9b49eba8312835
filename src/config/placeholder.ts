/**
 * Recognizes the `<...>` placeholders of Logto's connector form (`<host>`, `<username>`,
 * `<password>`, `<from_email_address@your.domain>`) left in a config.
 *
 * @module
 */

const WHOLE_PLACEHOLDER = /^<[^<>]+>$/;

/**
 * Tells whether a whole value is a `<something>` placeholder rather than real data. In address
 * fields `<user@example.com>` is a valid address, so there only values without `@`, or with
 * Logto's `your.domain`, count as placeholders.
 *
 * @param value - The value as written.
 * @param isAddress - Whether the field holds an email address.
 * @returns `true` when the value is a placeholder still waiting to be replaced.
 */
export function isPlaceholder(value: string, isAddress = false): boolean {
  const trimmed = value.trim();
  if (!WHOLE_PLACEHOLDER.test(trimmed)) return false;
  return !isAddress || !trimmed.includes('@') || /@your\.domain>$/i.test(trimmed);
}
