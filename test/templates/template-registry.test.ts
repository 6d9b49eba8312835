import { describe, expect, it, vi } from 'vitest';
import { MailerError } from '../../src/errors/mailer-error.js';
import { parseStoredTemplate } from '../../src/config/parse-stored-template.js';
import { TemplateRegistry, type CheckedTemplateStore } from '../../src/templates/template-registry.js';
import type { TemplateDefinition, TemplateStore } from '../../src/types/template.js';

function template(usageType: string, locale?: string, subject = `${usageType}/${locale ?? '-'}`): TemplateDefinition {
  return { usageType, contentType: 'text/plain', subject, content: 'Code {{code}}', ...(locale ? { locale } : {}) };
}

/** A store backed by a list, recording every lookup; returns a fresh copy each time, as a database does. */
function listStore(templates: TemplateDefinition[]): TemplateStore & { calls: [string, string | undefined][] } {
  const calls: [string, string | undefined][] = [];
  return {
    calls,
    async findTemplate(usageType, locale) {
      calls.push([usageType, locale]);
      const found = templates.find((t) => t.usageType === usageType && t.locale === locale);
      return found && { ...found };
    },
  };
}

async function subjectOf(registry: TemplateRegistry, type: string, locale: string | undefined): Promise<string> {
  return (await registry.find(type, locale)).template.render({ code: '1' }).subject;
}

async function rejection(promise: Promise<unknown>): Promise<MailerError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MailerError);
  return error as MailerError;
}

/** A store as the factory hands it to the registry: with the config's template checks. */
const checked = (templateStore: TemplateStore): CheckedTemplateStore => ({ templateStore, check: parseStoredTemplate });

describe('TemplateRegistry with config templates only', () => {
  const registry = new TemplateRegistry([
    template('SignIn'),
    template('SignIn', 'pt'),
    template('SignIn', 'pt-BR'),
    template('SignIn', 'zh-Hant'),
    template('Generic'),
    template('Generic', 'fr'),
  ]);

  it('tries the exact locale, then the language, then no locale', async () => {
    expect(await subjectOf(registry, 'SignIn', 'pt-BR')).toBe('SignIn/pt-BR');
    expect(await subjectOf(registry, 'SignIn', 'pt-PT')).toBe('SignIn/pt');
    expect(await subjectOf(registry, 'SignIn', 'de')).toBe('SignIn/-');
    expect(await subjectOf(registry, 'SignIn', undefined)).toBe('SignIn/-');
    expect(await subjectOf(registry, 'SignIn', '')).toBe('SignIn/-');
    expect(await subjectOf(registry, 'SignIn', 42 as unknown as string)).toBe('SignIn/-');
  });

  it('matches locales case-insensitively, with _ as -, shortening one subtag at a time', async () => {
    expect(await subjectOf(registry, 'SignIn', 'pt-br')).toBe('SignIn/pt-BR');
    expect(await subjectOf(registry, 'SignIn', 'PT_br')).toBe('SignIn/pt-BR');
    expect(await subjectOf(registry, 'SignIn', 'zh-hant-TW')).toBe('SignIn/zh-Hant');
  });

  it('falls back to Generic by the same chain', async () => {
    expect(await subjectOf(registry, 'Register', 'fr-CA')).toBe('Generic/fr');
    expect(await subjectOf(registry, 'Register', 'de')).toBe('Generic/-');
    const found = await registry.find('Register', 'fr');
    expect(found.template.definition.usageType).toBe('Generic');
    expect(found.choice).toEqual({ usageType: 'Generic', locale: 'fr', source: 'config' });
  });

  it('resolves to the same compiled template every time', async () => {
    expect(await registry.find('SignIn', 'pt-BR')).toBe(await registry.find('SignIn', 'PT-BR'));
  });

  it('rejects with TemplateNotFound when neither the type nor Generic has a template', async () => {
    const error = await rejection(new TemplateRegistry([template('SignIn', 'en')]).find('Register', 'en'));
    expect(error.code).toBe('TemplateNotFound');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('"Register" (locale "en")');
    expect(error.message).toContain('Generic');
    const wrongLocale = await rejection(new TemplateRegistry([template('SignIn', 'en')]).find('SignIn', 'de'));
    expect(wrongLocale.code).toBe('TemplateNotFound');
  });

  it('keeps the first of two config templates for the same type and locale', async () => {
    const twice = new TemplateRegistry([template('SignIn', 'en', 'first'), template('SignIn', 'EN', 'second')]);
    expect(await subjectOf(twice, 'SignIn', 'en')).toBe('first');
  });

  it('compiles config templates at construction, throwing TemplateSyntax', () => {
    const broken = { ...template('SignIn', 'en'), content: 'Code {{code' };
    expect(() => new TemplateRegistry([template('Generic'), broken])).toThrow(
      expect.objectContaining({ code: 'TemplateSyntax', message: expect.stringContaining('"SignIn" (locale "en")') }),
    );
  });
});

describe('TemplateRegistry with a template store', () => {
  it('asks the store first, by exact locale, language and no locale, before the config', async () => {
    const store = listStore([template('SignIn', undefined, 'store')]);
    const registry = new TemplateRegistry([template('SignIn', 'pt-BR', 'config')], checked(store));
    expect(await subjectOf(registry, 'SignIn', 'pt-BR')).toBe('store');
    expect(store.calls).toEqual([
      ['SignIn', 'pt-BR'],
      ['SignIn', 'pt'],
      ['SignIn', undefined],
    ]);
  });

  it('then the config’s templates, then Generic from the store and the config', async () => {
    const store = listStore([template('Generic', 'pt', 'store generic')]);
    const registry = new TemplateRegistry([template('SignIn', 'en', 'config'), template('Generic', undefined, 'config generic')], checked(store));
    expect(await subjectOf(registry, 'SignIn', 'en-GB')).toBe('config');
    store.calls.length = 0;
    expect(await subjectOf(registry, 'Register', 'pt-BR')).toBe('store generic');
    expect(store.calls).toEqual([
      ['Register', 'pt-BR'],
      ['Register', 'pt'],
      ['Register', undefined],
      ['Generic', 'pt-BR'],
      ['Generic', 'pt'],
    ]);
    expect(await subjectOf(registry, 'Register', 'de')).toBe('config generic');
    const error = await rejection(new TemplateRegistry([], checked(store)).find('Register', 'de'));
    expect(error.code).toBe('TemplateNotFound');
  });

  it('compiles a store template once when the store returns fresh objects with the same content', async () => {
    const store = listStore([template('SignIn', 'en', 'store')]);
    const registry = new TemplateRegistry([], checked(store));
    const first = await registry.find('SignIn', 'en');
    const second = await registry.find('SignIn', 'en');
    expect(second.template).toBe(first.template);
  });

  it('bounds its cache of store templates, forgetting the least recently used', async () => {
    let subject = 'first';
    const registry = new TemplateRegistry([], checked({ findTemplate: async () => template('SignIn', 'en', subject) }));
    const { template: first } = await registry.find('SignIn', 'en');
    for (let index = 0; index < 300; index++) {
      subject = `other ${index}`;
      await registry.find('SignIn', 'en');
    }
    subject = 'first';
    const { template: again } = await registry.find('SignIn', 'en');
    expect(again).not.toBe(first);
    expect(again.render({ code: '1' }).subject).toBe('first');
    expect((await registry.find('SignIn', 'en')).template).toBe(again);
  });

  it('recompiles when the store’s template changes, even in the same object', async () => {
    const stored = template('SignIn', 'en', 'before');
    const registry = new TemplateRegistry([], checked({ findTemplate: async () => stored }));
    expect(await subjectOf(registry, 'SignIn', 'en')).toBe('before');
    stored.subject = 'after';
    expect(await subjectOf(registry, 'SignIn', 'en')).toBe('after');
  });

  it('wraps a failing store as a retryable Unavailable error with its cause', async () => {
    const cause = new Error('connection refused');
    const registry = new TemplateRegistry([template('SignIn')], checked({
      findTemplate: vi.fn(async () => {
        throw cause;
      }),
    }));
    const error = await rejection(registry.find('SignIn', 'en'));
    expect(error.code).toBe('Unavailable');
    expect(error.retryable).toBe(true);
    expect(error.cause).toBe(cause);
    expect(error.message).toContain('template store failed');
    expect(error.message).toContain('"SignIn" (locale "en")');
  });

  it('keeps a MailerError thrown by the store', async () => {
    const thrown = new MailerError('TemplateNotFound', 'nothing here');
    const registry = new TemplateRegistry([], checked({ findTemplate: async () => Promise.reject(thrown) }));
    expect(await rejection(registry.find('SignIn', undefined))).toBe(thrown);
  });

  it('rejects a malformed store template with InvalidConfig, as the same template in the config', async () => {
    const bad = { usageType: 'SignIn', contentType: 'text/markdown', subject: 's', content: 'c' } as unknown as TemplateDefinition;
    const malformed = await rejection(new TemplateRegistry([], checked({ findTemplate: async () => bad })).find('SignIn', 'en'));
    expect(malformed.code).toBe('InvalidConfig');
    expect(malformed.message).toContain('Invalid template "SignIn" (locale "en") from the template store (1 problem):');
    expect(malformed.issues).toEqual([{ path: 'contentType', message: 'must be `text/plain` or `text/html`; got another string' }]);
  });

  it('rejects a store template that does not compile with TemplateSyntax naming it', async () => {
    const broken = { ...template('SignIn', 'en'), content: '{{#x}}' };
    const unclosed = await rejection(new TemplateRegistry([], checked({ findTemplate: async () => broken })).find('SignIn', 'en'));
    expect(unclosed.code).toBe('TemplateSyntax');
    expect(unclosed.message).toContain('Unclosed section');
  });
});

describe('built-in templates', () => {
  const builtIn = [template('SignIn', undefined, 'built-in'), template('SignIn', 'ja', 'built-in ja'), template('Generic', undefined, 'built-in generic')];

  it("are used only where neither the config's type nor its Generic applies", async () => {
    const registry = new TemplateRegistry([template('SignIn', undefined, 'own'), template('Generic', 'fr', 'own generic fr')], undefined, builtIn);
    expect((await registry.find('SignIn', 'ja')).template.definition.subject).toBe('own');
    expect((await registry.find('Register', 'fr')).template.definition.subject).toBe('own generic fr');
    expect((await registry.find('Register', 'de')).template.definition.subject).toBe('built-in generic');
  });

  it('come after the store too', async () => {
    const store = { findTemplate: async (type: string) => (type === 'Generic' ? template('Generic', undefined, 'stored generic') : undefined) };
    const registry = new TemplateRegistry([], checked(store), builtIn);
    expect((await registry.find('SignIn', 'ja')).template.definition.subject).toBe('stored generic');
  });

  it('fill a config with no templates, by locale', async () => {
    const registry = new TemplateRegistry([], undefined, builtIn);
    expect((await registry.find('SignIn', 'ja-JP')).template.definition.subject).toBe('built-in ja');
    expect((await registry.find('SignIn', 'en')).template.definition.subject).toBe('built-in');
  });
});

describe('templates are compiled when needed', () => {
  it('compiles a built-in template on its first lookup, not at construction', async () => {
    const broken = { ...template('SignIn', undefined, 'broken'), content: '{{#x}}' };
    const registry = new TemplateRegistry([], undefined, [broken, template('Generic')]);
    expect((await registry.find('Register', undefined)).template.definition.subject).toBe('Generic/-');
    const error = await rejection(registry.find('SignIn', undefined));
    expect(error.code).toBe('TemplateSyntax');
    expect(error.message).toContain('Unclosed section');
  });

  it('compiles a built-in template once', async () => {
    const registry = new TemplateRegistry([], undefined, [template('SignIn')]);
    expect(await registry.find('SignIn', 'fr')).toBe(await registry.find('SignIn', undefined));
  });

  // This file never loads the plain-text converter itself: find must, before handing out a template
  // that derives its text part from its HTML.
  it.each([
    ['a config template', (html: TemplateDefinition) => new TemplateRegistry([html])],
    ['a store template', (html: TemplateDefinition) => new TemplateRegistry([], checked({ findTemplate: async () => ({ ...html }) }))],
    ['a built-in template', (html: TemplateDefinition) => new TemplateRegistry([], undefined, [html])],
  ])('resolves %s without text ready to render its derived text part', async (_label, registryFor) => {
    const html: TemplateDefinition = { usageType: 'SignIn', contentType: 'text/html', subject: 's', content: '<h1>Code</h1><p>{{code}}</p>' };
    const found = await registryFor(html).find('SignIn', undefined);
    expect(found.template.derivesText).toBe(true);
    expect(found.template.render({ code: '123456' })).toEqual({ subject: 's', text: 'Code\n\n123456', html: '<h1>Code</h1><p>123456</p>' });
  });
});

describe('built-in templates given as a loader', () => {
  it('loads them once, on the first lookup the config cannot answer, never before', async () => {
    let loads = 0;
    const registry = new TemplateRegistry([template('SignIn', undefined, 'own')], undefined, async () => {
      loads += 1;
      return [template('Register', undefined, 'built-in register')];
    });
    await registry.find('SignIn', undefined);
    expect(loads).toBe(0);
    const [first, second] = await Promise.all([registry.find('Register', undefined), registry.find('Register', 'de')]);
    expect([first.choice.source, second.choice.source]).toEqual(['builtin', 'builtin']);
    expect(loads).toBe(1);
  });

  it('reports a loader that fails as Unavailable, with its cause', async () => {
    const cause = new Error('chunk missing');
    const registry = new TemplateRegistry([], undefined, () => Promise.reject(cause));
    const error = await rejection(registry.find('SignIn', 'en'));
    expect(error).toMatchObject({ code: 'Unavailable', cause });
  });
});
