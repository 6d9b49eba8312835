import fc from 'fast-check';
import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import { isMailerError } from '../../src/errors/mailer-error.js';
import { compileTemplate } from '../../src/render/compile-template.js';
import type { TemplatePayload } from '../../src/types/template.js';

const NAMES = ['a', 'b', 'list', 'a.b', 'b.a', 'list.a', '.'];

const text = fc.constantFrom('x', ' ', '\n', '  ', '<p>', '&', '"quoted"', "'", '/', '=`', 'é', '{', '}');
const name = fc.constantFrom(...NAMES);
const { template } = fc.letrec<{ template: string; part: string }>((tie) => ({
  template: fc.array(tie('part'), { maxLength: 8 }).map((parts) => parts.join('')),
  part: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    name.map((n) => `{{${n}}}`),
    name.map((n) => `{{{${n}}}}`),
    name.map((n) => `{{& ${n}}}`),
    fc.constant('{{! comment }}'),
    fc.tuple(fc.constantFrom('#', '^'), name, tie('template'), fc.boolean()).map(
      ([sigil, n, body, standalone]) =>
        standalone ? `\n{{${sigil}${n}}}\n${body}\n{{/${n}}}\n` : `{{${sigil}${n}}}${body}{{/${n}}}`,
    ),
  ),
}));

const { value: payloadValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('', 'Ada', '<b>&"\'/`=', 'x y', 0, 7, -1.5, true, false, null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.record({ a: tie('value'), b: tie('value'), list: tie('value') }, { requiredKeys: [], noNullPrototype: true }),
  ),
}));
const payload = fc.record({ a: payloadValue, b: payloadValue, list: payloadValue }, { requiredKeys: [], noNullPrototype: true });

/** Parses with mustache; when mustache rejects the template, compileTemplate must reject it too. */
function compilesLikeMustache(source: string): boolean {
  try {
    Mustache.parse(source);
    return true;
  } catch {
    expect(() => compileTemplate({ usageType: 'T', contentType: 'text/plain', subject: 's', content: source })).toThrow(
      expect.objectContaining({ code: 'TemplateSyntax' }),
    );
    return false;
  }
}

const plainEscape = { escape: (value: unknown) => String(value) };

describe('the token walker agrees with Mustache.render', () => {
  it('for generated templates and payloads: same output, or MissingVariable', () => {
    let rendered = 0;
    fc.assert(
      fc.property(template, payload, (source, view) => {
        if (!compilesLikeMustache(source)) return;
        const htmlTemplate = compileTemplate({ usageType: 'T', contentType: 'text/html', subject: 's', content: source, text: '' });
        const plainTemplate = compileTemplate({ usageType: 'T', contentType: 'text/plain', subject: 's', content: source });
        let expectedHtml: string;
        let expectedText: string;
        try {
          expectedHtml = Mustache.render(source, view);
          expectedText = Mustache.render(source, view, {}, plainEscape);
        } catch {
          // Mustache itself crashes on some views (a null inside a list reached by a section):
          // there is no reference output, and the walker must still fail only with a MailerError.
          expect(() => htmlTemplate.render(view as TemplatePayload)).not.toThrow(TypeError);
          return;
        }
        try {
          expect(htmlTemplate.render(view as TemplatePayload).html).toBe(expectedHtml);
          expect(plainTemplate.render(view as TemplatePayload).text).toBe(expectedText);
          rendered++;
        } catch (error) {
          if (!isMailerError(error) || error.code !== 'MissingVariable') throw error;
          // Mustache renders a missing variable as nothing; so does the walker, apart from the error.
          expect(() => plainTemplate.render(view as TemplatePayload)).toThrow(/MissingVariable|no value/);
        }
      }),
      { numRuns: 500 },
    );
    expect(rendered).toBeGreaterThan(100);
  });

  it('for generated templates whose variables all have values', () => {
    const full = { a: { b: 'A.B' }, b: { a: 3 }, list: [{ a: 'L1' }, { a: '<L2>', b: false }] };
    fc.assert(
      fc.property(template, (source) => {
        if (!compilesLikeMustache(source)) return;
        const compiled = compileTemplate({ usageType: 'T', contentType: 'text/html', subject: 's', content: source, text: '' });
        const expected = Mustache.render(source, full);
        try {
          expect(compiled.render(full).html).toBe(expected);
        } catch (error) {
          // `{{.}}` at the top or `{{b.a}}` inside a list item context can still be absent.
          if (!isMailerError(error) || error.code !== 'MissingVariable') throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});
