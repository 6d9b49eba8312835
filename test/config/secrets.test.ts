import { inspect } from 'node:util';

import { describe, expect, it } from 'vitest';

import { rejectionOf, validConfig } from './issues-of.js';

const SECRET = 'Tr0ub4dor&3-horse-battery';

/** Everything a user might log about the error. */
function everythingShown(input: unknown): string {
  const error = rejectionOf(input);
  return [error.message, JSON.stringify(error), inspect(error, { depth: 10 }), String(error.stack)].join('\n');
}

describe('secrets in rejected configs', () => {
  const broken = (auth: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    ...validConfig(),
    auth,
    port: 'not-a-port',
    ...extra,
  });

  it('never show a password that is wrong-typed, misplaced or placeholder-like', () => {
    const cases = [
      broken({ user: 'u', pass: [SECRET] }),
      broken({ user: 'u', pass: { value: SECRET } }),
      broken({ user: 'u', pass: `<${SECRET}>` }),
      broken({ user: 'u', password: SECRET }),
      broken({ type: 'login', user: 'u', pass: SECRET, clientSecret: SECRET }),
      broken({ type: SECRET, user: 'u', pass: SECRET }),
    ];
    for (const input of cases) expect(everythingShown(input)).not.toContain(SECRET);
  });

  it('never show OAuth2 secrets or private keys', () => {
    const cases = [
      broken({ type: 'OAuth2', user: 'u', clientSecret: `<${SECRET}>`, refreshToken: 5, accessToken: [SECRET] }),
      broken({ type: 'OAuth2', user: 'u', serviceClient: 'c', privateKey: { key: SECRET, passphrase: `<${SECRET}>`, extra: SECRET } }),
      broken({ type: 'OAuth2', user: 'u', serviceClient: 'c', privateKey: `<${SECRET}>` }),
      broken({ user: 'u', pass: 'p' }, { dkim: { domainName: 'example.com', keySelector: 'k', privateKey: `<${SECRET}>` } }),
      broken({ user: 'u', pass: 'p' }, { dkim: { domainName: 'example.com', privateKey: SECRET } }),
    ];
    for (const input of cases) expect(everythingShown(input)).not.toContain(SECRET);
  });

  it('never echo any received value, even outside auth', () => {
    const input = {
      ...validConfig(),
      host: `${SECRET}:25`,
      fromEmail: SECRET,
      customHeaders: { 'X-Api-Key': `${SECRET}\r\n` },
      templates: [{ usageType: 'Generic', contentType: SECRET, subject: 's', content: 'c' }],
    };
    expect(everythingShown(input)).not.toContain(SECRET);
  });
});
