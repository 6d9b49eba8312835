/**
 * Reads the DKIM private key of a config the way the signer will, to catch a key it cannot sign
 * with: nodemailer then sends the message unsigned, without an error.
 *
 * @module
 */
import type { KeyObject } from 'node:crypto';
import { nodeCrypto } from '../shared/node-crypto.js';

/** The smallest RSA key receivers accept (RFC 8301: verifiers reject shorter keys). */
const MIN_DKIM_KEY_BITS = 1024;

/** What {@link readDkimKey} found: the key's size and public half, or what is wrong with it. */
export type DkimKeyReading = { bits: number; publicKey: string } | { problem: string };

/**
 * Parses a DKIM private key with node:crypto and checks that nodemailer can sign with it: an
 * unencrypted RSA key of at least 1024 bits. The message never repeats the key.
 *
 * @param pem - The `dkim.privateKey` value.
 * @returns The modulus length and the public key as the base64 DER (SPKI) that the DNS record's
 *   `p=` holds, or a problem saying how to fix the key.
 */
export function readDkimKey(pem: string): DkimKeyReading {
  let key: KeyObject;
  try {
    key = nodeCrypto().createPrivateKey(pem);
  } catch {
    // `-----BEGIN ENCRYPTED PRIVATE KEY-----` (PKCS#8) or `Proc-Type: 4,ENCRYPTED` (traditional PEM).
    if (/ENCRYPTED/.test(pem)) {
      return { problem: 'is an encrypted key, which the DKIM signer cannot use; decrypt it (`openssl pkey -in key.pem -out dkim.pem`)' };
    }
    return {
      problem: 'is not a private key node:crypto can read; give the PEM text (`-----BEGIN PRIVATE KEY-----` ...), line breaks included (`\\n` in JSON)',
    };
  }
  if (key.asymmetricKeyType !== 'rsa') {
    return { problem: `is a ${key.asymmetricKeyType ?? 'non-RSA'} key; the DKIM signer signs with RSA only: generate one with \`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048\`` };
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_DKIM_KEY_BITS) {
    return { problem: `is a ${bits}-bit RSA key; receivers reject DKIM keys under ${MIN_DKIM_KEY_BITS} bits: use a 2048-bit key` };
  }
  const publicKey = nodeCrypto().createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64');
  return { bits, publicKey };
}
