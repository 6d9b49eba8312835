import { describe, expectTypeOf, it } from 'vitest';

import { createMailer, type ConfigArgument, type JsonMailerConfig, type Mailer, type MailerConfig } from '../../src/index.js';
import jsonConfig from './fixtures/mailer-config.json' with { type: 'json' };

const base = { host: 'smtp.example.com', fromEmail: 'Acme <no-reply@example.com>' } as const;

// The refused calls sit in functions never called: they are compile-time checks only.
describe('createMailer type-checks an object literal against MailerConfig', () => {
  it('refuses a misspelt key, at the top and nested', () => {
    expectTypeOf(() => {
      // @ts-expect-error `prot` is not a config key
      createMailer({ ...base, prot: 587 });
      // @ts-expect-error `pas` is not an auth key
      createMailer({ ...base, auth: { user: 'u', pas: 'p' } });
      // @ts-expect-error `subjct` is not a template key
      createMailer({ ...base, templates: [{ usageType: 'SignIn', contentType: 'text/plain', subjct: 's', content: 'c' }] });
    }).toBeFunction();
  });

  it('refuses a value of the wrong type and a missing host', () => {
    expectTypeOf(() => {
      // @ts-expect-error a port is a number or a numeric string
      createMailer({ ...base, port: true });
      // @ts-expect-error `secure` is a boolean
      createMailer({ ...base, secure: 'yes' });
      // @ts-expect-error `host` is required
      createMailer({ fromEmail: 'no-reply@example.com', port: 587 });
    }).toBeFunction();
  });

  it('takes a valid literal, the port as a number or a numeric string', () => {
    expectTypeOf(createMailer({ ...base, port: 587 })).toEqualTypeOf<Mailer>();
    expectTypeOf(createMailer({ ...base, port: '587', auth: { user: 'u', pass: 'p' } })).toEqualTypeOf<Mailer>();
    const typed: MailerConfig = { ...base, templates: [{ usageType: 'SignIn', contentType: 'text/html', subject: 's', content: 'c' }] };
    expectTypeOf(createMailer(typed)).toEqualTypeOf<Mailer>();
  });

  it('checks a literal against MailerConfig (what the editor completes)', () => {
    expectTypeOf<ConfigArgument<{ host: string; prot: number }>>().toEqualTypeOf<MailerConfig | JsonMailerConfig>();
  });
});

describe('createMailer still takes what is only known at run time', () => {
  it('takes unknown, any (JSON.parse) and open records', () => {
    const fromFile: unknown = JSON.parse('{}');
    expectTypeOf(createMailer(fromFile)).toEqualTypeOf<Mailer>();
    expectTypeOf(createMailer(JSON.parse('{}'))).toEqualTypeOf<Mailer>();
    const row: Record<string, unknown> = {};
    expectTypeOf(createMailer(row)).toEqualTypeOf<Mailer>();
    const value: object = {};
    expectTypeOf(createMailer(value)).toEqualTypeOf<Mailer>();
    expectTypeOf<ConfigArgument<unknown>>().toEqualTypeOf<unknown>();
  });

  it('takes a JSON file imported as a module, whose contentType is a plain string', () => {
    expectTypeOf(jsonConfig.templates[0]?.contentType).toEqualTypeOf<string | undefined>();
    expectTypeOf(createMailer(jsonConfig)).toEqualTypeOf<Mailer>();
  });
});
