import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../../src/templates/defaults/index.js';
import { compileTemplate } from '../../../src/render/compile-template.js';

const LINK = 'https://example.com/auth/link?token=7f3a9c';
const CODE = '482913';
const withLink = defaultTemplates.filter((template) => `${template.content}${template.text ?? ''}`.includes('{{link}}'));

// A mail scanner may use the link up before the person clicks (docs/links.md); the code cannot be.
describe('a built-in template that carries a link', () => {
  it('exists: the invitations do', () => {
    expect(withLink.map((template) => template.usageType)).toContain('OrganizationInvitation');
  });

  it.each(withLink.map((template) => [`${template.usageType} ${template.locale ?? 'en'}`, template] as const))(
    'also carries the code, in HTML and text, when the payload has both: %s',
    (_name, template) => {
      const rendered = compileTemplate(template).render({ link: LINK, code: CODE, organizationName: 'Acme' });
      // The link reads as it is in the HTML's href and in the text.
      expect(rendered.html).toMatch(/<a [^>]*href="https:\/\/example\.com\/auth\/link\?token=7f3a9c"/);
      expect(rendered.html).toContain(`>${CODE}</p>`);
      expect(rendered.text).toContain(LINK);
      expect(rendered.text).toContain(`    ${CODE}`);
      expect(rendered.text).not.toMatch(/\n{3}/);
    },
  );

  // The invitation, the link types and the code types that send a link message by link alone.
  const linkAlone = withLink.filter((template) => !['UserPermissionValidation', 'MfaVerification', 'BindMfa'].includes(template.usageType));
  it('takes a link alone for all but the three step-up code types', () => {
    expect(new Set(linkAlone.map((template) => template.usageType)).size).toBe(9);
  });
  it.each(linkAlone.map((template) => [`${template.usageType} ${template.locale ?? 'en'}`, template] as const))(
    'still renders from a link alone, without a stray blank line: %s',
    (_name, template) => {
      const { text } = compileTemplate(template).render({ link: LINK, organizationName: 'Acme' });
      expect(text).toContain(LINK);
      expect(text).not.toMatch(/\n{3}/);
    },
  );
});
