/**
 * Finds planted secrets in what a user could see: a whole secret, its first or last characters (as
 * a log that shows `GOCSPX...` does, or an excerpt that ends at a typo) or, when asked, any stretch
 * of it.
 */

/** How much of a secret counts as leaked. */
export interface LeakOptions {
  /** The first or last this many characters already leak. @default 6 */
  ends?: number;
  /** When set, any substring this long leaks too. */
  window?: number;
}

/**
 * Names the planted secrets `text` holds.
 *
 * @param text - Everything shown, joined.
 * @param secrets - Distinct, random-looking values by name, so a stretch of one never occurs by chance.
 * @param options - How much of a secret counts as leaked.
 * @returns The names of the secrets found, with the piece found.
 */
export function leakedSecrets(text: string, secrets: Readonly<Record<string, string>>, options: LeakOptions = {}): string[] {
  const { ends = 6, window } = options;
  const leaks: string[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    const pieces = new Set([secret.slice(0, ends), secret.slice(-ends)]);
    if (window !== undefined) for (let at = 0; at + window <= secret.length; at += 1) pieces.add(secret.slice(at, at + window));
    const found = [...pieces].find((piece) => text.includes(piece));
    if (found !== undefined) leaks.push(`${name} (${JSON.stringify(found)})`);
  }
  return leaks;
}
