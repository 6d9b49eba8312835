import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BETTER_AUTH_USAGE_TYPES, BETTER_AUTH_VARIABLES, EMAIL_OTP_USAGE_TYPES } from '../../src/better-auth/index.js';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('the better-auth section of docs/frameworks.md', () => {
  const page = read('docs/frameworks.md').split('\n## ').find((section) => section.startsWith('better-auth')) ?? '';

  it('lists every usage type the adapter sends, and the variables table covers the same ones', () => {
    const sent = new Set([...Object.values(BETTER_AUTH_USAGE_TYPES), ...Object.values(EMAIL_OTP_USAGE_TYPES)]);
    for (const type of sent) expect(page).toContain(`| \`${type}\` |`);
    expect(new Set(Object.keys(BETTER_AUTH_VARIABLES.variables))).toEqual(sent);
  });
});
