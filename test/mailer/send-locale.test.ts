import { describe, expect, it } from 'vitest';
import { createMailer, type Mailer, type TemplateDefinition, type TemplateStore } from '../../src/index.js';
import { sinkPerTest } from '../helpers/sink-per-test.js';

const { sink, keep } = sinkPerTest();

const plain = (usageType: string, locale: string | undefined, subject: string): TemplateDefinition => ({
  usageType,
  contentType: 'text/plain',
  subject,
  content: '{{code}}',
  ...(locale === undefined ? {} : { locale }),
});

/** A store holding `templates`, matching the locale it is asked for exactly, as a database would. */
function exactStore(templates: TemplateDefinition[]): TemplateStore & { asked: (string | undefined)[] } {
  const asked: (string | undefined)[] = [];
  return {
    asked,
    async findTemplate(usageType, locale) {
      asked.push(locale);
      return templates.find((template) => template.usageType === usageType && template.locale === locale) ?? null;
    },
  };
}

function mailerOnSink(templates: TemplateDefinition[], templateStore?: TemplateStore): Mailer {
  const mailer = keep(createMailer({ ...sink().config, fromEmail: 'no-reply@acme.test', templates }, templateStore ? { templateStore } : {}));
  return mailer;
}

async function subjectSentFor(target: Mailer, locale: unknown): Promise<string | undefined> {
  sink().clear();
  await target.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1', locale: locale as string } });
  const [received] = await sink().waitForMessages(1);
  return received?.subject;
}

describe('the locale of a send', () => {
  it('is canonicalized before the store is asked: pt-br finds the store’s pt-BR template', async () => {
    const store = exactStore([plain('SignIn', 'pt-BR', 'store pt-BR'), plain('SignIn', 'zh-Hant-TW', 'store zh-Hant-TW')]);
    const target = mailerOnSink([plain('SignIn', undefined, 'config')], store);
    expect(await subjectSentFor(target, 'pt-br')).toBe('store pt-BR');
    expect(await subjectSentFor(target, 'PT_br')).toBe('store pt-BR');
    expect(await subjectSentFor(target, 'zh-hant-tw')).toBe('store zh-Hant-TW');
  });

  it('may be an Accept-Language list, tried in order of preference', async () => {
    const target = mailerOnSink([plain('SignIn', 'en', 'en'), plain('SignIn', 'pt', 'pt'), plain('SignIn', undefined, 'none')]);
    expect(await subjectSentFor(target, 'pt-BR,pt;q=0.9,en;q=0.8')).toBe('pt');
    expect(await subjectSentFor(target, 'de-DE, en;q=0.5, pt;q=0.7')).toBe('pt');
    expect(await subjectSentFor(target, 'fr;q=0.9, *;q=0.1')).toBe('none');
  });

  it('never reaches the store when malformed, and the send goes out in the fallback locale', async () => {
    const store = exactStore([]);
    const target = mailerOnSink([plain('SignIn', 'en', 'en'), plain('SignIn', undefined, 'fallback')], store);
    for (const locale of ['../../etc/passwd', 'pt-BR\r\nBcc: eve@evil.test', '-'.repeat(20_000), 'en'.repeat(200), 42, { tag: 'en' }]) {
      store.asked.length = 0;
      sink().clear();
      const result = await target.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1', locale: locale as string } });
      const [received] = await sink().waitForMessages(1);
      expect(received?.subject).toBe('fallback');
      expect(result.template).toEqual({ usageType: 'SignIn', source: 'config' });
      expect(store.asked).toEqual([undefined]); // SignIn without a locale; then the config's SignIn
    }
  });

  it('costs a bounded number of store lookups, however many tags it lists', async () => {
    const store = exactStore([]);
    const target = mailerOnSink([plain('SignIn', undefined, 'fallback')], store);
    const manyTags = Array.from({ length: 20 }, (_, index) => `x${String.fromCharCode(97 + index)}-Latn-US`).join(',');
    expect(await subjectSentFor(target, manyTags)).toBe('fallback');
    expect(store.asked.slice(0, 4)).toEqual(['xa-Latn-US', 'xa-Latn', 'xa', 'xb-Latn-US']);
    expect(store.asked.length).toBeLessThanOrEqual(2 * 9); // SignIn and Generic: at most 8 tags and no locale each
  });

  it('is reported with the template the send used: usage type, locale and source', async () => {
    const store = exactStore([plain('SignIn', 'pt', 'store pt')]);
    const target = mailerOnSink([plain('SignIn', 'en', 'config en'), plain('Generic', 'ja', 'config generic ja')], store);
    const send = (type: string, locale: string) => target.send({ to: 'ada@example.com', type, payload: { code: '1', locale } });
    expect((await send('SignIn', 'pt-BR')).template).toEqual({ usageType: 'SignIn', locale: 'pt', source: 'store' });
    expect((await send('SignIn', 'en-GB')).template).toEqual({ usageType: 'SignIn', locale: 'en', source: 'config' });
    expect((await send('Register', 'ja-JP')).template).toEqual({ usageType: 'Generic', locale: 'ja', source: 'config' });
    expect((await send('Register', 'de')).template).toEqual({ usageType: 'Register', locale: 'de', source: 'builtin' });
    expect((await send('Register', 'fi')).template).toEqual({ usageType: 'Register', source: 'builtin' });
  });
});
