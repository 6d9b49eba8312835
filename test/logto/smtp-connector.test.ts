import { inspect } from 'node:util';
import { ConnectorError, ConnectorErrorCodes, ConnectorType, TemplateType, validateConfig } from '@logto/connector-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { isMailerError, type MailerError } from '../../src/index.js';
import { defineSmtpConnector, type SmtpConnectorFactory, type SmtpConnectorOptions } from '../../src/logto/index.js';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../../src/testing/index.js';
import { startCuttingProxy, type CuttingProxy } from '../faults/fault-servers.js';
import { leakedSecrets } from '../helpers/leaked-secrets.js';
import { logtoTenant, type EmailTemplateRow } from './logto-core.js';

const PASSWORD = 'Pw-7fQ2xLm9Rz4K';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function sink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const started = await startSmtpSink({ authenticate: { user: 'mailer', pass: PASSWORD }, ...options });
  cleanups.push(() => started.close());
  return started;
}

function connectorFactory(options?: SmtpConnectorOptions): SmtpConnectorFactory {
  const factory = defineSmtpConnector(options);
  cleanups.push(() => factory.close());
  return factory;
}

/** A Logto SMTP connector config, as Logto's console saves it, with a template per type it sends here. */
function smtpConfig(port: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    host: '127.0.0.1',
    port,
    auth: { type: 'login', user: 'mailer', pass: PASSWORD },
    fromEmail: 'Acme <no-reply@acme.test>',
    templates: [
      ...Object.values(TemplateType)
        .filter((type) => type !== TemplateType.OrganizationInvitation)
        .map((usageType) => ({ usageType, contentType: 'text/plain', subject: `${usageType} code`, content: `Your ${usageType} code is {{code}}.` })),
      {
        usageType: 'OrganizationInvitation',
        contentType: 'text/html',
        subject: '{{inviterName}} invites you to {{organizationName}}',
        content: '<p>Join {{organization.name}}: <a href="{{link}}">accept</a></p>',
        text: 'Join {{organizationName}}: {{link}}',
      },
    ],
    ...extra,
  };
}

/** What Logto's sendMessage rejected with: a ConnectorError, whose MailerError is returned with it. */
async function connectorFailure(sending: Promise<unknown>): Promise<{ error: ConnectorError; mailerError: MailerError }> {
  const error = await sending.then(
    () => new Error('expected the send to fail'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${inspect(error)}`);
  if (!isMailerError(error.data)) throw new Error(`expected a MailerError as data, got ${inspect(error.data)}`);
  expect(error.cause).toBe(error.data);
  return { error, mailerError: error.data };
}

/** The subject and text (trimmed as mailparser ends a text body with a newline) of the mail to `to`. */
async function mailTo(s: SmtpSink, to: string): Promise<{ subject?: string; text?: string }> {
  const { subject, text } = await s.waitFor({ to });
  return { subject, text: text?.trim() };
}

/** Everything about an error Logto could log or answer with. */
const shown = (error: ConnectorError): string => [error.message, JSON.stringify(error.data), inspect(error, { depth: 8 })].join('\n');

describe('auth-mailer/logto, driven as Logto core drives an email connector', () => {
  it('is an email connector with the SMTP connector id, and its guard is what validateConfig runs', async () => {
    const s = await sink();
    const connector = await connectorFactory()({ getConfig: async () => smtpConfig(s.port) });
    expect(connector.type).toBe(ConnectorType.Email);
    expect(connector.metadata).toMatchObject({ id: 'simple-mail-transfer-protocol', target: 'smtp', platform: null });
    expect(() => validateConfig(smtpConfig(s.port), connector.configGuard)).not.toThrow();

    // Saving a config with a misspelt key in Logto's console: connector-kit's InvalidConfig, with our message.
    const error = (() => {
      try {
        validateConfig(smtpConfig(s.port, { maxConnection: 2 }), connector.configGuard);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe(ConnectorErrorCodes.InvalidConfig);
    expect((error as ConnectorError).data).toMatchObject({ code: 'InvalidConfig', issues: [{ path: 'maxConnection', message: expect.stringContaining('maxConnections') }] });
    expect(shown(error as ConnectorError)).not.toContain(PASSWORD);
  });

  it('refuses bad options when the connector is defined, not at every send', () => {
    expect(() => defineSmtpConnector({ mailerOptions: { retry: { atempts: 2 } } as SmtpConnectorOptions['mailerOptions'] })).toThrow(
      expect.objectContaining({ code: 'InvalidConfig', issues: [{ path: 'retry.atempts', message: expect.stringContaining('`attempts`') }] }),
    );
    for (const maxMailers of [0, 1.5, Number.NaN]) {
      expect(() => defineSmtpConnector({ maxMailers })).toThrow(expect.objectContaining({ code: 'InvalidConfig', issues: [expect.objectContaining({ path: 'maxMailers' })] }));
    }
  });

  it('sends a sign-in code Logto generated; the code read back from the received mail verifies', async () => {
    const s = await sink();
    const tenant = logtoTenant(connectorFactory(), smtpConfig(s.port));
    const code = String(100000 + Math.floor(Math.random() * 900000));
    const result = await tenant.send({ to: 'ada@example.com', type: TemplateType.SignIn, payload: { code }, ip: '203.0.113.7' });
    expect(result).toMatchObject({ accepted: ['ada@example.com'], attempts: 1 });
    const message = await s.waitFor({ to: 'ada@example.com' });
    expect(message).toMatchObject({ subject: 'SignIn code', from: 'Acme <no-reply@acme.test>', contentType: 'text/plain' });
    expect(s.extract(/code is (\d{6})\./)).toBe(code);
  });

  it('sends every code usage type Logto has with its template, and the invitation with its link', async () => {
    const s = await sink();
    const tenant = logtoTenant(connectorFactory(), smtpConfig(s.port));
    const codeTypes = Object.values(TemplateType).filter((type) => type !== TemplateType.OrganizationInvitation);
    for (const [index, type] of codeTypes.entries()) {
      await tenant.send({ to: `user${index}@example.com`, type, payload: { code: `00000${index}`, locale: 'en' } });
      expect(s.extract(/code is (\d+)\./, { to: `user${index}@example.com` }), type).toBe(`00000${index}`);
      expect(s.find({ to: `user${index}@example.com` })?.subject).toBe(`${type} code`);
    }
    const link = 'https://auth.acme.test/invitation?token=tk_8Yb2';
    await tenant.send({
      to: 'grace@example.com',
      type: TemplateType.OrganizationInvitation,
      payload: { link, organization: { id: 'org_1', name: 'Acme & Co' }, inviter: { id: 'u_1', name: 'Ada' } },
    });
    const invitation = await s.waitFor({ to: 'grace@example.com' });
    expect(invitation.subject).toBe('Ada invites you to Acme & Co');
    expect(invitation.text).toBe('Join Acme & Co: https://auth.acme.test/invitation?token=tk_8Yb2');
    expect(invitation.html).toContain('Join Acme &amp; Co');
    expect(invitation.html).toContain('href="https://auth.acme.test/invitation?token=tk_8Yb2"');
  });

  it("fills {{code}} with the link in an invitation template written for the SMTP connector's default", async () => {
    const s = await sink();
    const config = smtpConfig(s.port);
    const invitation = {
      usageType: 'OrganizationInvitation',
      contentType: 'text/plain',
      subject: 'Logto OrganizationInvitation with SMTP',
      content: 'Your Logto organization invitation code is {{code}}. The code will remain active for 10 minutes.',
    };
    const tenant = logtoTenant(connectorFactory(), { ...config, templates: [...(config.templates as object[]).slice(0, -1), invitation] });
    await tenant.send({ to: 'grace@example.com', type: TemplateType.OrganizationInvitation, payload: { link: 'https://auth.acme.test/i/tk_1' } });
    expect((await mailTo(s, 'grace@example.com')).text).toBe(
      'Your Logto organization invitation code is https://auth.acme.test/i/tk_1. The code will remain active for 10 minutes.',
    );
  });

  describe('templates by language', () => {
    const rows: EmailTemplateRow[] = [
      { templateType: 'SignIn', languageTag: 'fr', details: { subject: 'Votre code', content: '<p>Votre code : {{code}}</p>', contentType: 'text/html' } },
      { templateType: 'SignIn', languageTag: 'en', details: { subject: 'Your code', content: 'Your code: {{code}}', contentType: 'text/plain' } },
    ];

    it("uses Logto's template for the payload's locale, and Logto's fallback language for one it lacks", async () => {
      const s = await sink();
      const tenant = logtoTenant(connectorFactory(), smtpConfig(s.port), rows);
      await tenant.send({ to: 'fr@example.com', type: TemplateType.SignIn, payload: { code: '111111', locale: 'fr' } });
      await tenant.send({ to: 'de@example.com', type: TemplateType.SignIn, payload: { code: '222222', locale: 'de' } });
      expect(await mailTo(s, 'fr@example.com')).toEqual({ subject: 'Votre code', text: 'Votre code : 111111' });
      expect(await mailTo(s, 'de@example.com')).toEqual({ subject: 'Your code', text: 'Your code: 222222' });
    });

    it("falls back to the config's templates, by locale, for a type Logto has no template of", async () => {
      const s = await sink();
      const config = smtpConfig(s.port);
      const french = { usageType: 'Register', locale: 'fr', contentType: 'text/plain', subject: 'Inscription', content: 'Code : {{code}}' };
      const tenant = logtoTenant(connectorFactory(), { ...config, templates: [...(config.templates as object[]), french] }, rows);
      await tenant.send({ to: 'fr@example.com', type: TemplateType.Register, payload: { code: '333333', uiLocales: 'fr-CA fr en' } });
      await tenant.send({ to: 'en@example.com', type: TemplateType.Register, payload: { code: '444444', locale: 'en' } });
      expect(await mailTo(s, 'fr@example.com')).toEqual({ subject: 'Inscription', text: 'Code : 333333' });
      expect(await s.waitFor({ to: 'en@example.com' })).toMatchObject({ subject: 'Register code' });
    });

    it("serves each tenant its own templates, also when two tenants' configs are equal", async () => {
      const s = await sink();
      const factory = connectorFactory({ maxMailers: 2 });
      const other: EmailTemplateRow[] = [{ templateType: 'SignIn', languageTag: 'en', details: { subject: 'Globex code', content: 'Globex: {{code}}', contentType: 'text/plain' } }];
      await logtoTenant(factory, smtpConfig(s.port), rows).send({ to: 'a@example.com', type: TemplateType.SignIn, payload: { code: '1', locale: 'en' } });
      await logtoTenant(factory, smtpConfig(s.port), other).send({ to: 'b@example.com', type: TemplateType.SignIn, payload: { code: '2', locale: 'en' } });
      expect((await s.waitFor({ to: 'a@example.com' })).subject).toBe('Your code');
      expect((await s.waitFor({ to: 'b@example.com' })).subject).toBe('Globex code');
    });
  });

  describe('one mailer per config', () => {
    async function proxiedSink(): Promise<{ sink: SmtpSink; proxy: CuttingProxy }> {
      const target = await sink();
      const proxy = await startCuttingProxy(target.port, []);
      cleanups.push(() => proxy.close());
      return { sink: target, proxy };
    }

    it('keeps one pooled connection across connector instances and sends while the config is unchanged', async () => {
      const { sink: s, proxy } = await proxiedSink();
      const tenant = logtoTenant(connectorFactory(), smtpConfig(proxy.port));
      for (const name of ['ada', 'grace', 'alan']) await tenant.send({ to: `${name}@example.com`, type: TemplateType.SignIn, payload: { code: '123456' } });
      await s.waitForMessages(3);
      expect(tenant.configReads).toBe(3);
      expect(proxy.connectionCount).toBe(1);
      expect(proxy.sessions[0]).not.toMatch(/QUIT/);
    });

    it('closes the old mailer (QUIT) when the config is saved anew, and sends with the new one', async () => {
      const { sink: s, proxy } = await proxiedSink();
      const tenant = logtoTenant(connectorFactory(), smtpConfig(proxy.port));
      await tenant.send({ to: 'ada@example.com', type: TemplateType.SignIn, payload: { code: '111111' } });
      await tenant.save(smtpConfig(proxy.port, { fromEmail: 'Acme Support <support@acme.test>' }));
      await tenant.send({ to: 'grace@example.com', type: TemplateType.SignIn, payload: { code: '222222' } });

      expect((await s.waitFor({ to: 'grace@example.com' })).from).toBe('Acme Support <support@acme.test>');
      expect(proxy.connectionCount).toBe(2);
      await expect.poll(() => proxy.sessions[0]).toMatch(/\r\nQUIT\r\n$/);
      expect(proxy.sessions[1]).not.toMatch(/QUIT/);
    });

    it('sends a test with an unsaved config (Logto console) on a mailer of its own, closed after', async () => {
      const { sink: s, proxy } = await proxiedSink();
      const tenant = logtoTenant(connectorFactory(), smtpConfig(proxy.port));
      await tenant.send({ to: 'ada@example.com', type: TemplateType.SignIn, payload: { code: '111111' } });
      await tenant.send({ to: 'test@example.com', type: TemplateType.Generic, payload: { code: '000000' } }, smtpConfig(proxy.port, { fromEmail: 'test@acme.test' }));
      await tenant.send({ to: 'grace@example.com', type: TemplateType.SignIn, payload: { code: '222222' } });

      expect((await s.waitFor({ to: 'test@example.com' })).from).toBe('test@acme.test');
      expect((await s.waitFor({ to: 'grace@example.com' })).from).toBe('Acme <no-reply@acme.test>');
      expect(proxy.connectionCount).toBe(2);
      expect(proxy.sessions[1]).toMatch(/\r\nQUIT\r\n$/);
      // The saved config's pool was neither closed nor replaced by the test send.
      expect(proxy.sessions[0]).not.toMatch(/QUIT/);
      expect(proxy.sessions[0]?.match(/^DATA\r\n/gm)).toHaveLength(2);
    });

    it('closes every mailer it keeps on close()', async () => {
      const { proxy } = await proxiedSink();
      const factory = defineSmtpConnector();
      const tenant = logtoTenant(factory, smtpConfig(proxy.port));
      await tenant.send({ to: 'ada@example.com', type: TemplateType.SignIn, payload: { code: '111111' } });
      await factory.close();
      expect(proxy.sessions[0]).toMatch(/\r\nQUIT\r\n$/);
    });
  });

  describe('failures reach Logto as ConnectorErrors holding the MailerError', () => {
    it('a refused login: general, AuthFailed, no password anywhere', async () => {
      const s = await sink();
      const config = smtpConfig(s.port, { auth: { type: 'login', user: 'mailer', pass: 'Wrong-9dKq3Vx7Lp' } });
      const { error, mailerError } = await connectorFailure(logtoTenant(connectorFactory(), config).send({ to: 'ada@example.com', type: TemplateType.SignIn, payload: { code: '1' } }));
      expect(error.code).toBe(ConnectorErrorCodes.General);
      expect(mailerError).toMatchObject({ code: 'AuthFailed', responseCode: 535, retryable: false });
      expect(leakedSecrets(shown(error), { password: 'Wrong-9dKq3Vx7Lp', saved: PASSWORD }, { window: 8 })).toEqual([]);
    });

    it('a refused recipient: general, Rejected with the 550', async () => {
      const s = await sink({ onRcptTo: (to) => (to.startsWith('nobody@') ? { code: 550, message: 'No such user' } : undefined) });
      const { error, mailerError } = await connectorFailure(
        logtoTenant(connectorFactory(), smtpConfig(s.port)).send({ to: 'nobody@example.com', type: TemplateType.SignIn, payload: { code: '1' } }),
      );
      expect(error.code).toBe(ConnectorErrorCodes.General);
      expect(mailerError).toMatchObject({ code: 'Rejected', responseCode: 550, retryable: false });
      expect(error.message).toContain('No such user');
    });

    it('a server that is unavailable: general, Unavailable and retryable, after the retries', async () => {
      const s = await sink({ onConnect: () => ({ code: 421, message: 'Try again later' }) });
      const factory = connectorFactory({ mailerOptions: { retry: { attempts: 2, baseDelay: 1, maxDelay: 1 } } });
      const { error, mailerError } = await connectorFailure(logtoTenant(factory, smtpConfig(s.port)).send({ to: 'ada@example.com', type: TemplateType.SignIn, payload: { code: '1' } }));
      expect(error.code).toBe(ConnectorErrorCodes.General);
      expect(mailerError).toMatchObject({ code: 'Unavailable', retryable: true, attempts: 2 });
    });

    it.each([
      ['a bad saved config', { port: 70000 }, {}, ConnectorErrorCodes.InvalidConfig, 'InvalidConfig'],
      ['a template that does not compile', { templates: [{ usageType: 'SignIn', contentType: 'text/plain', subject: 's', content: '{{#code}}' }] }, {}, ConnectorErrorCodes.InvalidConfig, 'TemplateSyntax'],
      ['a template using a variable Logto does not send', { templates: [{ usageType: 'SignIn', contentType: 'text/plain', subject: 's', content: '{{magic}}' }] }, {}, ConnectorErrorCodes.InvalidConfig, 'MissingVariable'],
      ['no template and no Generic (built-ins off)', { templates: [{ usageType: 'Register', contentType: 'text/plain', subject: 's', content: '{{code}}' }] }, { mailerOptions: { useDefaultTemplates: false } }, ConnectorErrorCodes.TemplateNotFound, 'TemplateNotFound'],
    ] as const)('%s: %s', async (_name, extra, options, connectorCode, mailerCode) => {
      const s = await sink();
      const { error, mailerError } = await connectorFailure(
        logtoTenant(connectorFactory(options), smtpConfig(s.port, extra)).send({ to: 'ada@example.com', type: TemplateType.SignIn, payload: { code: '1' } }),
      );
      expect([error.code, mailerError.code]).toEqual([connectorCode, mailerCode]);
      expect(shown(error)).not.toContain(PASSWORD);
    });

    it('an address that is not one: invalid_request_parameters, InvalidRecipient', async () => {
      const s = await sink();
      const { error, mailerError } = await connectorFailure(
        logtoTenant(connectorFactory(), smtpConfig(s.port)).send({ to: 'a@example.com, b@example.com', type: TemplateType.SignIn, payload: { code: '1' } }),
      );
      expect([error.code, mailerError.code]).toEqual([ConnectorErrorCodes.InvalidRequestParameters, 'InvalidRecipient']);
      expect(s.messages).toEqual([]);
    });

    it("lets Logto's own errors from getConfig through as they are", async () => {
      const notFound = new Error('entity.not_found');
      const connector = await connectorFactory()({ getConfig: () => Promise.reject(notFound) });
      await expect(connector.sendMessage({ to: 'ada@example.com', type: TemplateType.SignIn, payload: { code: '1' } })).rejects.toBe(notFound);
    });
  });
});
