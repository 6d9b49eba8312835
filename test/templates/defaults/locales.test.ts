import { describe, expect, it } from 'vitest';
import { createMailer } from '../../../src/index.js';
import { MemoryTransport } from '../../../src/testing/index.js';
import { englishCopy } from '../../../src/templates/defaults/english-copy.js';
import { LANGUAGES } from '../../../src/templates/defaults/languages.js';
import type { LanguageCopy } from '../../../src/templates/defaults/template-copy.js';
import { KNOWN_USAGE_TYPES } from '../../../src/types/usage-type.js';
import { LINK_TYPES, SAMPLE_CODE, SAMPLE_LINK, primaryTemplates, sampleInviter, sampleMessages, samplePayloads } from './sample-messages.js';

const REQUIRED = ['en', 'ja', 'zh-Hans', 'zh-Hant', 'ko', 'es', 'pt-BR', 'fr', 'de', 'it', 'ru', 'pl', 'tr', 'id', 'vi', 'hi', 'ar', 'he'];
const RIGHT_TO_LEFT = ['ar', 'he'];
const BRAND = 'Acme & Co';
const mailer = createMailer({ host: 'smtp.example.com', fromEmail: 'Acme <no-reply@example.com>' }, { transport: new MemoryTransport() });
const tagOf = (language: LanguageCopy): string => language.locale ?? 'en';
const others = LANGUAGES.filter((language) => language.locale !== undefined);

/** Every sentence of a language, as written in its copy. */
function sentencesOf(language: LanguageCopy): string[] {
  const { subjects, purposes, linkPurposes, linkLabels, notice, linkNotice, orLink, linkLabel, invited, invitedBy } = language;
  const { acceptLabel, orCode, organization, footer, invitationFooter } = language;
  return [
    ...Object.values(subjects),
    ...Object.values(purposes),
    ...Object.values(linkPurposes),
    ...Object.values(linkLabels),
    notice,
    linkNotice,
    orLink,
    linkLabel,
    invited,
    invitedBy,
    acceptLabel,
    orCode,
    organization,
    footer,
    invitationFooter,
  ];
}

/**
 * English words of the copy that a language writes the same way in its own text: `code` in French,
 * `account` in Dutch... Listed per locale, so a new English leftover still fails the test.
 */
const SHARED_WORDS: Readonly<Record<string, readonly string[]>> = {
  fr: ['code', 'invitation'],
  de: ['code', 'link'],
  nl: ['code', 'account', 'link', 'open'],
  it: ['email', 'account', 'password', 'link'],
  'pt-BR': ['link'],
  pl: ['link'],
  id: ['email'],
  vi: ['email'],
};

/** The English copy's words of three letters or more, without the organization slot. */
const ENGLISH_WORDS = new Set(
  sentencesOf(englishCopy)
    .join(' ')
    .replaceAll('{organization}', ' ')
    .replaceAll('{inviter}', ' ')
    .toLowerCase()
    .match(/[a-z][a-z'-]{2,}/g),
);

describe('the built-in copy', () => {
  it('is written in at least 20 languages, among them those users ask for most', () => {
    expect(LANGUAGES.length).toBeGreaterThanOrEqual(20);
    expect(LANGUAGES.map(tagOf)).toEqual(expect.arrayContaining(REQUIRED));
  });

  describe.each(LANGUAGES.map((language) => [tagOf(language), language] as const))('%s', (tag, language) => {
    it('is chosen for its locale, for every usage type, with its own subject', async () => {
      for (const type of KNOWN_USAGE_TYPES) {
        const link = LINK_TYPES.includes(type) ? { link: SAMPLE_LINK } : {};
        const message = await mailer.render({ type, payload: { code: SAMPLE_CODE, ...link, locale: tag } });
        expect(message.locale).toBe(language.locale);
        expect(message.subject).toBe(language.subjects[type].replace('{organization}', language.organization));
        expect(message.text).toContain(SAMPLE_CODE);
      }
    });

    it(`is written ${RIGHT_TO_LEFT.includes(tag) ? 'right to left' : 'left to right'} on <html> and <body>`, async () => {
      const { html } = await mailer.render({ type: 'SignIn', payload: { code: SAMPLE_CODE, locale: tag } });
      const dir = RIGHT_TO_LEFT.includes(tag) ? 'rtl' : 'ltr';
      expect(html).toContain(`<html lang="${language.lang}" dir="${dir}">`);
      expect(html).toMatch(new RegExp(`<body lang="${language.lang}" dir="${dir}"`));
    });

    it('keeps every placeholder intact: none left unrendered, the organization named where given', async () => {
      const samples = sampleMessages.filter((sample) => sample.template.locale === language.locale);
      const templates = primaryTemplates.filter((template) => template.locale === language.locale);
      expect(templates).toHaveLength(KNOWN_USAGE_TYPES.length);
      expect(samples).toHaveLength(templates.flatMap(samplePayloads).length);
      for (const sample of samples) {
        for (const part of [sample.subject, sample.text, sample.html]) expect(part).not.toMatch(/\{\{|\}\}|\{organization\}/);
        if (sample.payload.organizationName !== undefined) {
          expect(sample.subject).toContain(BRAND);
          expect(sample.text).toContain(BRAND);
        }
        if (sample.payload.inviterName !== undefined) {
          const inviter = sampleInviter(language.locale);
          expect(sample.text).toContain(inviter);
          expect(sample.html).toContain(inviter.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
        }
      }
      const invitation = await mailer.render({ type: 'OrganizationInvitation', payload: { link: SAMPLE_LINK, locale: tag } });
      expect(invitation.text).toContain(language.organization);
    });
  });

  describe.each(others.map((language) => [tagOf(language), language] as const))('%s', (tag, language) => {
    it('leaves no English in its messages but the brand', () => {
      const shared = new Set(SHARED_WORDS[tag] ?? []);
      for (const sample of sampleMessages.filter((message) => message.template.locale === language.locale)) {
        const words = `${sample.subject}\n${sample.text}`.replaceAll(BRAND, ' ').replaceAll(sampleInviter(language.locale), ' ').replaceAll(SAMPLE_LINK, ' ').toLowerCase().match(/[a-z][a-z'-]{2,}/g) ?? [];
        const english = words.filter((word) => ENGLISH_WORDS.has(word) && !shared.has(word));
        expect(english, sample.name).toEqual([]);
      }
      for (const sentence of sentencesOf(language)) expect(sentencesOf(englishCopy)).not.toContain(sentence);
    });
  });

  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['iw', 'he'],
    ['es-MX', 'es'],
    ['fr-CA,en;q=0.5', 'fr'],
  ])('serves %s the %s copy', async (requested, expected) => {
    const language = LANGUAGES.find((copy) => copy.locale === expected) as LanguageCopy;
    const message = await mailer.render({ type: 'Register', payload: { code: SAMPLE_CODE, locale: requested } });
    expect(message.subject).toBe(language.subjects.Register);
  });

  it('serves a language it lacks in English', async () => {
    const message = await mailer.render({ type: 'Register', payload: { code: SAMPLE_CODE, locale: 'fi' } });
    expect(message.subject).toBe(englishCopy.subjects.Register);
    expect(message.locale).toBeUndefined();
  });
});
