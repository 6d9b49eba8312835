/**
 * Reads the locale of a send from the request that caused it: the `Accept-Language` header of a
 * Fetch `Request`, a Node `IncomingMessage` or a plain record of headers.
 *
 * @module
 */
import { MAX_LOCALE_LENGTH, MAX_LOCALE_TAGS, readLocalePreferences } from './locale.js';

/**
 * The request headers {@link localeFromHeaders} reads: a Fetch `Headers` (anything with `get`), or a
 * record of header names to values as Node's `IncomingHttpHeaders` holds them (any case of name).
 */
export type HeadersLike =
  | {
      /** Reads one header by name, as `Headers.get` does. */
      get(name: string): string | null | undefined;
    }
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/**
 * The request's preferred languages, best first, as a value for `payload.locale`: the
 * `Accept-Language` header read by weight, each tag canonical (`pt-br` → `pt-BR`), entries that are
 * not language tags or weigh `q=0` left out. A header longer than the mailer reads is cut at the
 * last whole entry that fits, so a long list from a browser still counts.
 *
 * @param headers - The request's headers: `request.headers` of a Fetch `Request` or of a Node
 *   `IncomingMessage`, or a plain record. `undefined` and `null` read as no headers.
 * @returns The preferred tags joined by commas (`'pt-BR,pt,en'`), or `undefined` when the request
 *   names no usable language: the send then uses the template without a locale.
 * @example
 * ```ts
 * import { localeFromHeaders } from 'auth-mailer';
 *
 * // In a Fetch handler (Hono, Next.js route, better-auth hook, ...):
 * await mailer.send({ to, type: 'SignIn', payload: { code, locale: localeFromHeaders(request.headers) } });
 * localeFromHeaders({ 'accept-language': 'pt-br,pt;q=0.9,en;q=0.8' }); // 'pt-BR,pt,en'
 * ```
 */
export function localeFromHeaders(headers: HeadersLike | null | undefined): string | undefined {
  const value = acceptLanguageOf(headers);
  if (value === undefined) return undefined;
  const tags = readLocalePreferences(withinReadLength(value)).slice(0, MAX_LOCALE_TAGS);
  return tags.length === 0 ? undefined : tags.join(',');
}

function acceptLanguageOf(headers: HeadersLike | null | undefined): string | undefined {
  if (headers === null || headers === undefined || typeof headers !== 'object') return undefined;
  if (typeof headers.get === 'function') return headers.get('accept-language') ?? undefined;
  const record = headers as Readonly<Record<string, unknown>>;
  const name = Object.keys(record).find((key) => key.toLowerCase() === 'accept-language');
  const value = name === undefined ? undefined : record[name];
  if (typeof value === 'string') return value;
  return Array.isArray(value) ? value.filter((part) => typeof part === 'string').join(',') : undefined;
}

/** The value itself when short enough, else its whole entries up to the last comma that fits. */
function withinReadLength(value: string): string {
  if (value.length <= MAX_LOCALE_LENGTH) return value;
  const cut = value.lastIndexOf(',', MAX_LOCALE_LENGTH);
  return cut <= 0 ? '' : value.slice(0, cut);
}
