import { describe, expect, it } from 'vitest';
import { rateLimitAddress } from '../../src/rate-limit/rate-limit-address.js';
import { parseRecipient } from '../../src/message/recipient.js';

const counted = (to: string): string => rateLimitAddress(parseRecipient(to));

describe('the address a recipient is counted under', () => {
  it.each([
    ['ada@example.com', 'ada@example.com'],
    ['Ada@Example.COM', 'ada@example.com'],
    ['Ada Lovelace <ADA@example.com>', 'ada@example.com'],
    ['"Lovelace, Ada <the first>" <ada@example.com>', 'ada@example.com'],
    ['"a@b" <ada@example.com>', 'ada@example.com'],
    ['  ada@example.com  ', 'ada@example.com'],
  ])('counts %j as %j', (to, expected) => {
    expect(counted(to)).toBe(expected);
  });

  it('counts an IDN domain the same in Unicode and punycode', () => {
    expect(counted('ada@Bücher.example')).toBe('ada@xn--bcher-kva.example');
    expect(counted('ada@xn--bcher-kva.example')).toBe('ada@xn--bcher-kva.example');
  });

  it('counts composed and decomposed Unicode local parts the same', () => {
    expect(counted('Jos\u0065\u0301@example.com')).toBe(counted('jos\u00e9@example.com'));
  });

  it('keeps subaddresses apart (their meaning depends on the provider)', () => {
    expect(counted('ada+1@example.com')).toBe('ada+1@example.com');
  });

  it('folds subaddresses into their mailbox when asked, whatever their case', () => {
    const folded = (to: string): string => rateLimitAddress(parseRecipient(to), true);
    expect(folded('Ada+1@Example.com')).toBe('ada@example.com');
    expect(folded('ADA+Promo+x@bücher.example')).toBe('ada@xn--bcher-kva.example');
    expect(folded('"Ada" <ada+news@example.com>')).toBe('ada@example.com');
    // No mailbox before the tag: nothing to fold into.
    expect(folded('+ada@example.com')).toBe('+ada@example.com');
  });
});
