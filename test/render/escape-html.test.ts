import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/render/escape-html.js';

const LINK = 'https://acme.example/sign-in?code=123456&session=abcdef0123456789';
// Mostly the characters that are escaped, plus plain and non-ASCII ones around them.
const piece = fc.oneof(
  fc.constantFrom('&', '<', '>', '"', "'", '/', '`', '=', 'a', ' ', '.', '?', 'é', '😀', '&amp;'),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

/** The escaping written the plainest way, to compare the fast one with. */
const REFERENCE: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const reference = (value: string): string => value.replace(/[&<>"']/g, (character) => REFERENCE[character] as string);
/** Decodes the five entities, as an HTML parser does in text and in a quoted attribute. */
const decode = (value: string): string =>
  value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] as string);

describe('escapeHtml', () => {
  it.each([
    [LINK, 'https://acme.example/sign-in?code=123456&amp;session=abcdef0123456789'],
    ['Ada Lovelace', 'Ada Lovelace'],
    ['123456', '123456'],
    ['', ''],
    [`&<>"'/\`=`, '&amp;&lt;&gt;&quot;&#39;/`='],
    ['<b>', '&lt;b&gt;'],
    ['x&', 'x&amp;'],
    ['é & 😀', 'é &amp; 😀'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('escapes & < > " \' and nothing else, for any text, and decodes back to it', () => {
    fc.assert(
      fc.property(text, (value) => {
        const escaped = escapeHtml(value);
        expect(escaped).toBe(reference(value));
        expect(escaped).not.toMatch(/[<>"']/);
        expect(decode(escaped)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes each value on its own, whatever the value escaped before it', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 6 }), (values) => {
        expect(values.map((value) => escapeHtml(value))).toEqual(values.map(reference));
      }),
    );
    expect(escapeHtml(`${'a'.repeat(50)}&`)).toBe(`${'a'.repeat(50)}&amp;`);
    expect(escapeHtml('&b')).toBe('&amp;b');
  });
});
