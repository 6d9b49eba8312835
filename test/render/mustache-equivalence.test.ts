import fc from 'fast-check';
import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import { isMailerError } from '../../src/errors/mailer-error.js';
import { compileTemplate } from '../../src/render/compile-template.js';
import { escapeHtml } from '../../src/render/escape-html.js';
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

type Fields = { a?: unknown; b?: unknown; list?: unknown };

/** An ORM-like row: its fields are getters on the class's prototype, not own properties; it has no `b`. */
class Row {
  readonly #fields: Fields;
  constructor(fields: Fields) {
    this.#fields = fields;
  }
  get a(): unknown {
    return this.#fields.a;
  }
  get list(): unknown {
    return this.#fields.list;
  }
}

/** A row with a `b`: its getter sits on the subclass's prototype, `a` and `list` one prototype up. */
class DerivedRow extends Row {
  readonly #b: unknown;
  constructor(fields: Fields) {
    super(fields);
    this.#b = fields.b;
  }
  get b(): unknown {
    return this.#b;
  }
}

const rowOf = (fields: fc.Arbitrary<Fields>): fc.Arbitrary<Row> =>
  fc.tuple(fields, fc.boolean()).map(([values, derived]) => (derived ? new DerivedRow(values) : new Row(values)));

const { value: payloadValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('', 'Ada', '<b>&"\'/`=', 'x y', 0, 7, -1.5, true, false, null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.record({ a: tie('value'), b: tie('value'), list: tie('value') }, { requiredKeys: [], noNullPrototype: true }),
    rowOf(fc.record({ a: tie('value'), b: tie('value'), list: tie('value') }, { requiredKeys: [], noNullPrototype: true })),
  ),
}));
const fields = fc.record({ a: payloadValue, b: payloadValue, list: payloadValue }, { requiredKeys: [], noNullPrototype: true });
const payload = fc.oneof(fields, rowOf(fields));

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
/** The renderer escapes `& < > " '` only (see escape-html.test.ts); mustache is given the same escaping. */
const htmlEscape = { escape: (value: unknown) => escapeHtml(String(value)) };

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
          expectedHtml = Mustache.render(source, view, {}, htmlEscape);
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
        const expected = Mustache.render(source, full, {}, htmlEscape);
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

describe('class instances and lambdas render as with Mustache.render', () => {
  class Person {
    readonly #first: string;
    constructor(first: string) {
      this.#first = first;
    }
    get first(): string {
      return this.#first;
    }
    get missing(): undefined {
      return undefined;
    }
    shout(this: { first?: string }): string {
      return `${this.first ?? 'nobody'}!`;
    }
  }
  class Admin extends Person {
    get role(): string {
      return 'admin';
    }
  }
  const view = {
    first: 'outer',
    ada: new Admin('Ada'),
    people: [new Person('Bob'), new Admin('<Cy>')],
    greet(this: { first?: string }) {
      return `Hi ${this.first ?? 'there'}`;
    },
    truthy: () => 'yes',
    empty: () => [],
    higherOrder: () => (text: string) => text,
  };

  it.each([
    ['prototype getters in a section', '{{#ada}}{{first}} {{role}}{{/ada}}'],
    ['prototype getters on a dotted path', '{{ada.first}} {{ada.role}} {{ada.first.length}}'],
    ['a list of instances', '{{#people}}[{{first}}{{#role}}/{{role}}{{/role}}]{{/people}}'],
    ['a prototype method called with its instance as this', '{{#people}}{{shout}} {{/people}}'],
    ['a prototype method called with the outer context as this', '{{ada.shout}}'],
    ['a getter returning undefined stops the lookup', '{{#ada}}[{{#missing}}x{{/missing}}{{^missing}}none{{/missing}}]{{/ada}}'],
    ['a payload function with the context as this', '{{greet}} {{#ada}}{{greet}}{{/ada}}'],
    ['sections over lambdas', '{{#truthy}}T{{/truthy}}{{^truthy}}F{{/truthy}}{{#empty}}E{{/empty}}{{^empty}}not{{/empty}}'],
    ['an inverted section over a higher-order lambda', 'a{{^higherOrder}}never{{/higherOrder}}b'],
  ])('%s', (_label, template) => {
    const compiled = compileTemplate({ usageType: 'T', contentType: 'text/html', subject: 's', content: template, text: '' });
    expect(compiled.render(view).html).toBe(Mustache.render(template, view, {}, htmlEscape));
  });
});
