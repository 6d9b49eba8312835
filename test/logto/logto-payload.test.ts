import { describe, expect, it } from 'vitest';
import { LOGTO_USAGE_TYPES, LOGTO_VARIABLES } from '../../src/logto/index.js';
import { toTemplatePayload } from '../../src/logto/logto-payload.js';
import { usageTypeOf } from '../../src/logto/logto-usage-types.js';
import { TemplateType } from '@logto/connector-kit';
import { KNOWN_USAGE_TYPES } from '../../src/index.js';

describe("Logto's payload as template variables", () => {
  it('keeps everything Logto sends for a code', () => {
    const payload = { code: '123456', locale: 'fr', application: { name: 'Acme' }, user: { name: 'Ada' } };
    expect(toTemplatePayload('SignIn', payload)).toEqual(payload);
  });

  it('takes the locale from uiLocales (best first) when Logto resolved none', () => {
    expect(toTemplatePayload('SignIn', { code: '1', uiLocales: 'fr-CA fr  en' }).locale).toBe('fr-CA,fr,en');
    expect(toTemplatePayload('SignIn', { code: '1', locale: '', uiLocales: 'de' }).locale).toBe('de');
    expect(toTemplatePayload('SignIn', { code: '1', locale: 'ja', uiLocales: 'de' }).locale).toBe('ja');
    expect(toTemplatePayload('SignIn', { code: '1', locale: ' ' })).not.toHaveProperty('locale');
  });

  it('fills code, organizationName and inviterName of an invitation from what Logto sends', () => {
    const payload = { link: 'https://a.test/i', organization: { id: 'o', name: 'Acme' }, inviter: { id: 'u', name: null, username: 'ada' } };
    expect(toTemplatePayload('OrganizationInvitation', payload)).toEqual({
      ...payload,
      code: 'https://a.test/i',
      organizationName: 'Acme',
      inviterName: 'ada',
    });
  });

  it('never overwrites a variable Logto sends, and adds invitation variables to invitations only', () => {
    expect(toTemplatePayload('OrganizationInvitation', { link: 'l', code: 'c', organizationName: 'Mine' })).toMatchObject({ code: 'c', organizationName: 'Mine' });
    expect(toTemplatePayload('SignIn', { code: '1', link: 'l', organization: { name: 'Acme' } })).not.toHaveProperty('organizationName');
  });
});

describe('the usage-type table', () => {
  it("maps every TemplateType of connector-kit, each to the usage type of the same name", () => {
    expect(Object.keys(LOGTO_USAGE_TYPES).sort()).toEqual(Object.values(TemplateType).sort());
    for (const type of Object.values(TemplateType)) expect(usageTypeOf(type)).toBe(type);
    // Logto's nine are the first nine known types; the link types after them are other frameworks'.
    expect(new Set(Object.values(LOGTO_USAGE_TYPES))).toEqual(new Set(KNOWN_USAGE_TYPES.slice(0, 9)));
    expect(KNOWN_USAGE_TYPES.slice(9)).toEqual(['MagicLink', 'VerifyEmailLink', 'ResetPasswordLink']);
  });

  it('sends a type Logto adds later under its own name', () => {
    expect(usageTypeOf('PasskeyRegistration')).toBe('PasskeyRegistration');
    expect(usageTypeOf('toString')).toBe('toString');
  });

  it('lists the variables of every type it maps', () => {
    expect(Object.keys(LOGTO_VARIABLES.variables).sort()).toEqual(Object.keys(LOGTO_USAGE_TYPES).sort());
    expect(LOGTO_VARIABLES.variables.OrganizationInvitation).toEqual(expect.arrayContaining(['link', 'code', 'organizationName', 'inviterName']));
  });
});
