import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMailerError } from '../../src/errors/mailer-error.js';
import { parseRecipient } from '../../src/message/recipient.js';
import { SEED, hostileString } from './arbitraries.js';

const ATEXT = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]{1,16}$/;
const atom = fc.stringMatching(ATEXT);
const localPart = fc.array(atom, { minLength: 1, maxLength: 3 }).map((atoms) => atoms.join('.')).filter((local) => local.length <= 64);
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?$/);
const domain = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/))
  .map(([labels, tld]) => [...labels, tld].join('.'));
const address = fc.tuple(localPart, domain).map(([local, host]) => `${local}@${host}`);
const displayName = fc.stringMatching(/^[A-Za-z][A-Za-z .'-]{0,20}$/);

/** The code parseRecipient threw, or `accepted`. */
function outcome(to: unknown): string {
  try {
    parseRecipient(to);
    return 'accepted';
  } catch (error) {
    if (isMailerError(error)) return error.code;
    throw error;
  }
}

describe('recipients', () => {
  it('accepts a valid ASCII address, bare or with a display name, and keeps it', () => {
    fc.assert(
      fc.property(address, fc.option(displayName, { nil: undefined }), (addr, name) => {
        const to = name === undefined ? addr : `${name} <${addr.toUpperCase()}>`;
        const parsed = parseRecipient(to);
        expect(parsed.toLowerCase()).toContain(addr);
        expect(parsed.endsWith(name === undefined ? addr : '>')).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  const refused: Array<[string, fc.Arbitrary<string>]> = [
    ['a list', fc.tuple(address, address, fc.constantFrom(',', ';', ' , ', ';  ')).map(([a, b, sep]) => `${a}${sep}${b}`)],
    ['a list of display-name addresses', fc.tuple(displayName, address, address).map(([name, a, b]) => `${name} <${a}>, ${b}`)],
    [
      'a group',
      fc
        .tuple(displayName, fc.array(address, { maxLength: 2 }))
        .map(([name, members]) => `${name.replace(/\s+$/, '') || 'group'}: ${members.join(', ')};`),
    ],
    ['a group holding a bracketed address', fc.tuple(displayName, address).map(([name, a]) => `team: ${name} <${a}>`)],
    [
      'a comment',
      fc
        .tuple(localPart, domain, fc.stringMatching(/^[A-Za-z ]{0,10}$/), fc.nat(2))
        .map(([local, host, text, where]) =>
          [`(${text})${local}@${host}`, `${local}(${text})@${host}`, `${local}@${host} (${text})`][where] as string,
        ),
    ],
    [
      'a quoted local part holding @',
      fc.tuple(localPart, address, domain).map(([a, b, host]) => `"${a}@${b}"@${host}`),
    ],
    [
      'a control character',
      fc
        .tuple(address, fc.nat(), fc.constantFrom('\r', '\n', '\r\n', '\u0000', '\t', '\u0085', '\u2028', '\r\nBcc: eve@evil.test'))
        .map(([addr, at, control]) => {
          const index = at % (addr.length + 1);
          return `${addr.slice(0, index)}${control}${addr.slice(index)}`;
        }),
    ],
    ['a local part over 64 octets', fc.tuple(fc.integer({ min: 65, max: 300 }), domain).map(([length, host]) => `${'a'.repeat(length)}@${host}`)],
    [
      'an address over 254 octets',
      fc
        .integer({ min: 255, max: 400 })
        .map((length) => {
          const labels = Array.from({ length: Math.ceil(length / 60) }, () => 'd'.repeat(59));
          return `user@${labels.join('.')}.com`;
        }),
    ],
  ];

  it.each(refused)('refuses %s with InvalidRecipient', (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (to) => {
        expect(outcome(to)).toBe('InvalidRecipient');
        expect(outcome(`Name <${to}>`)).toBe('InvalidRecipient');
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it.each([
    ['a byte order mark', '^\uFEFF@example.com'],
    ['a zero-width space', 'ada\u200B@example.com'],
    ['a no-break space', 'ada\u00A0lovelace@example.com'],
    ['an ideographic space', '用\u3000户@例子.测试'],
    ['a bidi override', 'ada\u202E@example.com'],
    ['an unpaired surrogate', 'ada\uD800@example.com'],
  ])('refuses %s in the address', (_name, to) => {
    expect(outcome(to)).toBe('InvalidRecipient');
  });

  it('returns exactly one mailbox on one line, or refuses', () => {
    fc.assert(
      fc.property(
        fc.oneof(hostileString, hostileString.map((name) => `${name} <ada@example.com>`), hostileString.map((s) => `${s}@example.com`)),
        (to) => {
          const result = outcome(to);
          if (result !== 'accepted') {
            expect(result).toBe('InvalidRecipient');
            return;
          }
          const parsed = parseRecipient(to);
          // eslint-disable-next-line no-control-regex -- matching control characters is the point
          expect(parsed).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
          const bare = /<([^<>]*)>$/.exec(parsed)?.[1] ?? parsed;
          expect(bare).not.toMatch(/[\s,;<>()"]/);
          expect(bare.split('@')).toHaveLength(2);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
