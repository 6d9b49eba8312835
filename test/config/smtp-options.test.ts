import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { parseConfig } from '../../src/config/parse-config.js';
import { validConfig } from './issues-of.js';

// The DKIM key is parsed when the config is (test/config/dkim-options.test.ts): it must be a real one.
const { privateKey: DKIM_KEY } = generateKeyPairSync('rsa', {
  modulusLength: 1024,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

describe('nodemailer SMTP options', () => {
  it('defaults pool, disableFileAccess, disableUrlAccess and (with credentials) requireTLS to true and leaves the rest unset', () => {
    expect(parseConfig(validConfig()).smtp).toEqual({ pool: true, disableFileAccess: true, disableUrlAccess: true, requireTLS: true });
  });

  it('passes every option through to smtp', () => {
    const options = {
      requireTLS: true,
      ignoreTLS: false,
      tls: {
        rejectUnauthorized: false,
        ca: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'],
        minVersion: 'TLSv1.2',
        sessionTimeout: 300,
      },
      servername: 'mail.example.com',
      name: 'app01.example.com',
      localAddress: '10.0.0.5',
      connectionTimeout: 10_000,
      greetingTimeout: 5_000,
      socketTimeout: 60_000,
      dnsTimeout: 2_000,
      logger: true,
      debug: true,
      disableFileAccess: false,
      disableUrlAccess: false,
      pool: false,
      maxConnections: 3,
      maxMessages: 50,
      dkim: {
        domainName: 'example.com',
        keySelector: 'mail',
        privateKey: DKIM_KEY,
        skipFields: 'message-id:date',
        headerFieldNames: 'from:to:subject',
      },
    };
    const resolved = parseConfig({ ...validConfig(), ...options });
    expect(resolved.smtp).toEqual(options);
  });

  it('lets any Node TLS option through tls', () => {
    const tls = { ciphers: 'HIGH', checkServerIdentity: 'custom', honorCipherOrder: true };
    expect(parseConfig({ ...validConfig(), tls }).smtp.tls).toEqual(tls);
  });

  it('keeps custom headers and resolves none to an empty record', () => {
    expect(parseConfig(validConfig()).customHeaders).toEqual({});
    const customHeaders = { 'List-Unsubscribe': '<mailto:unsubscribe@example.com>', 'X-Tag': ['a', 'b'] };
    expect(parseConfig({ ...validConfig(), customHeaders }).customHeaders).toEqual(customHeaders);
  });

  it('keeps template locales as given, and optional template fields', () => {
    const templates = [
      {
        usageType: 'SignIn',
        contentType: 'text/html',
        subject: 'Code',
        content: '<p>{{code}}</p>',
        text: 'Code {{code}}',
        locale: 'pt-BR',
        sendFrom: 'Acme BR <br@example.com>',
        replyTo: 'help@example.com',
      },
      { usageType: 'SignIn', contentType: 'text/plain', subject: 'Code', content: '{{code}}', locale: 'zh-Hant-TW' },
      { usageType: 'Generic', contentType: 'text/plain', subject: 'Code', content: '{{code}}' },
    ];
    expect(parseConfig({ ...validConfig(), templates }).templates).toEqual(templates);
  });
});
