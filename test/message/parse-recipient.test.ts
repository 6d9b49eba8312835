import { describe, expect, it } from 'vitest';
import { isMailerError } from '../../src/errors/mailer-error.js';
import { parseRecipient } from '../../src/message/recipient.js';

function refusal(to: unknown): string {
  try {
    parseRecipient(to);
  } catch (error) {
    if (isMailerError(error) && error.code === 'InvalidRecipient') return error.message;
    throw error;
  }
  throw new Error(`accepted ${String(to)}`);
}

describe('parseRecipient', () => {
  it.each([
    ['user@example.com', 'user@example.com'],
    ['  user@Example.COM ', 'user@example.com'],
    ['Ada Lovelace <Ada@Example.com>', 'Ada Lovelace <Ada@example.com>'],
    ['"Lovelace, Ada" <ada@example.com>', '"Lovelace, Ada" <ada@example.com>'],
    ['"Ada" <ada@example.com>', 'Ada <ada@example.com>'],
    ['Ada   Lovelace<ada@example.com>', 'Ada Lovelace <ada@example.com>'],
    ['<ada@example.com>', 'ada@example.com'],
    ['first.last+tag@sub.example.co.uk', 'first.last+tag@sub.example.co.uk'],
    ['josé@exämple.com', 'josé@exämple.com'],
    ['用户@例子.广告', '用户@例子.广告'],
    ['Dr. Who <who@example.com>', '"Dr. Who" <who@example.com>'],
  ])('accepts %j as %j', (input, expected) => {
    expect(parseRecipient(input)).toBe(expected);
  });

  it.each([
    ['a list', 'a@example.com, b@example.com', /more than one address/],
    ['a semicolon list', 'a@example.com; b@example.com', /more than one address/],
    ['a group', 'friends: a@example.com, b@example.com;', /group/],
    ['an empty group', 'undisclosed-recipients:;', /group/],
    ['a comment', 'ada@example.com (Ada)', /comment/],
    ['a line break', 'ada@example.com\r\nBcc: eve@example.com', /control character/],
    ['a NUL', 'ada@example.com\u0000', /control character/],
    ['a quoted local part holding @', '"eve@evil.com"@example.com', /quoted local part/],
    ['no domain', 'ada@', /no domain/],
    ['no @ at all', 'ada', /no @domain/],
    ['two @', 'ada@eve@example.com', /more than one @/],
    ['nothing before @', '@example.com', /nothing before/],
    ['an empty string', '  ', /empty/],
    ['a bad domain', 'ada@-example.com', /invalid domain/],
    ['an empty label', 'ada@example..com', /invalid domain/],
    ['a leading dot', '.ada@example.com', /misplaced dot/],
    ['unbalanced brackets', 'Ada <ada@example.com', /angle brackets/],
    ['two addresses in brackets', 'A <a@example.com> <b@example.com>', /angle brackets/],
    ['an unquoted @ in the name', 'eve@evil.com <ada@example.com>', /double quotes/],
    ['an unclosed quote', '"Ada <ada@example.com>', /unclosed double quote/],
    ['a local part over 64 octets', `${'a'.repeat(65)}@example.com`, /64 octets/],
    ['an address over 254 octets', `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.com`, /254 octets/],
    ['a label over 63 octets', `ada@${'a'.repeat(64)}.com`, /invalid domain/],
  ])('refuses %s', (_name, input, why) => {
    expect(refusal(input)).toMatch(why);
  });

  it.each([undefined, null, 42, ['a@example.com'], { address: 'a@example.com' }])('refuses the non-string %j', (input) => {
    expect(refusal(input)).toMatch(/must be a string holding one email address/);
  });

  it('echoes the address without its control characters', () => {
    const message = refusal('ada@example.com\r\nBcc: eve@example.com');
    expect(message).not.toMatch(/[\r\n]/);
    expect(message).toContain('ada@example.com Bcc: eve@example.com');
  });

  it('returns a value that cannot start a new header line', () => {
    expect(parseRecipient('"Ada\\"\\\\" <ada@example.com>')).toBe('"Ada\\"\\\\" <ada@example.com>');
  });
});
