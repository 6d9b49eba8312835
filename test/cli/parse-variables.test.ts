import { describe, expect, it } from 'vitest';
import { parseVariables } from '../../src/cli/parse-variables.js';
import { UsageError } from '../../src/cli/usage-error.js';

describe('parseVariables', () => {
  it('turns key=value pairs into variables, nesting dotted keys and keeping = in values', () => {
    expect(parseVariables(['link=https://x.example/?a=1&b=2', 'organization.name=Acme', 'organization.id=7'], 'send')).toEqual({
      link: 'https://x.example/?a=1&b=2',
      organization: { name: 'Acme', id: '7' },
    });
  });

  it('lets a later pair win', () => {
    expect(parseVariables(['a=1', 'a=2'], 'send')).toEqual({ a: '2' });
  });

  it.each([['novalue'], ['=x'], ['a..b=1'], ['__proto__.polluted=1']])('refuses %s as a usage error', (pair) => {
    expect(() => parseVariables([pair], 'send')).toThrow(UsageError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a key used both as a value and as a parent', () => {
    expect(() => parseVariables(['a=1', 'a.b=2'], 'send')).toThrow(/already set/);
    expect(() => parseVariables(['a.b=2', 'a=1'], 'send')).toThrow(/nested keys/);
  });
});
