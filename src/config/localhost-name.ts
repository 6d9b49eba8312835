/**
 * Recognises the host names that may receive credentials without TLS.
 *
 * @module
 */

// The names of this machine by definition, as Go's net/smtp allows PLAIN auth without TLS to them.
const LOCALHOST_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * Whether `host` is literally `localhost`, `127.0.0.1` or `::1` (in any case): traffic to them
 * never leaves the machine, so a local development server without TLS (such as the SMTP sink) may
 * receive credentials in clear text. Any other name or address, `127.0.0.2` included, is not one:
 * the check reads the name as written and never resolves it.
 *
 * @param host - The configured SMTP host.
 * @returns `true` for the three names of this machine.
 * @example
 * ```ts
 * isLocalhostName('localhost'); // true
 * isLocalhostName('127.0.0.2'); // false
 * ```
 */
export function isLocalhostName(host: string): boolean {
  return LOCALHOST_NAMES.has(host.trim().toLowerCase());
}
