import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer, type TemplateDefinition } from '../../src/index.js';
import { localeLookupChain, MAX_LOCALE_TAGS } from '../../src/templates/locale.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/index.js';
import { SEED, hostileString, payloadValue } from './arbitraries.js';
import { rawHeaders } from './raw-headers.js';

const languageTag = fc.oneof(
  fc.constantFrom('en', 'pt-BR', 'pt-br', 'PT_br', 'zh-Hant-TW', 'ja', 'iw', 'en-US-u-ca-gregory', '*', '', 'x-private', 'i-klingon'),
  fc.stringMatching(/^[a-zA-Z]{1,9}(?:[-_][a-zA-Z0-9]{1,9}){0,6}$/),
);
const weight = fc.constantFrom('', ';q=0.9', ';q=0', ';q=1.000', ';Q=0.5', ';q=abc', ';q=2', ';level=1', ' ; q=0.3 ');
/** `Accept-Language`-shaped values, well-formed or not. */
const acceptLanguage = fc
  .array(fc.tuple(languageTag, weight), { minLength: 1, maxLength: 30 })
  .chain((entries) => fc.constantFrom(',', ', ', ' ,').map((separator) => entries.map(([tag, q]) => tag + q).join(separator)));

/** Anything a caller might pass as `payload.locale`. */
const anyLocale = fc.oneof(
  { weight: 4, arbitrary: acceptLanguage },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.string({ maxLength: 400 }) },
  { weight: 1, arbitrary: fc.constantFrom('-'.repeat(20_000), 'a-'.repeat(10_000), '../../etc/passwd', 'pt-BR\r\nBcc: eve@evil.test') },
  { weight: 1, arbitrary: payloadValue },
);

/** Most store lookups one send may make: its type and `Generic`, each along the chain and without a locale. */
const MAX_STORE_LOOKUPS = 2 * (MAX_LOCALE_TAGS + 1);

const isCanonical = (tag: string): boolean => {
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag;
  } catch {
    return false;
  }
};

describe('localeLookupChain, for any value', () => {
  it(`gives at most ${MAX_LOCALE_TAGS} canonical tags without repeats, and never throws`, () => {
    fc.assert(
      fc.property(anyLocale, (locale) => {
        const chain = localeLookupChain(locale);
        expect(chain.length).toBeLessThanOrEqual(MAX_LOCALE_TAGS);
        expect(new Set(chain).size).toBe(chain.length);
        expect(chain.filter((tag) => !isCanonical(tag))).toEqual([]);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

let sink: SmtpSink;
let mailer: Mailer;
const asked: (string | undefined)[] = [];

beforeAll(async () => {
  sink = await startSmtpSink();
  const stored: TemplateDefinition = { usageType: 'SignIn', locale: 'pt', contentType: 'text/plain', subject: 'store pt', content: '{{code}}' };
  mailer = createMailer(
    {
      ...sink.config,
      fromEmail: 'Acme <no-reply@acme.test>',
      templates: [
        { usageType: 'SignIn', locale: 'ja', contentType: 'text/plain', subject: 'config ja', content: '{{code}}' },
        { usageType: 'Generic', contentType: 'text/plain', subject: 'config generic', content: '{{code}}' },
      ],
    },
    {
      templateStore: {
        async findTemplate(usageType, locale) {
          asked.push(locale);
          return usageType === 'SignIn' && locale === 'pt' ? stored : null;
        },
      },
      retry: { attempts: 1 },
    },
  );
});

afterAll(async () => {
  await mailer.close();
  await sink.close();
});

describe('a send, whatever its locale (through real SMTP)', () => {
  it('goes out, in a template it reports, after a bounded number of store lookups with canonical tags', async () => {
    const expectedSubject = { store: 'store pt', config: 'config ja' } as const;
    await fc.assert(
      fc.asyncProperty(anyLocale, async (locale) => {
        asked.length = 0;
        sink.clear();
        const result = await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1', locale: locale as string } });
        const [received] = await sink.waitForMessages(1);
        expect(asked.length).toBeLessThanOrEqual(MAX_STORE_LOOKUPS);
        expect(asked.filter((tag) => tag !== undefined && !isCanonical(tag))).toEqual([]);
        const { template } = result;
        if (template?.usageType === 'Generic') expect(received?.subject).toBe('config generic');
        else expect(received?.subject).toBe(expectedSubject[template?.source as 'store' | 'config']);
        expect(received?.envelope).toEqual({ from: 'no-reply@acme.test', to: ['ada@example.com'] });
        expect(rawHeaders(received?.raw ?? '').filter(({ name }) => /^(bcc|cc|to)$/i.test(name))).toEqual([{ name: 'To', value: 'ada@example.com' }]);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
