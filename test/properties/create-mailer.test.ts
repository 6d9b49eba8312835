import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMailer } from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/index.js';
import { SEED, hostileString, payloadValue, thrownNonMailerError } from './arbitraries.js';

const VALID = {
  host: 'smtp.example.com',
  port: 587,
  fromEmail: 'Acme <no-reply@acme.test>',
  replyTo: 'help@acme.test',
  auth: { user: 'mailer', pass: 'secret' },
  customHeaders: { 'X-Tag': 'auth' },
  templates: [{ usageType: 'SignIn', contentType: 'text/plain', subject: 'Code', content: 'Code {{code}}' }],
};

const KEYS = [
  ...Object.keys(VALID),
  'secure',
  'tls',
  'dkim',
  'pool',
  'maxConnections',
  'connectionTimeout',
  'logger',
  'name',
  'requireTLS',
  'unknownKey',
  '__proto__',
  'constructor',
];

/** Any value, including hostile strings and values with throwing getters or traps. */
const anyValue = fc.oneof(payloadValue, fc.anything(), hostileString, fc.jsonValue());

/** A template that is nearly right, with one field replaced. */
const mutatedTemplate = fc
  .record({
    field: fc.constantFrom('usageType', 'contentType', 'subject', 'content', 'locale', 'text', 'sendFrom', 'replyTo', 'extra'),
    value: fc.oneof(anyValue, fc.constantFrom('{{#a}}', '{{/a}}', '{{> partial}}', '{{}}', '{{=<% %>=}}', '{{{x}}', 'text/html')),
  })
  .map(({ field, value }) => ({ ...VALID.templates[0], [field]: value }));

/** A valid config with a few fields replaced, added or removed. */
const mutatedConfig = fc
  .array(
    fc.oneof(
      fc.record({ key: fc.constantFrom(...KEYS), value: anyValue }),
      fc.record({ key: fc.constant('templates'), value: fc.array(fc.oneof(mutatedTemplate, anyValue), { maxLength: 3 }) }),
      fc.record({ key: fc.constant('customHeaders'), value: fc.dictionary(hostileString, fc.oneof(hostileString, fc.array(hostileString))) }),
      fc.record({ key: fc.constant('auth'), value: fc.dictionary(fc.constantFrom('type', 'user', 'pass', 'clientId', 'privateKey', 'serviceClient'), anyValue) }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((changes) => {
    const config: Record<string, unknown> = { ...VALID };
    for (const { key, value } of changes) {
      if (value === undefined) delete config[key];
      else Object.defineProperty(config, key, { value, enumerable: true, configurable: true, writable: true });
    }
    return config;
  });

const mutatedOptions = fc.option(
  fc.dictionary(fc.constantFrom('transport', 'templateStore', 'useDefaultTemplates', 'retry', 'rateLimit'), anyValue, { maxKeys: 2 }),
  { nil: undefined },
);

describe('createMailer with hostile configs', () => {
  it('throws nothing but a MailerError for any value at all', () => {
    fc.assert(
      fc.property(anyValue, (config) => {
        expect(thrownNonMailerError(() => createMailer(config, { transport: new MemoryTransport() }))).toBeUndefined();
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('throws nothing but a MailerError for a valid config with fields replaced, added or removed', () => {
    fc.assert(
      fc.property(mutatedConfig, mutatedOptions, (config, options) => {
        expect(thrownNonMailerError(() => createMailer(config, { transport: new MemoryTransport(), ...options }))).toBeUndefined();
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('turns a config whose getter throws into InvalidConfig', () => {
    const config = Object.defineProperty({ ...VALID }, 'host', {
      enumerable: true,
      get() {
        throw new Error('getter exploded');
      },
    });
    expect(() => createMailer(config)).toThrow(expect.objectContaining({ name: 'MailerError', code: 'InvalidConfig' }));
  });
});
