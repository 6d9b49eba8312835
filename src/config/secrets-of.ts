/**
 * Which values of a config are secrets, so that every error and log line can leave them out.
 *
 * @module
 */
import type { ResolvedMailerConfig } from './mailer-config.js';

/**
 * Lists the secrets a config holds: passwords, OAuth2 tokens and secrets, private keys (a
 * service account's `{ key, passphrase }` form gives both).
 *
 * @param config - The resolved config.
 * @returns Every non-empty secret, in no particular order.
 */
export function secretsOf(config: Pick<ResolvedMailerConfig, 'auth' | 'smtp'>): string[] {
  const auth = (config.auth ?? {}) as Record<string, unknown>;
  const privateKey = (typeof auth.privateKey === 'object' && auth.privateKey !== null ? auth.privateKey : {}) as Record<
    string,
    unknown
  >;
  const candidates = [
    auth.pass,
    auth.accessToken,
    auth.refreshToken,
    auth.clientSecret,
    auth.privateKey,
    privateKey.key,
    privateKey.passphrase,
    config.smtp.dkim?.privateKey,
  ];
  return candidates.filter((value): value is string => typeof value === 'string' && value.length > 0);
}
