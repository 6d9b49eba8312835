import { describe, expect, it } from 'vitest';

import { suggestKey } from '../../src/config/suggest-key.js';

const KEYS = ['host', 'port', 'secure', 'fromEmail', 'replyTo', 'templates', 'pass', 'keySelector'];

describe('suggestKey', () => {
  it('finds typos, swapped letters and other cases', () => {
    expect(suggestKey('prot', KEYS)).toBe('port');
    expect(suggestKey('hots', KEYS)).toBe('host');
    expect(suggestKey('secrue', KEYS)).toBe('secure');
    expect(suggestKey('from_email', KEYS)).toBe('fromEmail');
    expect(suggestKey('REPLYTO', KEYS)).toBe('replyTo');
    expect(suggestKey('template', KEYS)).toBe('templates');
  });

  it('finds a key the unknown one extends or ends', () => {
    expect(suggestKey('password', KEYS)).toBe('pass');
    expect(suggestKey('selector', KEYS)).toBe('keySelector');
  });

  it('suggests nothing when no key is close', () => {
    expect(suggestKey('zzz', KEYS)).toBeUndefined();
    expect(suggestKey('ab', KEYS)).toBeUndefined();
    expect(suggestKey('username', KEYS)).toBeUndefined();
  });
});
