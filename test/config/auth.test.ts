import { describe, expect, it } from 'vitest';

import { parseConfig } from '../../src/config/parse-config.js';
import { issuesOf, validConfig } from './issues-of.js';

const authOf = (auth: unknown) => parseConfig({ ...validConfig(), auth }).auth;

describe('auth', () => {
  it('accepts user and pass with type login in any case, or none', () => {
    for (const type of [undefined, 'login', 'Login', 'LOGIN', 'lOgIn']) {
      expect(authOf({ type, user: 'me@example.com', pass: 's3cret-pass' })).toEqual({
        type: 'login',
        user: 'me@example.com',
        pass: 's3cret-pass',
      });
    }
  });

  it('is left out for relays that authorize by source address', () => {
    const withoutAuth = validConfig();
    delete withoutAuth.auth;
    expect(parseConfig(withoutAuth).auth).toBeUndefined();
    expect(Object.keys(parseConfig(withoutAuth))).not.toContain('auth');
  });

  it('normalizes the OAuth2 token shape to type OAuth2', () => {
    const token = {
      user: 'me@gmail.com',
      clientId: '000000000000-abc.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-client-secret',
      refreshToken: '1//0refresh-token',
      accessToken: 'ya29.access-token',
      expires: 1_767_225_600_000,
      accessUrl: 'https://oauth2.googleapis.com/token',
    };
    for (const type of ['OAuth2', 'oauth2', 'OAUTH2', 'oAuth2']) {
      expect(authOf({ ...token, type })).toEqual({ ...token, type: 'OAuth2' });
    }
    // Logto allows the type to be left out; the token keys make the shape clear.
    expect(authOf({ user: 'me@gmail.com', accessToken: 'ya29.access-token' })).toEqual({
      type: 'OAuth2',
      user: 'me@gmail.com',
      accessToken: 'ya29.access-token',
    });
  });

  it('normalizes the OAuth2 service-account shape to type OAuth2', () => {
    const service = {
      user: 'sender@example.com',
      serviceClient: '113600000000000000000',
      privateKey: '-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----',
    };
    expect(authOf({ ...service, type: 'OAuth2' })).toEqual({ ...service, type: 'OAuth2' });
    expect(authOf(service)).toEqual({ ...service, type: 'OAuth2' });
    const encrypted = { ...service, privateKey: { key: '-----BEGIN ENCRYPTED PRIVATE KEY-----', passphrase: 'pass-phrase' } };
    expect(authOf({ ...encrypted, type: 'oauth2' })).toEqual({ ...encrypted, type: 'OAuth2' });
  });

  it('reports a missing pass, an unknown type and a service shape without its key', () => {
    expect(issuesOf({ ...validConfig(), auth: { user: 'me@example.com' } })).toEqual([
      { path: 'auth.pass', message: expect.stringContaining('is required') },
    ]);
    expect(issuesOf({ ...validConfig(), auth: { type: 'plain', user: 'u', pass: 'p' } })).toEqual([
      { path: 'auth.type', message: 'must be `login` or `OAuth2` (in any case)' },
    ]);
    expect(issuesOf({ ...validConfig(), auth: { type: 'OAuth2', user: 'u', serviceClient: '1' } })).toEqual([
      { path: 'auth.privateKey', message: expect.stringContaining('is required') },
    ]);
    expect(issuesOf({ ...validConfig(), auth: 'user:pass' })).toEqual([
      { path: 'auth', message: 'must be an object with `user` and `pass`; got a string' },
    ]);
  });

  it('reports keys that belong to another auth shape', () => {
    expect(issuesOf({ ...validConfig(), auth: { type: 'login', user: 'u', pass: 'p', clientId: 'c' } })).toEqual([
      { path: 'auth.clientId', message: expect.stringContaining('unknown key `clientId`') },
    ]);
  });
});
