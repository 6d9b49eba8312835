import { describe, expect, it } from 'vitest';

import { parseConfig } from '../../src/config/parse-config.js';
import { validConfig } from './issues-of.js';

const requireTlsOf = (overrides: Record<string, unknown>): boolean => parseConfig({ ...validConfig(), ...overrides }).smtp.requireTLS;
const withoutAuth = (overrides: Record<string, unknown> = {}): Record<string, unknown> => {
  const { auth: _auth, ...config } = validConfig();
  return { ...config, ...overrides };
};

describe('requireTLS, resolved', () => {
  it('is on by default when credentials would go over a connection that is not implicit TLS', () => {
    expect(requireTlsOf({})).toBe(true);
    expect(requireTlsOf({ port: 587, secure: false, ignoreTLS: false })).toBe(true);
    expect(requireTlsOf({ port: 25 })).toBe(true);
    expect(requireTlsOf({ auth: { type: 'OAuth2', user: 'no-reply@example.com', accessToken: 'token-value' } })).toBe(true);
  });

  it('is off by default with implicit TLS, with ignoreTLS, or without credentials', () => {
    expect(requireTlsOf({ secure: true })).toBe(false);
    expect(requireTlsOf({ port: 465 })).toBe(false);
    expect(requireTlsOf({ ignoreTLS: true })).toBe(false);
    expect(parseConfig(withoutAuth()).smtp.requireTLS).toBe(false);
  });

  it.each(['localhost', 'LocalHost', '127.0.0.1', '::1'])('is off by default for %s, a name of this machine', (host) => {
    expect(requireTlsOf({ host })).toBe(false);
  });

  it.each(['127.0.0.2', '127.1', '0.0.0.0', '::ffff:127.0.0.1', 'localhost.localdomain', 'localhost.example.com', 'mylocalhost'])(
    'is on by default for %s, which is not literally localhost, 127.0.0.1 or ::1',
    (host) => {
      expect(requireTlsOf({ host })).toBe(true);
    },
  );

  it('keeps an explicit value', () => {
    expect(requireTlsOf({ requireTLS: false })).toBe(false);
    expect(requireTlsOf({ host: 'localhost', requireTLS: true })).toBe(true);
    expect(parseConfig(withoutAuth({ requireTLS: true })).smtp.requireTLS).toBe(true);
  });
});
