import type { GetI18nEmailTemplate } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';
import { createMailer } from '../../src/index.js';
import { i18nTemplateStore } from '../../src/logto/i18n-template-store.js';
import { MemoryTransport } from '../../src/testing/index.js';

const config = {
  host: '127.0.0.1',
  fromEmail: 'Acme <no-reply@acme.test>',
  replyTo: 'support@acme.test',
  templates: [{ usageType: 'Generic', contentType: 'text/plain', subject: 'Config template', content: 'Code {{code}}' }],
};

async function sendWith(getI18nEmailTemplate: GetI18nEmailTemplate) {
  const transport = new MemoryTransport();
  const mailer = createMailer(config, { transport, templateStore: i18nTemplateStore(getI18nEmailTemplate) });
  await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456', locale: 'fr' } });
  await mailer.close();
  return transport.messages[0];
}

describe("Logto's email templates as a template store", () => {
  it('asks Logto by usage type and locale, and takes a template without contentType as HTML', async () => {
    const asked: Array<[string, string | undefined]> = [];
    const message = await sendWith(async (type, tag) => {
      asked.push([type, tag]);
      return { subject: 'Votre code', content: '<p>{{code}}</p>' };
    });
    expect(asked).toEqual([['SignIn', 'fr']]);
    expect(message).toMatchObject({ subject: 'Votre code', html: '<p>123456</p>' });
  });

  it("leaves out a sendFrom or replyTo holding Logto's {{...}} tags, keeping a plain one", async () => {
    const tagged = await sendWith(async () => ({ subject: 's', content: 'c', contentType: 'text/plain', sendFrom: '{{application.name}} <no-reply@acme.test>', replyTo: '{{user.primaryEmail}}' }));
    expect(tagged).toMatchObject({ from: 'Acme <no-reply@acme.test>', replyTo: 'support@acme.test' });
    const plain = await sendWith(async () => ({ subject: 's', content: 'c', contentType: 'text/plain', sendFrom: 'Acme Team <team@acme.test>' }));
    expect(plain?.from).toBe('Acme Team <team@acme.test>');
  });

  it("falls back on the config's templates when Logto has none, or its lookup throws, as the SMTP connector does", async () => {
    expect((await sendWith(async () => undefined))?.subject).toBe('Config template');
    expect((await sendWith(() => Promise.reject(new Error('database down'))))?.subject).toBe('Config template');
  });
});
