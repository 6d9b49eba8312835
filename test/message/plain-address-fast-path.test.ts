import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMailerError } from '../../src/errors/mailer-error.js';
import { parsePlainAddress, parseRecipient, parseRecipientInFull } from '../../src/message/recipient.js';

type Outcome = { accepted: string } | { code: string; message: string };

/** What a parse gave: the value it returned, or the code and message of the MailerError it threw. */
function outcomeOf(parse: (to: unknown) => string, to: unknown): Outcome {
  try {
    return { accepted: parse(to) };
  } catch (error) {
    if (isMailerError(error)) return { code: error.code, message: error.message };
    throw error;
  }
}

/** Flips the case of the characters whose flag is set. */
const mixedCase = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(text, fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }))
    .map(([value, flips]) => [...value].map((character, index) => (flips[index] ? character.toUpperCase() : character)).join(''));

const atext = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,12}$/);
const oddLocalPiece = fc.constantFrom('.', '..', ' ', '"', '(', ')', ',', ';', ':', '<', '>', '[', '\\', '@', 'é', '用户', '\u200b', '\ufeff', '\t', '\u00a0');
const localPart = fc.oneof(
  { weight: 4, arbitrary: fc.array(atext, { minLength: 1, maxLength: 4 }).map((atoms) => atoms.join('.')) },
  { weight: 2, arbitrary: fc.array(fc.oneof(atext, oddLocalPiece), { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join('')) },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 70 }).map((length) => 'a'.repeat(length)) },
);

const ldhLabel = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const oddLabel = fc.constantFrom(
  'xn--bcher-kva', 'XN--bcher-kva', 'Xn--bcher-kva', 'xn--zz', 'xn--', 'xn-a', 'ab--cd', '123', '0', '0x1f', '0X1F', '0x', 'c0m',
  '-a', 'a-', '-', '', 'ex_ample', 'exämple', 'ÉXAMPLE', '例子', 'a'.repeat(63), 'a'.repeat(64), 'b'.repeat(62),
);
const label = fc.oneof({ weight: 4, arbitrary: mixedCase(ldhLabel) }, { weight: 1, arbitrary: oddLabel });
const lastLabel = fc.oneof(
  { weight: 4, arbitrary: mixedCase(fc.stringMatching(/^[a-z]{1,8}$/)) },
  { weight: 1, arbitrary: oddLabel },
  { weight: 1, arbitrary: fc.constantFrom('z'.repeat(63), 'z'.repeat(64), 'com.', 'COM') },
);
const domain = fc.tuple(fc.array(label, { maxLength: 4 }), lastLabel).map(([labels, last]) => [...labels, last].join('.'));

// Addresses close to the length limits: 254 octets in all is allowed, 255 is not.
const nearLimit = fc
  .tuple(fc.integer({ min: 1, max: 66 }), fc.integer({ min: 250, max: 258 }))
  .map(([localLength, total]) => {
    const local = 'l'.repeat(localLength);
    let host = '';
    while (local.length + 1 + host.length + 4 < total) host += `${'d'.repeat(Math.min(62, total - local.length - host.length - 6))}.`;
    return `${local}@${host}${'c'.repeat(Math.max(1, total - local.length - 1 - host.length))}`;
  });

const address = fc.oneof(
  { weight: 3, arbitrary: fc.emailAddress() },
  { weight: 2, arbitrary: mixedCase(fc.emailAddress()) },
  { weight: 5, arbitrary: fc.tuple(localPart, domain).map(([local, host]) => `${local}@${host}`) },
  { weight: 1, arbitrary: nearLimit },
  { weight: 1, arbitrary: fc.constantFrom('ada', '@example.com', 'ada@', 'a@b@example.com', 'ada@example..com', '"ada"@example.com') },
);
const space = fc.constantFrom('', '', '', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\ufeff');
const recipient = fc.oneof(
  { weight: 6, arbitrary: address },
  { weight: 2, arbitrary: fc.tuple(space, address, space).map(([before, addr, after]) => `${before}${addr}${after}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('', 'Ada', 'Ada Lovelace', '"Lovelace, Ada"', 'Dr. Who', 'é'), address)
      .map(([name, addr]) => `${name} <${addr}>`),
  },
);

describe('the plain-address fast path of parseRecipient', () => {
  it('gives what the full parse gives, value or error, and is taken for plain addresses', () => {
    let fast = 0;
    let fullAccepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(recipient, (to) => {
        const full = outcomeOf(parseRecipientInFull, to);
        expect(outcomeOf(parseRecipient, to)).toEqual(full);
        const plain = parsePlainAddress(to);
        if (plain !== undefined) {
          expect({ accepted: plain }).toEqual(full);
          fast += 1;
        } else if ('accepted' in full) {
          fullAccepted += 1;
        } else {
          refused += 1;
        }
      }),
      { numRuns: 5000 },
    );
    // Each path must have been exercised, or the comparison above proves nothing.
    expect(fast).toBeGreaterThan(500);
    expect(fullAccepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(500);
  });

  it.each([
    ['ada@example.com', 'ada@example.com'],
    ['Ada.Lovelace+tag@Example.COM', 'Ada.Lovelace+tag@example.com'],
    ['ada@localhost', 'ada@localhost'],
    [`${'a'.repeat(64)}@example.com`, `${'a'.repeat(64)}@example.com`],
    [`ada@${'a'.repeat(63)}.com`, `ada@${'a'.repeat(63)}.com`],
  ])('takes %j and returns %j', (to, expected) => {
    expect(parsePlainAddress(to)).toBe(expected);
    expect(parseRecipientInFull(to)).toBe(expected);
  });

  it.each([
    ' ada@example.com',
    'ada@example.com ',
    'Ada <ada@example.com>',
    'ada@example.c0m',
    'ada@10.0.0.1',
    'ada@example.0x1f',
    'ada@xn--bcher-kva.example',
    'ada@XN--bcher-kva.example',
    'ada@example.com.',
    'ada@-example.com',
    'ada@example-.com',
    'ada@ex_ample.com',
    'ada@exämple.com',
    'josé@example.com',
    `${'a'.repeat(65)}@example.com`,
    `ada@${'a'.repeat(64)}.com`,
    `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.com`,
  ])('leaves %j to the full parse', (to) => {
    expect(parsePlainAddress(to)).toBeUndefined();
  });
});
