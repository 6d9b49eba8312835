import fc from 'fast-check';
import Mustache from 'mustache';
import { beforeAll, describe, expect, it } from 'vitest';
import { MailerError } from '../../src/errors/mailer-error.js';
import { compileTemplate } from '../../src/render/compile-template.js';
import { escapeHtml } from '../../src/render/escape-html.js';
import { loadPlainTextConverter } from '../../src/render/html-to-plain-text.js';
import type { TemplateDefinition, TemplatePayload } from '../../src/types/template.js';

// HTML templates without a text part derive it on render, which needs the converter loaded.
beforeAll(() => loadPlainTextConverter());

function html(content: string, extra: Partial<TemplateDefinition> = {}): TemplateDefinition {
  return { usageType: 'SignIn', contentType: 'text/html', subject: 'Sign in', content, ...extra };
}

function plain(content: string, extra: Partial<TemplateDefinition> = {}): TemplateDefinition {
  return { usageType: 'SignIn', contentType: 'text/plain', subject: 'Sign in', content, ...extra };
}

function errorOf(action: () => unknown): MailerError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(MailerError);
    return error as MailerError;
  }
  throw new Error('expected a MailerError');
}

const view = {
  name: 'Ada <admin> & "co" \'x\' /`=',
  code: 123456,
  zero: 0,
  no: false,
  yes: true,
  empty: '',
  user: { name: 'Ada', address: { city: 'Lyon' }, tags: ['a', 'b'] },
  items: [{ label: 'one' }, { label: '<two>' }],
  words: ['x', 'y'],
  none: [],
  nested: [[1, 2], [3]],
  link: 'https://example.com/reset?token=a&b=c',
};

const equivalenceCases: [string, string][] = [
  ['plain text', 'Hello there'],
  ['escaped variable', 'Hi {{name}}!'],
  ['triple mustache', 'Hi {{{name}}}!'],
  ['ampersand tag', 'Hi {{& name}}!'],
  ['spaces in tags', 'Hi {{ name }} {{{ name }}}'],
  ['number', 'Code {{code}} {{zero}}'],
  ['booleans and empty', '[{{no}}][{{yes}}][{{empty}}]'],
  ['dotted names', '{{user.name}} of {{user.address.city}}'],
  ['section over list', '<ul>{{#items}}<li>{{label}}</li>{{/items}}</ul>'],
  ['section over object', '{{#user}}{{name}} in {{address.city}}{{/user}}'],
  ['section over strings with dot', '{{#words}}[{{.}}]{{/words}}'],
  ['nested lists', '{{#nested}}({{#.}}{{.}},{{/.}}){{/nested}}'],
  ['context stack', '{{#items}}{{label}}/{{code}}/{{user.name}} {{/items}}'],
  ['truthy section keeps context', '{{#yes}}{{code}}{{/yes}}'],
  ['falsy section skipped', 'a{{#no}}{{code}}{{/no}}b{{#none}}x{{/none}}c{{#zero}}z{{/zero}}'],
  ['inverted sections', '{{^no}}no{{/no}}{{^none}}none{{/none}}{{^empty}}empty{{/empty}}{{^yes}}yes{{/yes}}{{^missing}}missing{{/missing}}'],
  ['string section', '{{#name}}{{.}}{{/name}}'],
  ['comment', 'a{{! a comment }}b'],
  ['standalone lines', 'Hello\n  {{#items}}\n  - {{label}}\n  {{/items}}\n{{! note }}\nBye\n'],
  ['set delimiters', '{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}'],
  ['link in attribute', '<a href="{{link}}">Reset</a>'],
  ['missing only in skipped section', '{{#no}}{{missing}}{{/no}}ok'],
];

/** Mustache given the renderer's escaping (`& < > " '` only, see escape-html.test.ts). */
const htmlEscape = { escape: (value: unknown) => escapeHtml(String(value)) };

describe('compileTemplate renders like Mustache.render', () => {
  it.each(equivalenceCases)('%s', (_label, template) => {
    expect(compileTemplate(html(template)).render(view).html).toBe(Mustache.render(template, view, {}, htmlEscape));
    expect(compileTemplate(plain(template)).render(view).text).toBe(
      Mustache.render(template, view, {}, { escape: (value: unknown) => String(value) }),
    );
  });
});

describe('escaping', () => {
  const payload = { name: `<script>alert("x")</script> & 'y' /\`=` };

  it('escapes & < > " \' in HTML content, and leaves / ` = as they are', () => {
    const { html: body } = compileTemplate(html('<p>{{name}}</p>')).render(payload);
    expect(body).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; /`=</p>');
    expect(body).not.toContain('<script');
  });

  it('lets {{{x}}} and {{& x}} opt out in HTML content', () => {
    const { html: body } = compileTemplate(html('{{{name}}}|{{& name}}')).render({ name: '<b>hi</b>' });
    expect(body).toBe('<b>hi</b>|<b>hi</b>');
  });

  it('escapes nested and listed values too', () => {
    const template = compileTemplate(html('{{user.name}}{{#list}}{{.}}{{/list}}{{list}}'));
    const { html: body } = template.render({ user: { name: '<a>' }, list: ['<b>', '<c>'] });
    expect(body).toBe('&lt;a&gt;&lt;b&gt;&lt;c&gt;&lt;b&gt;,&lt;c&gt;');
  });

  it('does not escape plain text content, the text field or the subject', () => {
    const payload2 = { name: 'Ada & <Co>' };
    expect(compileTemplate(plain('Hi {{name}}', { subject: 'For {{name}}' })).render(payload2)).toEqual({
      subject: 'For Ada & <Co>',
      text: 'Hi Ada & <Co>',
    });
    const rendered = compileTemplate(html('<p>{{name}}</p>', { subject: '{{name}}', text: 'Hi {{name}}' })).render(payload2);
    expect(rendered).toEqual({ subject: 'Ada & <Co>', text: 'Hi Ada & <Co>', html: '<p>Ada &amp; &lt;Co&gt;</p>' });
  });
});

describe('values', () => {
  it('renders a number code as its digits', () => {
    expect(compileTemplate(plain('{{code}}', { subject: 'Code {{code}}' })).render({ code: 42 })).toEqual({
      subject: 'Code 42',
      text: '42',
    });
  });

  it('keeps control characters out of the subject', () => {
    const { subject } = compileTemplate(plain('x', { subject: 'Hi {{name}}\n' })).render({
      name: 'Ada\r\nBcc: evil@example.com\u0000',
    });
    expect(subject).toBe('Hi Ada Bcc: evil@example.com');
  });

  it('calls function values with the current context as this', () => {
    const payload = {
      first: 'Ada',
      greeting(this: { first: string }) {
        return `Hello ${this.first}`;
      },
      people: [{ first: 'Bob' }],
    };
    const template = '{{greeting}};{{#people}}{{greeting}}{{/people}}';
    expect(compileTemplate(plain(template)).render(payload).text).toBe('Hello Ada;Hello Bob');
  });

  it('refuses a section whose function returns a function (a higher-order lambda), never dropping it', () => {
    const payload = { code: 7, bold: () => (text: string) => `<b>${text}</b>` };
    const error = errorOf(() => compileTemplate(plain('Hi {{#bold}}Code {{code}}{{/bold}}')).render(payload));
    expect(error.code).toBe('MissingVariable');
    expect(error.message).toContain('Cannot render {{#bold}}: its value is a function that returns a function');
    expect(error.message).toContain('Pass a list, an object, a string, a number or a boolean for bold in payload');
  });

  it('refuses a variable whose function returns a function, instead of calling it absent', () => {
    const error = errorOf(() => compileTemplate(plain('Hi {{name}}')).render({ name: () => () => '1' }));
    expect(error.code).toBe('MissingVariable');
    expect(error.message).toContain('Cannot render {{name}}: its value is a function that returns a function');
  });

  it('skips an inverted section over a function returning a function, as mustache does', () => {
    const template = 'a{{^lambda}}none{{/lambda}}b';
    const payload = { lambda: () => (text: string) => text };
    expect(compileTemplate(plain(template)).render(payload).text).toBe(Mustache.render(template, payload));
    expect(Mustache.render(template, payload)).toBe('ab');
  });

  it('does not reach inherited members of payload objects', () => {
    const error = errorOf(() => compileTemplate(plain('{{constructor}}{{toString}}')).render({}));
    expect(error.code).toBe('MissingVariable');
    expect(error.message).toContain('{{constructor}}, {{toString}}');
  });

  it('reaches the getters and methods a class instance inherits (an ORM row), as mustache does', () => {
    class Record {
      readonly #fields: { [field: string]: unknown };
      constructor(fields: { [field: string]: unknown }) {
        this.#fields = fields;
      }
      get id() {
        return this.#fields.id;
      }
    }
    class User extends Record {
      get name() {
        return this.#name();
      }
      greeting(this: User) {
        return `Hello ${this.name}`;
      }
      #name() {
        return 'Ada <Lovelace>';
      }
    }
    const payload = { code: 7, user: new User({ id: 3 }) };
    const template = '{{#user}}{{greeting}} #{{id}} {{code}}{{/user}} {{user.name}} {{user.id}}{{^user.name}}none{{/user.name}}';
    expect(compileTemplate(html(template)).render(payload).html).toBe(Mustache.render(template, payload, {}, htmlEscape));
    expect(compileTemplate(plain(template)).render(payload).text).toBe('Hello Ada <Lovelace> #3 7 Ada <Lovelace> 3');
  });

  it('still does not reach constructor, __proto__ or what every object inherits from Object.prototype', () => {
    class Row {
      get name() {
        return 'Ada';
      }
    }
    const template = compileTemplate(plain('{{#row}}{{constructor}}{{toString}}{{/row}}{{row.__proto__}}{{row.constructor.name}}{{row.hasOwnProperty}}'));
    const error = errorOf(() => template.render({ row: new Row() }));
    expect(error.message).toContain('{{constructor}}, {{toString}}, {{row.__proto__}}, {{row.constructor.name}}, {{row.hasOwnProperty}}');
  });

  it('does not reach what prototype pollution adds to Object.prototype', () => {
    const template = compileTemplate(plain('{{code}} {{polluted}}'));
    Object.defineProperty(Object.prototype, 'polluted', { value: 'injected', configurable: true, writable: true });
    try {
      expect(errorOf(() => template.render({ code: 1 })).message).toContain('it uses {{polluted}} but');
    } finally {
      delete (Object.prototype as { polluted?: unknown }).polluted;
    }
  });
});

describe('missing variables', () => {
  it('reports every variable the rendering reaches without a value', () => {
    const template = compileTemplate(html('{{code}} {{user.name}} {{link}}', { subject: 'Hi {{name}}' }));
    const error = errorOf(() => template.render({ code: '1', user: {}, link: null } as unknown as TemplatePayload));
    expect(error.code).toBe('MissingVariable');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('"SignIn"');
    expect(error.message).toContain('{{name}}, {{user.name}}, {{link}}');
    expect(error.message).toContain('Pass name, user.name, link in payload');
  });

  it('names the variable of an inverted section that would have left the missing one out', () => {
    const template = compileTemplate(plain('{{#link}}Open {{link}}{{/link}}{{^link}}Enter {{code}}{{/link}}'));
    expect(errorOf(() => template.render({})).message).toContain(
      'it uses {{code}} but the payload has no value for it. Pass code in payload, or link instead (null and undefined count as missing).',
    );
    // A link that is there but empty is no way out: only the code is named.
    expect(errorOf(() => template.render({ link: '' })).message).toContain('Pass code in payload (null');
    // Nor is a section that is missing itself.
    expect(errorOf(() => compileTemplate(plain('{{^link}}{{code}}{{/link}}{{link}}')).render({})).message).toContain('Pass code, link in payload (null');
  });

  it('names the locale and lists a repeated variable once', () => {
    const template = compileTemplate(plain('{{code}}{{code}}', { locale: 'pt-BR' }));
    const error = errorOf(() => template.render({ code: undefined }));
    expect(error.message).toContain('locale "pt-BR"');
    expect(error.message.match(/\{\{code\}\}/g)).toHaveLength(1);
  });

  it('does not require variables of skipped sections', () => {
    const template = compileTemplate(plain('{{#link}}Open {{link}} {{extra}}{{/link}}{{^link}}Code {{code}}{{/link}}'));
    expect(template.render({ code: '7' }).text).toBe('Code 7');
    expect(errorOf(() => template.render({ link: 'https://x' })).message).toContain('{{extra}}');
  });

  it('counts a variable present in an outer context as present', () => {
    expect(compileTemplate(plain('{{#items}}{{code}}{{/items}}')).render({ code: 5, items: [{}, {}] }).text).toBe('55');
  });

  it('treats false and the empty string as present', () => {
    expect(compileTemplate(plain('[{{a}}][{{b}}]')).render({ a: false, b: '' }).text).toBe('[false][]');
  });

  it('checks the text field of an HTML template', () => {
    const template = compileTemplate(html('<p>{{code}}</p>', { text: 'Code {{code}} {{link}}' }));
    expect(errorOf(() => template.render({ code: 1 })).message).toContain('{{link}}');
  });
});

describe('TemplateSyntax at compile time', () => {
  it.each([
    ['an unclosed tag', 'Hi {{name', 'content: Unclosed tag'],
    ['an unclosed section', '{{#items}}x', 'content: Unclosed section "items"'],
    ['an unopened section', 'x{{/items}}', 'content: Unopened section "items"'],
    ['a partial', 'Hi {{> header}}', 'content uses the partial {{> header}}'],
    ['an empty tag', 'Hi {{}}', 'content has an empty {{}} tag'],
  ])('rejects %s, naming the template and field', (_label, content, expected) => {
    const error = errorOf(() => compileTemplate(html(content, { usageType: 'ForgotPassword', locale: 'fr' })));
    expect(error.code).toBe('TemplateSyntax');
    expect(error.message).toContain('template "ForgotPassword" (locale "fr") does not compile');
    expect(error.message).toContain(expected);
  });

  it('rejects sections nested deeper than 100, naming the template and saying so', () => {
    const nested = (depth: number): string => `${'{{#a}}'.repeat(depth)}{{code}}${'{{/a}}'.repeat(depth)}`;
    const deepest = compileTemplate(plain(nested(100)));
    expect(deepest.render({ a: true, code: 7 }).text).toBe(Mustache.render(nested(100), { a: true, code: 7 }));
    for (const depth of [101, 5000]) {
      const error = errorOf(() => compileTemplate(html('ok', { subject: nested(depth), usageType: 'Register' })));
      expect(error.code).toBe('TemplateSyntax');
      expect(error.message).toContain('template "Register" (no locale) does not compile: subject nests sections');
      expect(error.message).toContain('more than 100 deep, at {{#a}}');
    }
  });

  it('compiles any mix of sections and inverted sections up to 100 deep, and rejects deeper ones', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('#', '^'), { minLength: 1, maxLength: 250, size: 'max' }), (sigils) => {
        const names = sigils.map((_, index) => `s${index}`);
        const source = `${sigils.map((sigil, index) => `{{${sigil}${names[index]}}}`).join('')}x${[...names].reverse().map((name) => `{{/${name}}}`).join('')}`;
        const payload = Object.fromEntries(names.map((name, index) => [name, sigils[index] === '#']));
        if (sigils.length <= 100) {
          expect(compileTemplate(plain(source)).render(payload).text).toBe(Mustache.render(source, payload));
        } else {
          expect(errorOf(() => compileTemplate(plain(source))).message).toContain(`more than 100 deep, at {{${sigils[100]}s100}}`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('names the subject and text fields', () => {
    expect(errorOf(() => compileTemplate(html('ok', { subject: '{{#a}}' }))).message).toContain('subject: Unclosed section');
    expect(errorOf(() => compileTemplate(html('ok', { text: '{{x' }))).message).toContain('text: Unclosed tag');
  });

  it('rejects a malformed definition', () => {
    const bad = { usageType: 'SignIn', contentType: 'text/markdown', subject: 's', content: 'c' };
    expect(errorOf(() => compileTemplate(bad as unknown as TemplateDefinition)).message).toContain('"text/markdown"');
    const noContent = { usageType: 'SignIn', contentType: 'text/plain', subject: 's' };
    expect(errorOf(() => compileTemplate(noContent as unknown as TemplateDefinition)).message).toContain('no content string');
  });
});

describe('the plain-text part', () => {
  it('is the content of a text/plain template, with no HTML', () => {
    const rendered = compileTemplate(plain('Code: {{code}}', { text: 'ignored' })).render({ code: '1' });
    expect(rendered).toEqual({ subject: 'Sign in', text: 'Code: 1' });
  });

  it('is derived from the HTML when the template has no text, links kept with their URL', () => {
    const template = compileTemplate(
      html('<h1>Hello {{name}}</h1><p>Follow <a href="{{link}}">Reset password</a>.</p><img src="https://x/logo.png" alt="Logo">'),
    );
    const payload: TemplatePayload = { name: 'ada', link: 'https://example.com/reset?t=1&u=2' };
    expect(template.render(payload).text).toBe('Hello ada\n\nFollow Reset password [https://example.com/reset?t=1&u=2].');
  });

  it('does not copy the definition’s later changes', () => {
    const definition = plain('{{code}}');
    const template = compileTemplate(definition);
    definition.content = 'changed';
    expect(template.render({ code: 1 }).text).toBe('1');
    expect(template.definition).toEqual(plain('{{code}}'));
  });
});
