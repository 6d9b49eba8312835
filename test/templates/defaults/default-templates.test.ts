import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../../src/templates/defaults/index.js';
import { isMailerError } from '../../../src/errors/mailer-error.js';
import { compileTemplate } from '../../../src/render/compile-template.js';
import type { TemplateDefinition } from '../../../src/types/template.js';
import { KNOWN_USAGE_TYPES } from '../../../src/types/usage-type.js';
import { LANGUAGES } from '../../../src/templates/defaults/languages.js';
import { CODE_OR_LINK_TYPES, LINK_TYPES, sampleMessages } from './sample-messages.js';

const LINK = 'https://example.com/invitations/accept?token=7f3a9c';
/** The link message each code type that takes a link alone sends then. */
const LINK_MESSAGE_OF: Readonly<Record<string, string>> = {
  Register: 'VerifyEmailLink',
  SignIn: 'MagicLink',
  ForgotPassword: 'ResetPasswordLink',
  Generic: 'VerifyEmailLink',
  BindNewIdentifier: 'VerifyEmailLink',
};
/** The code types that keep requiring the code: they confirm a step inside a session already open. */
const CODE_ONLY_TYPES: readonly string[] = ['UserPermissionValidation', 'MfaVerification', 'BindMfa'];
const ofKind = (predicate: (type: string) => boolean) =>
  defaultTemplates.filter((template) => predicate(template.usageType)).map((template) => [byTemplate(template), template] as const);
const byTemplate = (template: TemplateDefinition): string => `${template.usageType} ${template.locale ?? 'en'}`;
const sameLocale = (usageType: string, locale: string | undefined): TemplateDefinition =>
  defaultTemplates.find((template) => template.usageType === usageType && template.locale === locale) as TemplateDefinition;

function renderError(template: TemplateDefinition, payload: Record<string, unknown>): unknown {
  try {
    compileTemplate(template).render(payload);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('defaultTemplates', () => {
  it('has every known usage type once in English without a locale and once in each locale and alias', () => {
    const locales = LANGUAGES.flatMap((language) => (language.locale === undefined ? ['en'] : [language.locale, ...(language.aliases ?? [])]));
    expect(locales).toHaveLength(new Set(locales).size);
    expect(defaultTemplates.map(byTemplate).sort()).toEqual(KNOWN_USAGE_TYPES.flatMap((type) => locales.map((locale) => `${type} ${locale}`)).sort());
    expect(defaultTemplates.filter((template) => template.locale === undefined)).toHaveLength(KNOWN_USAGE_TYPES.length);
  });

  it('cannot be changed by a user, since every mailer shares it', () => {
    expect(Object.isFrozen(defaultTemplates)).toBe(true);
    for (const template of defaultTemplates) expect(Object.isFrozen(template)).toBe(true);
  });

  describe.each(defaultTemplates.map((template) => [byTemplate(template), template] as const))('%s', (_name, template) => {
    const language = LANGUAGES.find((copy) => copy.locale === template.locale || copy.aliases?.includes(template.locale ?? ''));

    it('is a complete HTML document in its language', () => {
      expect(template.contentType).toBe('text/html');
      expect(template.content).toMatch(/^<!doctype html>\n/);
      const attributes = `lang="${language?.lang ?? ''}" dir="${language?.dir ?? 'ltr'}"`;
      expect(template.content).toContain(`<html ${attributes}>`);
      expect(template.content).toContain(`<body ${attributes} `);
      expect(template.content).toContain('<meta charset="utf-8">');
      expect(template.content).toMatch(/<title>[^<]+<\/title>/);
      expect(template.content).toMatch(/<\/html>\n$/);
    });

    it('has no images and a hand-written plain-text part without markup', () => {
      expect(template.content).not.toMatch(/<img|background-image|url\(/i);
      expect(template.text).toBeDefined();
      expect(template.text).not.toMatch(/[<>]/);
      expect(template.text).toMatch(/\{\{code\}\}|\{\{link\}\}/);
    });

    it('shows the code as large, letter-spaced monospace text', () => {
      expect(template.content).toMatch(
        /<p class="am-code" style="[^"]*font-family:[^"]*monospace[^"]*font-size:32px[^"]*letter-spacing:[^"]*">\{\{code\}\}<\/p>/,
      );
      expect(template.text).toMatch(/^ *\{\{code\}\}$/m);
    });

    it('renders with the library renderer into a short subject and both parts carrying the code', () => {
      const payload = LINK_TYPES.includes(template.usageType) ? { code: '123456', link: LINK } : { code: '123456' };
      const rendered = compileTemplate(template).render(payload);
      expect(rendered.subject.length).toBeGreaterThan(0);
      expect(rendered.subject.length).toBeLessThanOrEqual(60);
      expect(rendered.subject).not.toMatch(/[!$]|\b[A-Z]{4,}\b/);
      expect(rendered.html).toContain('>123456</p>');
      expect(rendered.text).toMatch(/^ {4}123456$/m);
      expect(rendered.text).not.toMatch(/\n{3}/);
    });
  });

  it('sorts every known usage type into one kind: code only, code or link, link first, invitation', () => {
    const kinds = [...CODE_ONLY_TYPES, ...CODE_OR_LINK_TYPES, ...LINK_TYPES, 'OrganizationInvitation'];
    expect([...kinds].sort()).toEqual([...KNOWN_USAGE_TYPES].sort());
  });

  describe.each(ofKind((type) => CODE_ONLY_TYPES.includes(type)))('%s', (_name, template) => {
    it('requires the code, with or without a link', () => {
      for (const payload of [{}, { link: LINK }]) {
        const error = renderError(template, payload);
        expect(isMailerError(error) && error.code).toBe('MissingVariable');
        expect((error as Error).message).toContain('it uses {{code}} but');
        expect((error as Error).message).toContain('Pass code in payload (');
      }
    });
  });

  describe.each(ofKind((type) => CODE_OR_LINK_TYPES.includes(type)))('%s', (_name, template) => {
    it('sends the link message of its kind for a link without a code', () => {
      const linkTemplate = sameLocale(LINK_MESSAGE_OF[template.usageType] as string, template.locale);
      const rendered = compileTemplate(template).render({ link: LINK });
      expect(rendered).toEqual(compileTemplate(linkTemplate).render({ link: LINK }));
      expect(rendered.html).toContain(`<a class="am-button" href="${LINK}"`);
      expect(rendered.html).not.toContain('class="am-code"');
      expect(rendered.text).toContain(LINK);
    });

    it('stays the code message with the code, the link as a button below it', () => {
      const rendered = compileTemplate(template).render({ code: '123456', link: LINK });
      expect((rendered.html ?? '').indexOf('class="am-code"')).toBeLessThan((rendered.html ?? '').indexOf('class="am-button"'));
      expect(rendered.subject).toBe(compileTemplate(template).render({ code: '123456' }).subject);
    });

    it('names the code, and the link as the other way, when the payload has neither', () => {
      const error = renderError(template, {});
      expect(isMailerError(error) && error.code).toBe('MissingVariable');
      expect((error as Error).message).toContain('it uses {{code}} but the payload has no value for it. Pass code in payload, or link instead (');
    });
  });

  describe.each(ofKind((type) => LINK_TYPES.includes(type)))('%s', (_name, template) => {
    it('leads with the button and the link written out, without a code box when the payload has no code', () => {
      const rendered = compileTemplate(template).render({ link: LINK });
      expect(rendered.html).toContain(`<a class="am-button" href="${LINK}"`);
      expect(rendered.html).toMatch(new RegExp(`<p class="am-muted" dir="ltr" [^>]*>${LINK.replaceAll('?', '\\?')}</p>`));
      expect(rendered.html).not.toContain('class="am-code"');
      expect(rendered.text).toContain(LINK);
    });

    it('shows the code below the link when the payload has both', () => {
      const rendered = compileTemplate(template).render({ code: '123456', link: LINK });
      expect((rendered.html ?? '').indexOf('class="am-button"')).toBeLessThan((rendered.html ?? '').indexOf('class="am-code"'));
      expect(rendered.text.indexOf(LINK)).toBeLessThan(rendered.text.indexOf('123456'));
    });

    it('requires the link, and names it, with or without a code', () => {
      for (const payload of [{}, { code: '123456' }]) {
        const error = renderError(template, payload);
        expect(isMailerError(error) && error.code).toBe('MissingVariable');
        expect((error as Error).message).toContain('it uses {{link}} but the payload has no value for it. Pass link in payload (');
      }
    });
  });

  describe.each(defaultTemplates.filter((template) => template.usageType === 'OrganizationInvitation').map((t) => [byTemplate(t), t] as const))(
    '%s',
    (_name, template) => {
      it('links to the invitation when the payload has a link, without needing a code', () => {
        const rendered = compileTemplate(template).render({ link: LINK, organizationName: 'Acme & Co' });
        expect(rendered.html).toMatch(/<a class="am-button" href="[^"]+"/);
        expect(rendered.html).not.toContain('monospace');
        expect(rendered.text).toContain(LINK);
        expect(rendered.subject).toContain('Acme & Co');
        expect(rendered.html).toContain('Acme &amp; Co');
        expect(rendered.text).toContain('Acme & Co');
      });

      it('shows the code when the payload has no link, and a generic name without organizationName', () => {
        const rendered = compileTemplate(template).render({ code: '123456' });
        expect(rendered.html).not.toContain('<a ');
        expect(rendered.text).not.toContain('http');
        expect(rendered.html).toContain('>123456</p>');
        expect(rendered.subject).not.toContain('{{');
      });

      it('needs a link or a code, and names both', () => {
        const error = renderError(template, {});
        expect(isMailerError(error) && error.code).toBe('MissingVariable');
        expect((error as Error).message).toContain('Pass code in payload, or link instead (');
      });

      it('says who invited when the payload has inviterName, escaped in HTML, and not otherwise', () => {
        const payload = { link: LINK, organizationName: 'Acme', inviterName: 'Ada <Lovelace>' };
        const rendered = compileTemplate(template).render(payload);
        expect(rendered.html).toContain('Ada &lt;Lovelace&gt;');
        expect(rendered.html).not.toContain('<Lovelace>');
        expect(rendered.text).toContain('Ada <Lovelace>');
        const anonymous = compileTemplate(template).render({ link: LINK, organizationName: 'Acme' });
        expect(anonymous.text).not.toContain('Ada');
        expect(rendered.subject).toBe(anonymous.subject);
      });
    },
  );

  it('writes who invited in English as "Ada Lovelace invited you to join Acme."', () => {
    const rendered = compileTemplate(sameLocale('OrganizationInvitation', undefined)).render({ link: LINK, organizationName: 'Acme', inviterName: 'Ada Lovelace' });
    expect(rendered.text).toContain('Ada Lovelace invited you to join Acme.');
    expect(rendered.html).toContain('>Ada Lovelace invited you to join Acme.</div>');
  });

  it('points the invitation button at the link, decoded as a browser decodes the attribute', () => {
    const sample = sampleMessages.find((message) => message.payload.link !== undefined);
    const href = /<a class="am-button" href="([^"]+)"/.exec(sample?.html ?? '')?.[1] ?? '';
    const decoded = href.replaceAll('&amp;', '&');
    expect(decoded).toBe(sample?.payload.link);
  });
});
