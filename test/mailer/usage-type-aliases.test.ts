import { afterEach, describe, expect, it } from 'vitest';

import { createMailer, isMailerError, KNOWN_USAGE_TYPES, type Mailer, type MailerOptions, type TemplateDefinition } from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/index.js';
import { failureOf } from '../helpers/failure-of.js';

const config = { host: 'smtp.example.com', fromEmail: 'Acme <no-reply@acme.test>' };
const to = 'ada@example.com';

function plain(usageType: string, content = `${usageType} {{code}}`): TemplateDefinition {
  return { usageType, contentType: 'text/plain', subject: usageType, content };
}

const own = KNOWN_USAGE_TYPES.map((type) => plain(type));
let mailer: Mailer | undefined;
let transport: MemoryTransport;

function mailerWith(options: Omit<MailerOptions, 'transport'> = {}, templates: TemplateDefinition[] = own): Mailer {
  transport = new MemoryTransport();
  mailer = createMailer({ ...config, templates }, { ...options, transport });
  return mailer;
}

function creationError(options: Omit<MailerOptions, 'transport'>, templates: TemplateDefinition[] = own): unknown {
  try {
    mailerWith(options, templates);
  } catch (error) {
    return error;
  }
  throw new Error('expected createMailer to throw');
}

afterEach(async () => {
  await mailer?.close();
  mailer = undefined;
});

describe('usage type spellings and synonyms', () => {
  it.each(['sign-in', 'sign_in', 'SIGN_IN', 'signin', 'Sign In', 'signIn'])('sends %j as SignIn, which every report names', async (type) => {
    const result = await mailerWith().send({ to, type, payload: { code: '123456' } });
    expect(result.template).toEqual({ usageType: 'SignIn', source: 'config' });
    expect(transport.messages[0]).toMatchObject({ usageType: 'SignIn', text: 'SignIn 123456' });
  });

  it('derives the spellings of every known type from KNOWN_USAGE_TYPES', async () => {
    const sender = mailerWith();
    for (const type of KNOWN_USAGE_TYPES) {
      const kebab = type.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase();
      expect((await sender.send({ to, type: kebab, payload: { code: '1' } })).template?.usageType).toBe(type);
    }
  });

  it.each([
    ['email-verification', 'Register'],
    ['forget-password', 'ForgotPassword'],
    ['change-email', 'BindNewIdentifier'],
    ['signup', 'Register'],
    ['recovery', 'ForgotPassword'],
    ['email_change', 'BindNewIdentifier'],
    ['invite', 'OrganizationInvitation'],
    ['reauthentication', 'UserPermissionValidation'],
    ['two-factor', 'MfaVerification'],
    ['Test', 'Generic'],
  ])("sends the frameworks' %j as %s", async (type, expected) => {
    const result = await mailerWith().send({ to, type, payload: { code: '1' } });
    expect(result.template?.usageType).toBe(expected);
    expect(transport.messages[0]?.usageType).toBe(expected);
  });

  it('renders a resolved type the same way', async () => {
    const message = await mailerWith().render({ type: 'forget-password', payload: { code: '42' } });
    expect(message).toMatchObject({ usageType: 'ForgotPassword', text: 'ForgotPassword 42' });
  });

  it('rate-limits the resolved type: sign-in and SignIn share one limit', async () => {
    const sender = mailerWith({ rateLimit: { limit: 1, window: 60_000 } });
    await sender.send({ to, type: 'sign-in', payload: { code: '1' } });
    const error = await failureOf(sender.send({ to, type: 'SignIn', payload: { code: '2' } }));
    expect(error.code).toBe('RateLimited');
    expect(transport.messages).toHaveLength(1);
  });

  it('refuses a rate-limit rule keyed by another name of a type, which would never apply', () => {
    const rule = { limit: 1, window: 60_000 };
    expect(creationError({ rateLimit: { ...rule, perUsageType: { 'sign-in': rule, 'magic-code': rule, SignIn: rule } }, usageTypeAliases: { 'magic-code': 'Register' } })).toMatchObject({
      code: 'InvalidConfig',
      issues: [
        { path: 'rateLimit.perUsageType.sign-in', message: expect.stringContaining('key the rule by `SignIn`') },
        { path: 'rateLimit.perUsageType.magic-code', message: expect.stringContaining('key the rule by `Register`') },
      ],
    });
    // A custom type nobody declared may be a template store's: refused only under strictUsageTypes.
    expect(() => mailerWith({ rateLimit: { ...rule, perUsageType: { Welcome: rule } } })).not.toThrow();
    expect(creationError({ strictUsageTypes: true, rateLimit: { ...rule, perUsageType: { Welcom: rule } }, customUsageTypes: ['Welcome'] })).toMatchObject({
      issues: [{ path: 'rateLimit.perUsageType.Welcom', message: expect.stringContaining('did you mean `Welcome`?') }],
    });
  });

  it('takes a config template whose usageType is literally the alias as it is (exact match first)', async () => {
    const sender = mailerWith({}, [...own, plain('sign-in', 'the literal one {{code}}')]);
    const result = await sender.send({ to, type: 'sign-in', payload: { code: '7' } });
    expect(result.template?.usageType).toBe('sign-in');
    expect(transport.messages[0]?.text).toBe('the literal one 7');
    // Only the exact spelling: another one is a spelling of the known SignIn, which comes first.
    expect((await sender.send({ to, type: 'SIGN-IN', payload: { code: '8' } })).template?.usageType).toBe('SignIn');
  });

  it('leaves an unknown type as it is without strictUsageTypes: Generic stands in', async () => {
    const result = await mailerWith().send({ to, type: 'SignUpp', payload: { code: '1' } });
    expect(result.template).toEqual({ usageType: 'Generic', source: 'config' });
    expect(transport.messages[0]?.usageType).toBe('SignUpp');
  });
});

describe('usageTypeAliases', () => {
  it('sends a type by the alias, compared without case or separators, before the built-in names', async () => {
    const sender = mailerWith({ usageTypeAliases: { 'magic-code': 'SignIn', 'email-verification': 'BindNewIdentifier' } });
    expect((await sender.send({ to, type: 'MAGIC_CODE', payload: { code: '1' } })).template?.usageType).toBe('SignIn');
    expect((await sender.send({ to, type: 'email-verification', payload: { code: '1' } })).template?.usageType).toBe('BindNewIdentifier');
  });

  it('may name a config template type or a custom type', async () => {
    const sender = mailerWith(
      { usageTypeAliases: { welcome: 'Onboarding', 'passwordless-login': 'PasswordlessLogin' }, customUsageTypes: ['PasswordlessLogin'] },
      [...own, plain('Onboarding')],
    );
    expect((await sender.send({ to, type: 'welcome', payload: { code: '1' } })).template?.usageType).toBe('Onboarding');
    expect((await sender.send({ to, type: 'passwordless-login', payload: { code: '1' } })).template).toEqual({ usageType: 'Generic', source: 'config' });
    expect(transport.messages[1]?.usageType).toBe('PasswordlessLogin');
  });

  it('refuses at createMailer an alias to a type the mailer does not know, suggesting the nearest', () => {
    expect(creationError({ usageTypeAliases: { login: 'Signin' } })).toMatchObject({
      code: 'InvalidConfig',
      issues: [{ path: 'usageTypeAliases.login', message: expect.stringContaining('did you mean `SignIn`?') }],
    });
    expect(creationError({ usageTypeAliases: { login: 'Sgn' } })).toMatchObject({
      issues: [{ path: 'usageTypeAliases.login', message: expect.stringContaining('the usage types it knows are Register, SignIn') }],
    });
  });

  it('refuses an alias named like a type the mailer knows, and two spellings of one alias for two types', () => {
    const error = creationError({ usageTypeAliases: { SignIn: 'Register', 'log-in': 'SignIn', LOG_IN: 'Register' } });
    expect(isMailerError(error) && error.issues?.map((issue) => issue.path)).toEqual(['usageTypeAliases.SignIn', 'usageTypeAliases.LOG_IN']);
  });

  it('checks the types of the options, and suggests the new option names', () => {
    const error = creationError({ usageTypeAliases: { a: 1 }, customUsageTypes: [''], strictUsageType: true } as never);
    expect(isMailerError(error) && error.issues).toEqual([
      { path: 'usageTypeAliases.a', message: expect.stringContaining('must be a usage type name') },
      { path: 'customUsageTypes[0]', message: expect.stringContaining('is empty') },
      { path: 'strictUsageType', message: expect.stringContaining('did you mean `strictUsageTypes`?') },
    ]);
  });
});

describe('strictUsageTypes', () => {
  it('refuses an unknown type with TemplateNotFound naming it and the nearest known one, before anything is sent', async () => {
    const sender = mailerWith({ strictUsageTypes: true });
    const error = await failureOf(sender.send({ to, type: 'SigIn', payload: { code: '1' } }));
    expect(error.code).toBe('TemplateNotFound');
    expect(error.message).toMatch(/^Cannot send "SigIn": strictUsageTypes refuses it, .*did you mean `SignIn`\? Nothing was sent\. \[TemplateNotFound\]$/);
    const rendered = await sender.render({ type: 'SigIn' }).catch((caught: unknown) => caught);
    expect(rendered).toMatchObject({ code: 'TemplateNotFound', message: expect.stringContaining('Cannot render "SigIn"') });
    expect(transport.messages).toHaveLength(0);
  });

  it('accepts known types, their spellings, aliases, config template types and custom types', async () => {
    const sender = mailerWith(
      { strictUsageTypes: true, usageTypeAliases: { hello: 'Onboarding' }, customUsageTypes: ['StoreOnly'] },
      [...own, plain('Onboarding')],
    );
    for (const type of ['SignIn', 'forget-password', 'hello', 'Onboarding', 'store_only']) {
      await sender.send({ to, type, payload: { code: '1' } });
    }
    expect(transport.messages.map((message) => message.usageType)).toEqual(['SignIn', 'ForgotPassword', 'Onboarding', 'Onboarding', 'StoreOnly']);
  });

  it('asks a template store for custom types, and refuses types a store might hold but nobody listed', async () => {
    const asked: string[] = [];
    transport = new MemoryTransport();
    mailer = createMailer(config, {
      transport,
      strictUsageTypes: true,
      customUsageTypes: ['Welcome'],
      templateStore: {
        findTemplate: async (usageType) => {
          asked.push(usageType);
          return usageType === 'Welcome' || usageType === 'Unlisted' ? plain(usageType) : undefined;
        },
      },
    });
    await mailer.send({ to, type: 'welcome', payload: { code: '1' } });
    expect(transport.messages[0]?.text).toBe('Welcome 1');
    expect((await failureOf(mailer.send({ to, type: 'Unlisted', payload: { code: '1' } }))).code).toBe('TemplateNotFound');
    expect(asked).toEqual(['Welcome']);
  });

  it('refuses an alias to a type the mailer does not know, as without strict', () => {
    expect(creationError({ strictUsageTypes: true, usageTypeAliases: { x: 'Nope' } })).toMatchObject({ code: 'InvalidConfig' });
  });
});
