import { readFileSync } from 'node:fs';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

/** A self-signed certificate for `localhost` and 127.0.0.1, for TLS test servers (and as `tls.ca` to trust them). */
export const LOCALHOST_CERT = fixture('localhost-cert.pem');
/** The private key of {@link LOCALHOST_CERT}. */
export const LOCALHOST_KEY = fixture('localhost-key.pem');
