import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import { createMailer } from '../../src/index.js';
import { startSmtpSink } from '../../src/testing/index.js';
import { issuesOf, messageAt, validConfig } from './issues-of.js';

const pkcs8 = { type: 'pkcs8', format: 'pem' } as const;
const spki = { type: 'spki', format: 'pem' } as const;
const rsaKey = (modulusLength: number) =>
  generateKeyPairSync('rsa', { modulusLength, privateKeyEncoding: pkcs8, publicKeyEncoding: spki }).privateKey;
const RSA_2048 = rsaKey(2048);
const RSA_512 = rsaKey(512);
const ED25519 = generateKeyPairSync('ed25519', { privateKeyEncoding: pkcs8, publicKeyEncoding: spki }).privateKey;
const ENCRYPTED = generateKeyPairSync('rsa', {
  modulusLength: 1024,
  privateKeyEncoding: { ...pkcs8, cipher: 'aes-256-cbc', passphrase: 'pass-phrase' },
  publicKeyEncoding: spki,
}).privateKey;
const TRUNCATED = RSA_2048.slice(0, 200) + '\n-----END PRIVATE KEY-----';

const withDkim = (dkim: Record<string, unknown>) => ({
  ...validConfig(),
  dkim: { domainName: 'acme.example', keySelector: 'mail', privateKey: RSA_2048, ...dkim },
});

describe('the dkim option', () => {
  it('accepts an RSA key of 2048 bits with a domain and a selector', () => {
    for (const keySelector of ['mail', 's2026-01', 'eu.mail']) {
      expect(parseConfig(withDkim({ keySelector })).smtp.dkim?.keySelector).toBe(keySelector);
    }
    expect(parseConfig(withDkim({ domainName: 'bücher.example' })).smtp.dkim?.domainName).toBe('bücher.example');
  });

  it.each([
    ['text that is no key', 'not a private key', 'not really a key'],
    ['a truncated PEM', 'not a private key', TRUNCATED],
    ['an encrypted key', 'encrypted key, which the DKIM signer cannot use', ENCRYPTED],
    ['an Ed25519 key', 'ed25519 key; the DKIM signer signs with RSA only', ED25519],
    ['a 512-bit RSA key', 'receivers reject DKIM keys under 1024 bits', RSA_512],
  ])('refuses %s at dkim.privateKey, never repeating the key', (_name, words, privateKey) => {
    const config = withDkim({ privateKey });
    expect(messageAt(config, 'dkim.privateKey')).toContain(words);
    const shown = JSON.stringify(issuesOf(config));
    for (const line of privateKey.split('\n').filter((text) => text.length > 8 && !text.startsWith('-----'))) {
      expect(shown).not.toContain(line);
    }
  });

  it.each([
    ['domainName', 'no-reply@acme.example', 'give the domain alone'],
    ['domainName', 'acme..example', 'is not a domain name'],
    ['domainName', 'https://acme.example', 'is not a domain name'],
    ['keySelector', 'mail._domainkey', 'is not a DKIM selector'],
    ['keySelector', 'my selector', 'is not a DKIM selector'],
    ['keySelector', '-mail', 'is not a DKIM selector'],
  ])('refuses dkim.%s %j', (field, value, words) => {
    expect(messageAt(withDkim({ [field]: value }), `dkim.${field}`)).toContain(words);
  });

  // Before the key was checked, nodemailer sent this message unsigned and reported success.
  it('is refused by createMailer rather than sending unsigned mail', async () => {
    const sink = await startSmtpSink();
    try {
      const send = async () => {
        // Typed as the open record it is: its spread lost validConfig()'s keys from the type.
        const config: Record<string, unknown> = { ...validConfig(), ...sink.config, dkim: { domainName: 'acme.example', keySelector: 'mail', privateKey: TRUNCATED } };
        const mailer = createMailer(config);
        try {
          await mailer.send({ to: 'ada@example.com', type: 'Generic', payload: { code: '123456' } });
        } finally {
          await mailer.close();
        }
      };
      await expect(send()).rejects.toMatchObject({ code: 'InvalidConfig', issues: [{ path: 'dkim.privateKey' }] });
      expect(sink.messages).toEqual([]);
    } finally {
      await sink.close();
    }
  });
});
