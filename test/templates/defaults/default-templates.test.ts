import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../../src/templates/defaults/index.js';
import { isMailerError } from '../../../src/errors/mailer-error.js';
import { compileTemplate } from '../../../src/render/compile-template.js';
import type { TemplateDefinition } from '../../../src/types/template.js';
import { KNOWN_USAGE_TYPES } from '../../../src/types/usage-type.js';
import { LANGUAGES } from '../../../src/templates/defaults/languages.js';
import { sampleMessages } from './sample-messages.js';

const LINK = 'https://example.com/invitations/accept?token=7f3a9c';
const byTemplate = (template: TemplateDefinition): string => `${template.usageType} ${template.locale ?? 'en'}`;

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
      const rendered = compileTemplate(template).render({ code: '123456' });
      expect(rendered.subject.length).toBeGreaterThan(0);
      expect(rendered.subject.length).toBeLessThanOrEqual(60);
      expect(rendered.subject).not.toMatch(/[!$]|\b[A-Z]{4,}\b/);
      expect(rendered.html).toContain('>123456</p>');
      expect(rendered.text).toMatch(/^ {4}123456$/m);
      expect(rendered.text).not.toMatch(/\n{3}/);
    });
  });

  describe.each(defaultTemplates.filter((template) => template.usageType !== 'OrganizationInvitation').map((t) => [byTemplate(t), t] as const))(
    '%s',
    (_name, template) => {
      it('requires the code', () => {
        const error = renderError(template, {});
        expect(isMailerError(error) && error.code).toBe('MissingVariable');
        expect((error as Error).message).toContain('{{code}}');
      });
    },
  );

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

      it('needs a link or a code', () => {
        const error = renderError(template, {});
        expect(isMailerError(error) && error.code).toBe('MissingVariable');
      });
    },
  );

  it('points the invitation button at the link, decoded as a browser decodes the attribute', () => {
    const sample = sampleMessages.find((message) => message.payload.link !== undefined);
    const href = /<a class="am-button" href="([^"]+)"/.exec(sample?.html ?? '')?.[1] ?? '';
    const decoded = href.replaceAll('&amp;', '&');
    expect(decoded).toBe(sample?.payload.link);
  });
});
