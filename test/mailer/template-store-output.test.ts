import { describe, expect, it } from 'vitest';
import { createMailer, type Mailer, type TemplateDefinition, type TemplateStore } from '../../src/index.js';
import { failureOf } from '../helpers/failure-of.js';
import { sinkPerTest } from '../helpers/sink-per-test.js';

const { sink, keep } = sinkPerTest();

const signIn: TemplateDefinition = { usageType: 'SignIn', locale: 'pt-BR', contentType: 'text/plain', subject: 'Código', content: '{{code}}' };

/** A mailer on the sink() whose store answers `answer` for SignIn in pt-BR, and nothing else. */
function mailerWithStored(answer: unknown): Mailer {
  const templateStore: TemplateStore = {
    findTemplate: async (usageType, locale) =>
      usageType === 'SignIn' && locale === 'pt-BR' ? (answer as TemplateDefinition) : undefined,
  };
  const mailer = keep(createMailer(
    {
      ...sink().config,
      fromEmail: 'Acme <no-reply@acme.test>',
      templates: [{ usageType: 'Generic', contentType: 'text/plain', subject: 'Code', content: '{{code}}' }],
    },
    { templateStore, retry: { attempts: 1 } },
  ));
  return mailer;
}

const send = (target: Mailer) => target.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1', locale: 'pt-BR' } });

describe('a template from the store goes through the config’s checks', () => {
  it.each([
    ['a sendFrom without an address', { sendFrom: 'Acme Support' }, 'sendFrom'],
    ['a sendFrom adding a Bcc line', { sendFrom: 'Acme <no-reply@acme.test>\r\nBcc: eve@evil.test' }, 'sendFrom'],
    ['a sendFrom listing two addresses', { sendFrom: 'eve@evil.test, no-reply@acme.test' }, 'sendFrom'],
    ['a replyTo adding a header', { replyTo: 'help@acme.test\nX-Injected: 1' }, 'replyTo'],
    ['an unknown contentType', { contentType: 'text/markdown' }, 'contentType'],
    ['a locale that is not a tag', { locale: '../../etc/passwd' }, 'locale'],
    ['a missing subject', { subject: undefined }, 'subject'],
  ])('refuses %s with a non-retryable InvalidConfig naming the store, type and locale; nothing is sent', async (_label, change, path) => {
    const error = await failureOf(send(mailerWithStored({ ...signIn, ...change })));
    expect(error.code).toBe('InvalidConfig');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('template store');
    expect(error.message).toContain('"SignIn" (locale "pt-BR")');
    expect(error.issues?.map((issue) => issue.path)).toEqual([path]);
    expect(error.message).not.toContain('eve@evil.test');
    expect(sink().messages).toHaveLength(0);
  });

  it('refuses an answer that is not a template object, or whose fields throw when read', async () => {
    const throwing = Object.defineProperty({ ...signIn }, 'sendFrom', {
      enumerable: true,
      get() {
        throw new Error('getter exploded');
      },
    });
    for (const answer of ['SignIn template', 42, [signIn], throwing]) {
      const error = await failureOf(send(mailerWithStored(answer)));
      expect(error.code).toBe('InvalidConfig');
      expect(error.message).toContain('"SignIn" (locale "pt-BR")');
    }
    expect(sink().messages).toHaveLength(0);
  });

  it('sends a valid store template from its sendFrom, envelope and header alike', async () => {
    const result = await send(mailerWithStored({ ...signIn, sendFrom: 'Acme Support <support@acme.test>', replyTo: 'help@acme.test' }));
    const [received] = await sink().waitForMessages(1);
    expect(received?.envelope).toEqual({ from: 'support@acme.test', to: ['ada@example.com'] });
    expect(received?.from).toBe('Acme Support <support@acme.test>');
    expect(received?.replyTo).toBe('help@acme.test');
    expect(result.template).toEqual({ usageType: 'SignIn', locale: 'pt-BR', source: 'store' });
  });

  it('takes null, as databases return it, for no template', async () => {
    const result = await send(mailerWithStored(null));
    const [received] = await sink().waitForMessages(1);
    expect(received?.subject).toBe('Code');
    expect(result.template).toEqual({ usageType: 'Generic', source: 'config' });
  });
});

describe('createMailer refuses a template store without findTemplate', () => {
  it.each([
    ['an empty object', {}],
    ['findTemplate that is not a function', { findTemplate: 'SELECT * FROM templates' }],
    ['a string', 'templates'],
  ])('%s', (_label, templateStore) => {
    expect(() => createMailer({ ...sink().config, fromEmail: 'no-reply@acme.test' }, { templateStore: templateStore as unknown as TemplateStore })).toThrow(
      expect.objectContaining({
        code: 'InvalidConfig',
        issues: [expect.objectContaining({ path: 'templateStore' })],
      }),
    );
  });

  it('and takes null as no store', () => {
    const mailer = keep(createMailer({ ...sink().config, fromEmail: 'no-reply@acme.test' }, { templateStore: null as unknown as TemplateStore }));
    expect(mailer).toBeDefined();
  });
});
