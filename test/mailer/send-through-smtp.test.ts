import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '../../src/index.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/index.js';
import { logtoConfigFor } from '../helpers/logto-config.js';
import { KNOWN_USAGE_TYPES } from '../../src/types/usage-type.js';

let sink: SmtpSink;
let mailer: Mailer | undefined;

beforeEach(async () => {
  sink = await startSmtpSink({ authenticate: { user: 'mailer', pass: 's3cret-pass' } });
});
afterEach(async () => {
  await mailer?.close();
  mailer = undefined;
  await sink.close();
});

describe('a Logto SMTP connector config, unchanged', () => {
  it.each(KNOWN_USAGE_TYPES)('delivers the %s template with its code over SMTP', async (usageType) => {
    mailer = createMailer(logtoConfigFor(sink));
    const result = await mailer.send({ to: 'ada@example.com', type: usageType, payload: { code: 482913 } });

    const [received] = await sink.waitForMessages(1);
    expect(received?.envelope).toEqual({ from: 'no-reply@acme.test', to: ['ada@example.com'] });
    expect(received?.subject).toBe(`${usageType} verification`);
    expect(received?.text?.trim()).toBe(`Your ${usageType} code is 482913.`);
    expect(received?.from).toBe('Acme Auth <no-reply@acme.test>');
    expect(received?.session.user).toBe('mailer');
    expect(result).toMatchObject({ accepted: ['ada@example.com'], rejected: [], attempts: 1 });
    expect(result.messageId).toBe(received?.messageId);
  });

  it('reuses one pooled connection across sends', async () => {
    mailer = createMailer(logtoConfigFor(sink));
    for (const code of ['111111', '222222', '333333']) {
      await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code } });
    }
    await sink.waitForMessages(3);
    expect(sink.connectionCount).toBe(1);
  });

  it('marks every message Auto-Submitted and adds the custom headers', async () => {
    mailer = createMailer(
      logtoConfigFor(sink, { customHeaders: { 'X-Tenant': 'acme', 'X-Tags': ['auth', 'otp'] } }),
    );
    await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } });
    const [received] = await sink.waitForMessages(1);
    expect(received?.headers['auto-submitted']).toBe('auto-generated');
    expect(received?.headers['x-tenant']).toBe('acme');
    expect(received?.headers['x-tags']).toBe('auth, otp');
  });

  it('sends reply-to from the config, and the template overrides sender and reply-to', async () => {
    mailer = createMailer(
      logtoConfigFor(sink, {
        replyTo: 'Support <support@acme.test>',
        templates: [
          { usageType: 'SignIn', contentType: 'text/plain', subject: 's', content: '{{code}}' },
          {
            usageType: 'Register',
            contentType: 'text/plain',
            subject: 'r',
            content: '{{code}}',
            sendFrom: 'Welcome Team <welcome@acme.test>',
            replyTo: 'hello@acme.test',
          },
        ],
      }),
    );
    await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } });
    await mailer.send({ to: 'Ada Lovelace <ada@example.com>', type: 'Register', payload: { code: '2' } });
    const [signIn, register] = await sink.waitForMessages(2);
    expect(signIn?.replyTo).toBe('Support <support@acme.test>');
    expect(signIn?.from).toBe('Acme Auth <no-reply@acme.test>');
    expect(register?.from).toBe('Welcome Team <welcome@acme.test>');
    expect(register?.replyTo).toBe('hello@acme.test');
    expect(register?.to).toBe('Ada Lovelace <ada@example.com>');
    expect(register?.envelope.from).toBe('welcome@acme.test');
  });

  it('sends an HTML template as multipart/alternative with the escaped payload and a text part', async () => {
    mailer = createMailer(
      logtoConfigFor(sink, {
        templates: [
          {
            usageType: 'ForgotPassword',
            contentType: 'text/html',
            subject: 'Reset for {{name}}',
            content: '<p>Hello {{name}},</p><p><a href="{{link}}">Reset your password</a></p>',
          },
        ],
      }),
    );
    const name = '<script>alert(1)</script> & "Ada"';
    await mailer.send({
      to: 'ada@example.com',
      type: 'ForgotPassword',
      payload: { name, link: 'https://acme.test/reset?t=abc' },
    });
    const [received] = await sink.waitForMessages(1);
    expect(received?.contentType).toBe('multipart/alternative');
    expect(received?.html).not.toContain('<script>');
    expect(received?.html).toContain('&lt;script&gt;');
    expect(received?.subject).toBe(`Reset for ${name}`);
    expect(received?.text).toContain(name);
    expect(received?.text).toContain('https://acme.test/reset?t=abc');
  });

  it('picks the template of the payload locale, falling back to the language and then no locale', async () => {
    const template = (locale: string | undefined, subject: string) => ({
      usageType: 'SignIn',
      contentType: 'text/plain',
      subject,
      content: '{{code}}',
      ...(locale ? { locale } : {}),
    });
    mailer = createMailer(
      logtoConfigFor(sink, {
        templates: [template('pt-BR', 'Código'), template('pt', 'Código (pt)'), template(undefined, 'Code')],
      }),
    );
    for (const locale of ['pt-BR', 'pt-PT', 'de', undefined]) {
      await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1', locale } });
    }
    const received = await sink.waitForMessages(4);
    expect(received.map((message) => message.subject)).toEqual(['Código', 'Código (pt)', 'Code', 'Code']);
  });

  it("falls back to the config's Generic template before any built-in one, as Logto does", async () => {
    mailer = createMailer(
      logtoConfigFor(sink, {
        templates: [{ usageType: 'Generic', contentType: 'text/plain', subject: 'Your code', content: '{{code}}' }],
      }),
    );
    await mailer.send({ to: 'ada@example.com', type: 'MfaVerification', payload: { code: '777', locale: 'ja' } });
    const [received] = await sink.waitForMessages(1);
    expect(received?.subject).toBe('Your code');
  });

  it('fills the usage types the config leaves out, Generic included, with the default templates', async () => {
    const { templates: _templates, ...withoutTemplates } = logtoConfigFor(sink);
    const config: Record<string, unknown> = {
      ...withoutTemplates,
      templates: [{ usageType: 'SignIn', contentType: 'text/plain', subject: 'Our sign-in', content: '{{code}}' }],
    };
    mailer = createMailer(config);
    await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '111111' } });
    await mailer.send({ to: 'ada@example.com', type: 'ForgotPassword', payload: { code: '222222' } });
    await mailer.send({ to: 'ada@example.com', type: 'ForgotPassword', payload: { code: '333333', locale: 'ja-JP' } });
    const [own, english, japanese] = await sink.waitForMessages(3);
    expect(own?.subject).toBe('Our sign-in');
    expect(english?.subject).toBe('Reset your password');
    expect(english?.html).toContain('<html lang="en" dir="ltr">');
    expect(english?.text).toContain('222222');
    expect(japanese?.html).toContain('<html lang="ja" dir="ltr">');
    expect(japanese?.text).toContain('333333');
  });

  it('sendTest sends the Generic template with a sample code', async () => {
    mailer = createMailer(logtoConfigFor(sink));
    const result = await mailer.sendTest('ops@example.com');
    const [received] = await sink.waitForMessages(1);
    expect(received?.subject).toBe('Generic verification');
    expect(received?.text).toMatch(/Your Generic code is \d{6}\./);
    expect(result.accepted).toEqual(['ops@example.com']);
  });

  it('verify authenticates without sending anything', async () => {
    mailer = createMailer(logtoConfigFor(sink));
    await expect(mailer.verify()).resolves.toBeUndefined();
    expect(sink.messages).toHaveLength(0);
  });
});
