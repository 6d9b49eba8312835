import { describe, expectTypeOf, it } from 'vitest';
import {
  createMailer,
  isMailerError,
  type Mailer,
  type MailerConfig,
  type KnownUsageType,
  type MailerErrorCode,
  type MailMessage,
  type SendResult,
  type TemplateChoice,
  type TemplateDefinition,
  type TemplateStore,
  type Transport,
  type UsageType,
} from '../../src/index.js';

describe('public API types', () => {
  it('createMailer takes unknown config and returns a Mailer', () => {
    const config: unknown = {};
    expectTypeOf(createMailer(config)).toEqualTypeOf<Mailer>();
    expectTypeOf(createMailer({})).toEqualTypeOf<Mailer>();
  });

  it('send resolves a SendResult with attempts', () => {
    expectTypeOf<Mailer['send']>().returns.resolves.toEqualTypeOf<SendResult>();
    expectTypeOf<SendResult['attempts']>().toEqualTypeOf<number>();
  });

  it('SendResult reports the template used, optionally so results can be written by hand', () => {
    expectTypeOf<SendResult['template']>().toEqualTypeOf<TemplateChoice | undefined>();
    expectTypeOf<TemplateChoice['source']>().toEqualTypeOf<'store' | 'config' | 'builtin'>();
    const handWritten: SendResult = { messageId: '<1@x>', accepted: [], rejected: [], attempts: 1 };
    expectTypeOf(handWritten).toMatchTypeOf<SendResult>();
  });

  it('a TemplateStore may answer null, as databases do', () => {
    const store: TemplateStore = { findTemplate: async () => null };
    expectTypeOf(store.findTemplate).returns.resolves.toEqualTypeOf<TemplateDefinition | undefined | null>();
  });

  it('UsageType autocompletes the known types and admits any string', () => {
    expectTypeOf<'SignIn'>().toMatchTypeOf<UsageType>();
    expectTypeOf<'MyCustomType'>().toMatchTypeOf<UsageType>();
  });

  it('KnownUsageType is exactly the twelve known types', () => {
    expectTypeOf<KnownUsageType>().toEqualTypeOf<
      | 'Register'
      | 'SignIn'
      | 'ForgotPassword'
      | 'Generic'
      | 'OrganizationInvitation'
      | 'UserPermissionValidation'
      | 'BindNewIdentifier'
      | 'MfaVerification'
      | 'BindMfa'
      | 'MagicLink'
      | 'VerifyEmailLink'
      | 'ResetPasswordLink'
    >();
  });

  it('the error code union is exactly the contract list', () => {
    expectTypeOf<MailerErrorCode>().toEqualTypeOf<
      | 'InvalidConfig'
      | 'TemplateSyntax'
      | 'TemplateNotFound'
      | 'MissingVariable'
      | 'InvalidRecipient'
      | 'AuthFailed'
      | 'Rejected'
      | 'Unavailable'
      | 'RateLimited'
      | 'Closed'
    >();
  });

  it('isMailerError narrows', () => {
    const value: unknown = undefined;
    if (isMailerError(value)) expectTypeOf(value.code).toEqualTypeOf<MailerErrorCode>();
  });

  it('a Transport needs only send', () => {
    const transport: Transport = { send: async (message: MailMessage) => ({ messageId: message.to }) };
    expectTypeOf(transport.verify).toEqualTypeOf<(() => Promise<void>) | undefined>();
  });

  it('a Logto config is a MailerConfig: string port, upper-case auth type', () => {
    const config: MailerConfig = {
      host: 'smtp.example.com',
      port: '587',
      fromEmail: 'no-reply@example.com',
      auth: { type: 'LOGIN', user: 'u', pass: 'p' },
      templates: [{ usageType: 'SignIn', contentType: 'text/plain', subject: 's', content: '{{code}}' }],
    };
    expectTypeOf(config).toMatchTypeOf<MailerConfig>();
  });
});
