import fc from 'fast-check';
import Mustache from 'mustache';
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

describe('escapeHtml', () => {
  it.each([
    [LINK, 'https:&#x2F;&#x2F;acme.example&#x2F;sign-in?code&#x3D;123456&amp;session&#x3D;abcdef0123456789'],
    ['Ada Lovelace', 'Ada Lovelace'],
    ['123456', '123456'],
    ['', ''],
    [`&<>"'/\`=`, '&amp;&lt;&gt;&quot;&#39;&#x2F;&#x60;&#x3D;'],
    ['<b>', '&lt;b&gt;'],
    ['x&', 'x&amp;'],
    ['é & 😀', 'é &amp; 😀'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('gives what Mustache.escape gives, for any text', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(escapeHtml(value)).toBe(Mustache.escape(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes each value on its own, whatever the value escaped before it', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 6 }), (values) => {
        expect(values.map((value) => escapeHtml(value))).toEqual(values.map((value) => Mustache.escape(value)));
      }),
    );
    expect(escapeHtml(`${'a'.repeat(50)}&`)).toBe(`${'a'.repeat(50)}&amp;`);
    expect(escapeHtml('&b')).toBe('&amp;b');
  });
});
