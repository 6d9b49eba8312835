import { describe, expect, it } from 'vitest';
import { createMailer } from '../../../src/index.js';
import { MemoryTransport } from '../../../src/testing/index.js';
import { englishCopy } from '../../../src/templates/defaults/english-copy.js';
import { LANGUAGES } from '../../../src/templates/defaults/languages.js';
import { SAMPLE_CODE, SAMPLE_LINK, sampleMessages, type SampleMessage } from './sample-messages.js';

const byName = (sample: SampleMessage) => [sample.name, sample] as const;
const withCode = sampleMessages.filter((sample) => sample.payload.code !== undefined);
const withLinkAndCode = withCode.filter((sample) => sample.payload.link !== undefined);

/** The text a reader (or a mail app's autofill) sees in an HTML part: no head, no tags, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&');
}

/** The declarations of the first element carrying `className`, from its inline style. */
function inlineStyle(html: string, className: string): Record<string, string> {
  const style = new RegExp(`class="${className}"[^>]*? style="([^"]*)"`).exec(html)?.[1] ?? '';
  return declarations(style);
}

/** The declarations of `.className` in the dark-mode media query of the `<style>` element. */
function darkStyle(html: string, className: string): Record<string, string> {
  const media = /@media \(prefers-color-scheme:dark\)\{([\s\S]*?)\n\}/.exec(html)?.[1] ?? '';
  const rule = new RegExp(`\\.${className}\\{([^}]*)\\}`).exec(media)?.[1] ?? '';
  return declarations(rule.replaceAll('!important', ''));
}

function declarations(style: string): Record<string, string> {
  return Object.fromEntries(
    style
      .split(';')
      .map((declaration) => declaration.split(':').map((part) => part.trim()))
      .filter((pair): pair is [string, string] => pair.length === 2 && pair[0] !== ''),
  );
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours; NaN when either is not one. */
function contrast(foreground: string | undefined, background: string | undefined): number {
  if (!/^#[0-9a-f]{6}$/i.test(foreground ?? '') || !/^#[0-9a-f]{6}$/i.test(background ?? '')) return Number.NaN;
  const [light, dark] = [luminance(foreground as string), luminance(background as string)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('the built-in templates in the inbox', () => {
  describe.each(sampleMessages.map(byName))('%s', (_name, sample) => {
    it('opens with a hidden preview text in its own language, the first sentence of the body', () => {
      const preheader = /<body [^>]*>\n<div class="am-preheader" style="([^"]*)">([^<]+)<\/div>/.exec(sample.html);
      expect(preheader, 'a preheader right after <body>').not.toBeNull();
      const style = declarations(preheader?.[1] ?? '');
      expect(style).toMatchObject({ display: 'none', 'max-height': '0', overflow: 'hidden', opacity: '0', 'mso-hide': 'all' });
      const firstParagraph = /<h1[^>]*>[^<]*<\/h1>\n<p style="[^"]*">([^<]+)<\/p>/.exec(sample.html)?.[1];
      expect(preheader?.[2]).toBe(firstParagraph);
    });

    it('declares both colour schemes, and keeps text, code and button at a contrast of 4.5 or more in each', () => {
      expect(sample.html).toContain('<meta name="color-scheme" content="light dark">');
      expect(sample.html).toContain('<meta name="supported-color-schemes" content="light dark">');
      expect(sample.html).toMatch(/<style>:root\{color-scheme:light dark;supported-color-schemes:light dark\}/);
      const page = { light: inlineStyle(sample.html, 'am-page'), dark: darkStyle(sample.html, 'am-page') };
      const pairs: Array<[string, Record<string, string>, string | undefined]> = [
        ['light text', page.light, page.light['background-color']],
        ['dark text', page.dark, page.dark['background-color']],
        ['light footer', inlineStyle(sample.html, 'am-muted'), page.light['background-color']],
        ['dark footer', darkStyle(sample.html, 'am-muted'), page.dark['background-color']],
      ];
      if (sample.payload.code !== undefined) {
        const [light, dark] = [inlineStyle(sample.html, 'am-code'), darkStyle(sample.html, 'am-code')];
        pairs.push(['light code', light, light['background-color']], ['dark code', dark, dark['background-color']]);
      }
      if (sample.payload.link !== undefined) {
        const [light, dark] = [inlineStyle(sample.html, 'am-button'), darkStyle(sample.html, 'am-button')];
        pairs.push(['light button', light, light['background-color']], ['dark button', dark, dark['background-color']]);
      }
      for (const [what, style, background] of pairs) {
        expect(contrast(style.color, background), `${what}: ${style.color} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  });

  describe.each(withCode.map(byName))('%s', (_name, sample) => {
    it('has no number of 4 to 8 digits but the code, so autofill cannot take the wrong one', () => {
      const digitRuns = (part: string): string[] => part.match(/\p{Nd}{4,}/gu) ?? [];
      expect(digitRuns(sample.subject)).toEqual([]);
      expect(digitRuns(sample.text)).toEqual([SAMPLE_CODE]);
      expect(digitRuns(visibleText(sample.html))).toEqual([SAMPLE_CODE]);
    });
  });

  describe.each(withLinkAndCode.map(byName))('%s', (_name, sample) => {
    it('shows both the button to the link and the code', () => {
      expect(sample.html).toContain(`<a class="am-button" href="${SAMPLE_LINK.replaceAll('&', '&amp;')}"`);
      expect(sample.html).toContain(`<p class="am-code" style="`);
      expect(sample.html).toContain(`>${SAMPLE_CODE}</p>`);
      expect(sample.text).toContain(SAMPLE_LINK);
      expect(sample.text).toMatch(new RegExp(`^ {4}${SAMPLE_CODE}$`, 'm'));
    });
  });

  it('leaves one blank line between blocks of the text part, whichever blocks the payload shows', () => {
    for (const sample of sampleMessages) expect(sample.text, sample.name).not.toMatch(/\n{3}|^\s|\s\n$/);
  });

  it('shows no button or code where the payload has no link or code', () => {
    const byCodeOnly = sampleMessages.filter((sample) => sample.payload.link === undefined);
    for (const sample of byCodeOnly) {
      expect(sample.html).not.toContain('class="am-button"');
      expect(sample.text).not.toContain('http');
    }
    const byLinkOnly = sampleMessages.filter((sample) => sample.payload.code === undefined);
    // Per language: the invitation with and without inviter, three link types, five code types by link alone.
    expect(byLinkOnly.length).toBe(LANGUAGES.length * 10);
    for (const sample of byLinkOnly) expect(sample.html).not.toContain('class="am-code"');
  });
});

describe('codeInSubject', () => {
  const config = { host: 'smtp.example.com', fromEmail: 'Acme <no-reply@example.com>' };
  const transport = new MemoryTransport();

  it('starts every built-in subject with the code, in every language', async () => {
    const mailer = createMailer(config, { transport, codeInSubject: true });
    for (const language of LANGUAGES) {
      const locale = language.locale ?? 'en';
      const signIn = await mailer.render({ type: 'SignIn', payload: { code: SAMPLE_CODE, locale } });
      expect(signIn.subject).toBe(`${SAMPLE_CODE} – ${language.subjects.SignIn}`);
    }
  });

  it('leaves the subject of an invitation by link alone, and is off by default', async () => {
    const withOption = createMailer(config, { transport, codeInSubject: true });
    const invitation = await withOption.render({ type: 'OrganizationInvitation', payload: { link: SAMPLE_LINK } });
    expect(invitation.subject).toBe(englishCopy.subjects.OrganizationInvitation.replace('{organization}', englishCopy.organization));
    const byDefault = createMailer(config, { transport });
    const signIn = await byDefault.render({ type: 'SignIn', payload: { code: SAMPLE_CODE } });
    expect(signIn.subject).toBe(englishCopy.subjects.SignIn);
  });
});
