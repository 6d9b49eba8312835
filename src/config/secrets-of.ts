/**
 * Which values of a config are secrets, so that every error and log line can leave them out.
 *
 * @module
 */
import type { ResolvedMailerConfig } from './mailer-config.js';

/**
 * Lists the secrets a config holds: passwords, OAuth2 tokens and secrets, private keys (a
 * service account's `{ key, passphrase }` form gives both), the DKIM key, and a TLS client
 * certificate's key and passphrase (`tls.key`, `tls.pfx`, `tls.passphrase`, in any form Node takes).
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
    ...tlsSecrets(config.smtp.tls ?? {}),
  ];
  return candidates.filter((value): value is string => typeof value === 'string' && value.length > 0);
}

/** `tls.key` and `tls.pfx` (a key, a list of them, `{ pem, passphrase }` objects; strings or buffers) and `tls.passphrase`. */
function tlsSecrets(tls: Readonly<Record<string, unknown>>): unknown[] {
  const keys = [tls.key, tls.pfx].flatMap((value) => (Array.isArray(value) ? (value as unknown[]) : [value]));
  const forms = keys.flatMap((key) => {
    if (typeof key !== 'object' || key === null || Buffer.isBuffer(key)) return [key];
    const { pem, buf, passphrase } = key as Record<string, unknown>;
    return [pem, buf, passphrase];
  });
  return [tls.passphrase, ...forms.map((form) => (Buffer.isBuffer(form) ? form.toString('utf8') : form))];
}
