/**
 * Reads a send's `payload.locale`, one BCP 47 tag or an `Accept-Language` value, into the short
 * list of canonical tags a template lookup tries. A malformed value reads as no locale: it costs
 * the send its language, never the send itself.
 *
 * @module
 */

/** A longer `payload.locale` is not read at all: it counts as no locale. */
export const MAX_LOCALE_LENGTH = 256;

/**
 * The most tags a lookup tries for one usage type in one source, before the template without a
 * locale: `pt-BR,pt;q=0.9,en;q=0.8` needs 3, a browser's list of five languages about 10 at most.
 */
export const MAX_LOCALE_TAGS = 8;

/** Only the first entries of an `Accept-Language` list are read. */
const MAX_PREFERENCES = 16;

/** An `Accept-Language` weight (RFC 9110 12.4.2): `q=0.8`, `q=1`, `q=0.125`. */
const WEIGHT = /^\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/i;

/**
 * Writes a language tag in its canonical form, as `Intl.getCanonicalLocales` does (`pt-br` →
 * `pt-BR`, `zh-hant-tw` → `zh-Hant-TW`, `iw` → `he`), with `_` read as `-` (`pt_BR`).
 *
 * @param tag - One language tag.
 * @returns The canonical tag, or `undefined` when `tag` is not a well-formed BCP 47 tag.
 */
export function canonicalizeLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim().replaceAll('_', '-'))[0];
  } catch {
    return undefined; // RangeError: not a language tag
  }
}

/**
 * Reads `payload.locale` as a list of preferred tags, best first: one tag (`pt-BR`) or an
 * `Accept-Language` value (`pt-BR,pt;q=0.9,en;q=0.8`, ordered by weight, ties in written order).
 * Entries that are not tags (`*`, `../x`), have a malformed weight, or weigh `q=0` are skipped;
 * a value that is not a string, or is longer than {@link MAX_LOCALE_LENGTH}, gives no tags.
 *
 * @param value - The locale as the caller passed it.
 * @returns Canonical tags without repeats, best first; empty for no usable locale.
 */
export function readLocalePreferences(value: unknown): string[] {
  if (typeof value !== 'string' || value.length > MAX_LOCALE_LENGTH) return [];
  const weighted: { tag: string; weight: number }[] = [];
  for (const entry of value.split(',', MAX_PREFERENCES)) {
    const [range = '', ...parameters] = entry.split(';');
    const weight = readWeight(parameters);
    const tag = weight === undefined || weight === 0 ? undefined : canonicalizeLocale(range);
    if (tag !== undefined && weight !== undefined) weighted.push({ tag, weight });
  }
  weighted.sort((a, b) => b.weight - a.weight); // stable: equal weights keep the written order
  return [...new Set(weighted.map(({ tag }) => tag))];
}

/**
 * The tags a template lookup tries, in order, before the template without a locale: each
 * preferred tag, shortened one subtag at a time (`zh-Hant-TW` → `zh-Hant` → `zh`, RFC 4647
 * lookup), without repeats, at most {@link MAX_LOCALE_TAGS}.
 *
 * @param value - The locale as the caller passed it (see {@link readLocalePreferences}).
 * @returns Canonical tags, most specific and most preferred first; empty for no usable locale.
 * @example
 * ```ts
 * localeLookupChain('pt-br,en;q=0.5'); // ['pt-BR', 'pt', 'en']
 * localeLookupChain('../../etc/passwd'); // []
 * ```
 */
export function localeLookupChain(value: unknown): string[] {
  const chain: string[] = [];
  for (const preferred of readLocalePreferences(value)) {
    for (let tag = preferred; tag !== ''; tag = shortenTag(tag)) {
      if (chain.includes(tag)) continue;
      chain.push(tag);
      if (chain.length === MAX_LOCALE_TAGS) return chain;
    }
  }
  return chain;
}

/**
 * The key a locale is compared by: canonical and lowercase, so `pt-br`, `pt_BR` and `PT-BR` meet.
 *
 * @param locale - A template's locale or a tag of a lookup chain.
 * @returns The key; a tag that does not canonicalize is only lowercased.
 */
export function localeKey(locale: string): string {
  return (canonicalizeLocale(locale) ?? locale.trim()).toLowerCase();
}

/** An entry's weight: 1 without parameters, `undefined` when its parameters are not one `q=`. */
function readWeight(parameters: readonly string[]): number | undefined {
  if (parameters.length === 0) return 1;
  const weight = parameters.length === 1 ? WEIGHT.exec(parameters[0] ?? '')?.[1] : undefined;
  return weight === undefined ? undefined : Number(weight);
}

/** Drops the last subtag, and a single-letter subtag (an extension's `u`, `x`) left at the end. */
function shortenTag(tag: string): string {
  let end = tag.lastIndexOf('-');
  while (end > 0 && end === tag.lastIndexOf('-', end - 1) + 2) end = tag.lastIndexOf('-', end - 1);
  return end > 0 ? tag.slice(0, end) : '';
}
