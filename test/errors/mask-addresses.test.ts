import { describe, expect, it } from 'vitest';

import { maskAddresses } from '../../src/errors/mask-addresses.js';

describe('maskAddresses', () => {
  const mask = maskAddresses(['"Ada (A.) L." <ada@example.com>']);

  it('keeps the first character and the domain of every address, in any case and in URLs', () => {
    expect(mask('550 <ADA@Example.com>: unknown; RCPT TO:<b.c+d@e-f.co.uk> ?to=zoë%40bücher.de')).toBe(
      '550 <A***@Example.com>: unknown; RCPT TO:<b***@e-f.co.uk> ?to=z***%40bücher.de',
    );
  });

  it('replaces a recipient written with its display name whole, whatever its case', () => {
    expect(mask('send SignIn mail to "ADA (A.) L." <ada@example.com> failed')).toBe('send SignIn mail to a***@example.com failed');
  });

  it('changes nothing in a masked text, or in one without addresses', () => {
    const once = mask('to ada@example.com');
    expect(mask(once)).toBe(once);
    expect(mask('connect ECONNREFUSED 127.0.0.1:587 node_modules/@scope/pkg')).toBe('connect ECONNREFUSED 127.0.0.1:587 node_modules/@scope/pkg');
  });
});
