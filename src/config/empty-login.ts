/**
 * Recognizes the empty login Logto saves for relays that authorize by source address.
 *
 * @module
 */

const EMPTY_LOGIN_KEYS = new Set(['type', 'user', 'pass']);

/**
 * Tells whether a raw `auth` value is a login with neither user nor pass: an object with no keys
 * but `type` (absent or `login` in any case), `user` and `pass` (each absent or `''`), such as `{}`
 * or `{ user: '', pass: '' }`. The config resolves it as no `auth` at all.
 *
 * @param auth - The `auth` value as written; any shape is accepted.
 * @returns `true` for an empty login.
 */
export function isEmptyLogin(auth: unknown): boolean {
  if (typeof auth !== 'object' || auth === null || Array.isArray(auth)) return false;
  const { type, user, pass } = auth as { type?: unknown; user?: unknown; pass?: unknown };
  return (
    Object.keys(auth).every((key) => EMPTY_LOGIN_KEYS.has(key)) &&
    (type === undefined || (typeof type === 'string' && /^login$/i.test(type))) &&
    (user === undefined || user === '') &&
    (pass === undefined || pass === '')
  );
}
