/**
 * Names a config by a keyed hash, so a cache can tell configs apart without holding their secrets.
 *
 * @module
 */
import { MailerError } from '../errors/mailer-error.js';
import { nodeCrypto } from '../shared/node-crypto.js';

/**
 * Creates a function that names a config by HMAC-SHA256 of its canonical JSON (object keys sorted,
 * so the order a database returns them in does not matter), under a random key drawn here and
 * kept only in this closure. A name is 64 hex digits: it holds no part of the config, and without
 * the key (which never leaves the process) it cannot be checked against a guessed password either.
 *
 * @returns The naming function: equal configs get equal names, any change gives a new name.
 * @throws {@link MailerError} `InvalidConfig` from the naming function when the config is not JSON
 *   data (a cycle, a bigint).
 */
export function createConfigKeyer(): (config: unknown) => string {
  const secret = nodeCrypto().randomBytes(32);
  return (config) => {
    let json: string | undefined;
    try {
      json = canonicalJson(config);
    } catch (error) {
      throw new MailerError('InvalidConfig', 'Cannot read the connector config: it is not JSON data (a cycle or a bigint?). Save it as plain JSON.', {
        issues: [{ path: '', message: 'is not JSON data; save the config as plain JSON' }],
        cause: error,
      });
    }
    return nodeCrypto().createHmac('sha256', secret).update(json ?? '').digest('hex');
  };
}

/** JSON with object keys in sorted order; `undefined` members are left out, as JSON.stringify does (`undefined` for `undefined`). */
function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
