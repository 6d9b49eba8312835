import { describe, expect, it } from 'vitest';
import { createMailer, type TemplateStore } from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/index.js';

const config = {
  host: 'smtp.example.com',
  fromEmail: 'Acme <no-reply@acme.test>',
  templates: [{ usageType: 'Generic', contentType: 'text/plain', subject: 'Your code', content: 'Code {{code}}' }],
};

describe('the message the mailer composes', () => {
  it('carries the usage type the send asked for, also when Generic stood in', async () => {
    const transport = new MemoryTransport();
    const mailer = createMailer(config, { transport });
    await mailer.send({ to: 'ada@example.com', type: 'MfaVerification', payload: { code: '42' } });
    expect(transport.find({ usageType: 'MfaVerification' })?.text).toBe('Code 42');
  });

  it('render returns the message send would send, without sending', async () => {
    const transport = new MemoryTransport();
    const mailer = createMailer(config, { transport });
    const preview = await mailer.render({ type: 'SignIn', payload: { code: '7' } });
    expect(preview).toMatchObject({ from: 'Acme <no-reply@acme.test>', subject: 'Your code', text: 'Code 7' });
    expect(preview.to).toBeUndefined();
    expect(transport.messages).toHaveLength(0);
  });

  it('asks the template store first, with the locale chain, and falls back to the config', async () => {
    const asked: Array<[string, string | undefined]> = [];
    const templateStore: TemplateStore = {
      async findTemplate(usageType, locale) {
        asked.push([usageType, locale]);
        return usageType === 'SignIn' && locale === 'pt'
          ? { usageType, locale, contentType: 'text/plain', subject: 'Seu código', content: 'Código {{code}}' }
          : undefined;
      },
    };
    const transport = new MemoryTransport();
    const mailer = createMailer(config, { transport, templateStore });
    await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1', locale: 'pt-BR' } });
    await mailer.send({ to: 'ada@example.com', type: 'Register', payload: { code: '2', locale: 'de' } });
    expect(transport.messages.map((message) => message.subject)).toEqual(['Seu código', 'Your code']);
    expect(asked.slice(0, 2)).toEqual([
      ['SignIn', 'pt-BR'],
      ['SignIn', 'pt'],
    ]);
  });

  it("renders the fields of an ORM row, which are getters on its class's prototype", async () => {
    class VerificationRow {
      readonly #columns = { code: '314159', locale: 'pt-BR', user: { name: 'Ada' } };
      get code(): string {
        return this.#columns.code;
      }
      get locale(): string {
        return this.#columns.locale;
      }
      get user(): { name: string } {
        return this.#columns.user;
      }
    }
    const templates = [
      { usageType: 'Generic', contentType: 'text/plain', subject: 'Your code', content: 'Code {{code}}' },
      { usageType: 'SignIn', locale: 'pt', contentType: 'text/plain', subject: 'Olá {{user.name}}', content: 'Código {{code}}' },
    ];
    const transport = new MemoryTransport();
    const mailer = createMailer({ ...config, templates }, { transport });
    await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: new VerificationRow() as never });
    expect(transport.messages[0]).toMatchObject({ subject: 'Olá Ada', text: 'Código 314159' });
  });
});
