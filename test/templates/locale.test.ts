import { describe, expect, it } from 'vitest';
import {
  canonicalizeLocale,
  localeKey,
  localeLookupChain,
  MAX_LOCALE_LENGTH,
  MAX_LOCALE_TAGS,
  readLocalePreferences,
} from '../../src/templates/locale.js';

describe('canonicalizeLocale', () => {
  it.each([
    ['pt-br', 'pt-BR'],
    ['PT_br', 'pt-BR'],
    [' zh-hant-tw ', 'zh-Hant-TW'],
    ['iw', 'he'],
    ['es-419', 'es-419'],
  ])('writes %j as %j', (tag, canonical) => {
    expect(canonicalizeLocale(tag)).toBe(canonical);
  });

  it.each(['', '*', '../../etc/passwd', 'en-', 'en--US', 'pt-BR\r\nBcc: eve@evil.test', 'pt-BR,en', 'abcdefghi'])(
    'finds no tag in %j',
    (value) => {
      expect(canonicalizeLocale(value)).toBeUndefined();
    },
  );
});

describe('readLocalePreferences', () => {
  it('reads one tag', () => {
    expect(readLocalePreferences('pt-br')).toEqual(['pt-BR']);
  });

  it('orders an Accept-Language list by weight, ties in the order written', () => {
    expect(readLocalePreferences('pt-BR,pt;q=0.9,en;q=0.8')).toEqual(['pt-BR', 'pt', 'en']);
    expect(readLocalePreferences('de;q=0.5, fr , en-GB;q=0.7, it;q=0.5')).toEqual(['fr', 'en-GB', 'de', 'it']);
    expect(readLocalePreferences('en;Q=1.000,fr;q=1')).toEqual(['en', 'fr']);
  });

  it('skips the wildcard, q=0, malformed weights and entries that are not tags, and repeats', () => {
    expect(readLocalePreferences('*;q=0.5,fr;q=0,de;q=2,it;q=abc,es;level=1,../x,en,EN;q=0.3,,')).toEqual(['en']);
  });

  it('gives no tags for a value that is not a string, empty, or too long', () => {
    for (const value of [undefined, null, 42, ['en'], { tag: 'en' }, '', ' , ']) expect(readLocalePreferences(value)).toEqual([]);
    const longList = `en,${'fr;q=0.5,'.repeat(40)}`;
    expect(longList.length).toBeGreaterThan(MAX_LOCALE_LENGTH);
    expect(readLocalePreferences(longList)).toEqual([]);
    expect(readLocalePreferences('-'.repeat(20_000))).toEqual([]);
  });

  it('reads only the first 16 entries of a list', () => {
    const tags = Array.from({ length: 20 }, (_, index) => `x${String.fromCharCode(97 + index)}`);
    expect(readLocalePreferences(tags.join(','))).toEqual(tags.slice(0, 16));
  });
});

describe('localeLookupChain', () => {
  it('shortens a tag one subtag at a time', () => {
    expect(localeLookupChain('zh-Hant-TW')).toEqual(['zh-Hant-TW', 'zh-Hant', 'zh']);
    expect(localeLookupChain('pt-br')).toEqual(['pt-BR', 'pt']);
  });

  it('drops a single-letter subtag left at the end (RFC 4647 lookup)', () => {
    expect(localeLookupChain('en-US-u-ca-gregory')).toEqual(['en-US-u-ca-gregory', 'en-US-u-ca', 'en-US', 'en']);
  });

  it('runs each preference down before the next, without repeats', () => {
    expect(localeLookupChain('pt-BR,en-GB;q=0.8,pt;q=0.9')).toEqual(['pt-BR', 'pt', 'en-GB', 'en']);
  });

  it(`stops at ${MAX_LOCALE_TAGS} tags`, () => {
    const chain = localeLookupChain('aa-Latn-US,bb-Latn-US,cc-Latn-US,dd-Latn-US');
    expect(chain).toEqual(['aa-Latn-US', 'aa-Latn', 'aa', 'bb-Latn-US', 'bb-Latn', 'bb', 'cc-Latn-US', 'cc-Latn']);
  });

  it('is empty for a malformed locale', () => {
    expect(localeLookupChain('../../etc/passwd')).toEqual([]);
    expect(localeLookupChain(`${'a-'.repeat(10_000)}a`)).toEqual([]);
  });
});

describe('localeKey', () => {
  it('meets the spellings of one tag', () => {
    expect(new Set(['pt-BR', 'pt-br', 'PT_BR', ' pt-BR'].map(localeKey))).toEqual(new Set(['pt-br']));
  });

  it('lowercases a tag that does not canonicalize', () => {
    expect(localeKey('Abcdefghi')).toBe('abcdefghi');
  });
});
