/**
 * Says which DNS record a config's DKIM signature needs, for `auth-mailer check`.
 *
 * @module
 */
import { readDkimKey } from '../config/read-dkim-key.js';

/**
 * The TXT record receivers look up to verify the config's DKIM signatures: its name and its value,
 * built from the public half of the key (never the private key).
 *
 * @param config - A config that passed validation (any shape is accepted).
 * @returns `{ name, value }`, or `undefined` without a readable `dkim` option.
 */
export function describeDkimRecord(config: unknown): { name: string; value: string } | undefined {
  const dkim = (config as { dkim?: { domainName?: unknown; keySelector?: unknown; privateKey?: unknown } } | null)?.dkim;
  if (typeof dkim?.privateKey !== 'string' || typeof dkim.domainName !== 'string' || typeof dkim.keySelector !== 'string') return undefined;
  const reading = readDkimKey(dkim.privateKey);
  if (!('publicKey' in reading)) return undefined;
  return { name: `${dkim.keySelector}._domainkey.${dkim.domainName}`, value: `v=DKIM1; k=rsa; p=${reading.publicKey}` };
}
