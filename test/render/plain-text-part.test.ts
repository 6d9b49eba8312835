import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MailerError } from '../../src/errors/mailer-error.js';
import { compileTemplate } from '../../src/render/compile-template.js';
import { htmlToPlainText, loadPlainTextConverter } from '../../src/render/html-to-plain-text.js';
import type * as HtmlToPlainTextModule from '../../src/render/html-to-plain-text.js';
import type { TemplatePayload } from '../../src/types/template.js';

// Counts conversions, so a test can tell the compile-time path from per-send derivation.
vi.mock('../../src/render/html-to-plain-text.js', async (importOriginal) => {
  const actual = await importOriginal<typeof HtmlToPlainTextModule>();
  return { ...actual, htmlToPlainText: vi.fn(actual.htmlToPlainText) };
});
const conversions = vi.mocked(htmlToPlainText);

function htmlTemplate(content: string) {
  return compileTemplate({ usageType: 'ForgotPassword', contentType: 'text/html', subject: 'Reset', content });
}

const RESET = [
  '<!doctype html><html><head><title>Reset</title><style>p { color: red }</style></head><body>',
  '<h1>Hello {{name}}</h1>',
  '<p>Your code is <strong>{{code}}</strong>.</p>',
  '<p><a href="{{link}}">Reset password</a></p>',
  '<ul><li>Valid for {{minutes}} minutes</li><li>Ignore this mail if it was not you</li></ul>',
  '<img src="https://example.com/logo.png" alt="Example">',
  '</body></html>',
].join('');

// Runs first: vitest gives each test file its own module graph, so the converter is not loaded yet.
describe('before the plain-text converter is loaded', () => {
  it('compiles an HTML template without text, and only its render needs the converter', () => {
    const template = htmlTemplate(RESET);
    expect(template.derivesText).toBe(true);
    expect(conversions).not.toHaveBeenCalled();
    const error = (() => {
      try {
        template.render({ name: 'Ada', code: '1', link: 'https://example.com', minutes: 5 });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(MailerError);
    expect((error as MailerError).code).toBe('Unavailable');
  });

  it('does not need it for a template with a text part, nor for a plain-text one', () => {
    const withText = compileTemplate({ usageType: 'SignIn', contentType: 'text/html', subject: 's', content: '<p>{{code}}</p>', text: '{{code}}' });
    const plain = compileTemplate({ usageType: 'SignIn', contentType: 'text/plain', subject: 's', content: '{{code}}' });
    expect([withText.derivesText, plain.derivesText]).toEqual([false, false]);
    expect(withText.render({ code: 7 })).toEqual({ subject: 's', text: '7', html: '<p>7</p>' });
    expect(plain.render({ code: 7 })).toEqual({ subject: 's', text: '7' });
  });

  it('loads once: concurrent and later calls share one load', async () => {
    const first = loadPlainTextConverter();
    expect(loadPlainTextConverter()).toBe(first);
    await first;
    expect(loadPlainTextConverter()).toBe(first);
    expect(htmlToPlainText('<p>a</p><p>b</p>')).toBe('a\n\nb');
  });
});

describe('htmlToPlainText', () => {
  beforeAll(() => loadPlainTextConverter());

  it('keeps links with their URL, drops images, head and styles, does not wrap', () => {
    const long = 'word '.repeat(40).trim();
    const text = htmlToPlainText(
      `<html><head><style>p{}</style></head><body><h2>Title</h2><p>${long}</p>` +
        '<p><a href="https://example.com/r?a=1&amp;b=2">Reset password</a><img src="x.png" alt="logo"></p></body></html>',
    );
    expect(text).toBe(`Title\n\n${long}\n\nReset password [https://example.com/r?a=1&b=2]`);
  });

  it('writes "..." for what is nested more than 256 elements deep, instead of overflowing the stack', () => {
    const nest = (depth: number, inner: string): string => `${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}`;
    expect(htmlToPlainText(`<p>Code 1</p>${nest(256, 'kept')}`)).toBe('Code 1\n\nkept');
    expect(htmlToPlainText(`<p>Code 1</p>${nest(257, 'cut')}<p>after</p>`)).toBe('Code 1\n\n...\n\nafter');
    expect(htmlToPlainText(`<p>Code 1</p>${nest(20_000, 'cut')}<p>after</p>`)).toBe('Code 1\n\n...\n\nafter');
    expect(htmlToPlainText(`<p>Code 1</p>${'<table><tr><td>'.repeat(5_000)}cut`)).toBe('Code 1\n\n...');
  });
});

describe('the plain-text part of an HTML template without text', () => {
  beforeAll(() => loadPlainTextConverter());
  beforeEach(() => conversions.mockClear());

  it('is converted once, at the first render, for a template of text and escaped variables', () => {
    const template = htmlTemplate(RESET);
    expect(conversions).not.toHaveBeenCalled();
    const payload = { name: 'Ada', code: 'aB3xY9', link: 'https://example.com/reset?t=1&u=2', minutes: 10 };
    const rendered = template.render(payload);
    const again = template.render({ ...payload, name: 'Ada <Lovelace>' });
    expect(conversions).toHaveBeenCalledTimes(1);
    expect(rendered.text).toBe(
      'Hello Ada\n\nYour code is aB3xY9.\n\nReset password [https://example.com/reset?t=1&u=2]\n\n' +
        ' * Valid for 10 minutes\n * Ignore this mail if it was not you',
    );
    expect(rendered.text).toBe(htmlToPlainText(rendered.html ?? ''));
    expect(again.text).toBe(htmlToPlainText(again.html ?? ''));
    expect(again.text).toContain('Hello Ada <Lovelace>');
  });

  it.each([
    ['a section', '<p>{{#link}}<a href="{{link}}">open</a>{{/link}}</p>'],
    ['a raw variable', '<p>{{{banner}}}</p>'],
    ['a variable in another attribute', '<p title="{{name}}">hi</p>'],
    ['a variable in an unquoted attribute', '<a href={{link}}>open</a>'],
    ['a variable after &', '<p>&{{entity}}</p>'],
    ['a variable after <', '<p><{{tag}}>x</p>'],
    ['a variable in a comment', '<p>hi<!-- {{name}} --></p>'],
  ])('is derived per send for %s', (_label, content) => {
    htmlTemplate(content).render({ link: 'x', banner: '<b>x</b>', name: 'n', entity: 'amp;', tag: 'b' });
    expect(conversions).toHaveBeenCalledTimes(1);
  });

  it('falls back to per-send derivation for a value the conversion would change', () => {
    const template = htmlTemplate('<p>Hello {{name}}</p><p><a href="{{link}}">open</a></p>');
    template.render({ name: 'Ada', link: 'https://example.com' }); // the one-time conversion
    conversions.mockClear();
    const rendered = template.render({ name: '  Ada\n  Lovelace ', link: '#top' });
    expect(conversions).toHaveBeenCalledTimes(1);
    expect(rendered.text).toBe('Hello Ada Lovelace\n\nopen');
  });

  const fragment = fc.constantFrom(
    '<p>', '</p>', '<h1>', '</h1>', '<br>', '<div>', '</div>', '<ul><li>', '</li></ul>', '<table><tr><td>',
    '</td></tr></table>', '<a href="{{link}}">', '<a href="https://x.example/{{b}}">', '</a>', '<img src="{{b}}" alt="{{a}}">',
    '<b title="{{a}}">', '</b>', '<pre>', '</pre>', 'Hello ', ' ', '\n', 'text', '&amp;', '&', '<', '</', '<!-- {{a}} -->',
    '{{a}}', '{{b}}', '{{code}}', '{{link}}', '{{{a}}}', '{{#a}}<p>{{a}}</p>{{/a}}', '{{^b}}none{{/b}}',
  );
  const value = fc.oneof(
    fc.constantFrom(
      'Ada', 'Ada Lovelace', ' lead', 'trail ', 'a  b', 'a\nb', '', '#frag', 'mailto:a@example.com',
      'https://x.example/r?t=1&u=2', '<b>bold</b>', '&amp;', 'lt;', 'a\u00a0b', 'ÉCOLE', 'x\u200by', 42, 0, true, false,
    ),
    fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
  );

  it('gives the same text as converting the rendered HTML, for generated templates and values', () => {
    let fastRenders = 0;
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 14 }), fc.record({ a: value, b: value, code: value, link: value }), (parts, payload) => {
        const template = htmlTemplate(parts.join(''));
        template.render(payload as TemplatePayload); // the first render also converts the template once
        conversions.mockClear();
        const rendered = template.render(payload as TemplatePayload);
        if (conversions.mock.calls.length === 0) fastRenders++;
        expect(rendered.text).toBe(htmlToPlainText(rendered.html ?? ''));
      }),
      { numRuns: 1000 },
    );
    expect(fastRenders).toBeGreaterThan(100);
  });
});
