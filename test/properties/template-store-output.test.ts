import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, isMailerError, type Mailer, type TemplateDefinition } from '../../src/index.js';
import { startSmtpSink, type ReceivedMessage, type SmtpSink } from '../../src/testing/index.js';
import { SEED, hostileString, payloadValue } from './arbitraries.js';
import { rawHeaders } from './raw-headers.js';

/** The header lines a message may have; each at most once. */
const ALLOWED_HEADERS = new Set([
  'content-type',
  'from',
  'to',
  'reply-to',
  'subject',
  'message-id',
  'content-transfer-encoding',
  'date',
  'mime-version',
  'auto-submitted',
  'x-entity-ref-id',
]);

/** Mostly `valid`, sometimes a hostile string. */
const mostly = (valid: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileString });

const address = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('support@acme.test', 'Acme Support <support@acme.test>', '"Acme, Inc." <support@acme.test>') },
  fc.constant('Acme Support'),
  hostileString,
  hostileString.map((name) => `${name} <support@acme.test>`),
  hostileString.map((tail) => `support@acme.test${tail}`),
);

/** A template as a store might return it: mostly well-formed, any field possibly hostile or missing. */
const storedTemplate = fc.record(
  {
    usageType: mostly(fc.constant('SignIn')),
    contentType: mostly(fc.constantFrom('text/plain', 'text/html')),
    subject: mostly(fc.constant('Code {{code}}')),
    content: mostly(fc.constant('<p>{{code}}</p>')),
    locale: mostly(fc.constantFrom('pt-BR', 'pt')),
    text: hostileString,
    sendFrom: address,
    replyTo: address,
    id: payloadValue,
  },
  { requiredKeys: ['usageType', 'contentType', 'subject', 'content'] },
);

const storeAnswer = fc.oneof(
  { weight: 8, arbitrary: storedTemplate },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('usageType', 'contentType', 'subject', 'content', 'sendFrom'), payloadValue) },
  { weight: 1, arbitrary: payloadValue },
);

let sink: SmtpSink;
let mailer: Mailer;
let answer: unknown;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createMailer(
    {
      ...sink.config,
      fromEmail: 'Acme <no-reply@acme.test>',
      templates: [{ usageType: 'Generic', contentType: 'text/plain', subject: 'Code', content: '{{code}}' }],
    },
    { templateStore: { findTemplate: async () => answer as TemplateDefinition }, retry: { attempts: 1 } },
  );
});

afterAll(async () => {
  await mailer.close();
  await sink.close();
});

/** The addr-spec of an address written `addr` or `Name <addr>`. */
function addrSpecOf(written: string): string {
  return (/<([^<>]*)>\s*$/.exec(written)?.[1] ?? written).trim();
}

/** Whether two addr-specs are the same address, a non-ASCII domain matching its punycode form. */
function sameAddress(a: string, b: string): boolean {
  const split = (address: string) => [address.slice(0, address.lastIndexOf('@')), address.slice(address.lastIndexOf('@') + 1)];
  const [localA, domainA = ''] = split(a);
  const [localB, domainB = ''] = split(b);
  // eslint-disable-next-line no-control-regex -- ASCII is the point
  const ascii = /^[\x00-\x7f]*$/;
  const idn = (!ascii.test(domainA) && domainB.includes('xn--')) || (!ascii.test(domainB) && domainA.includes('xn--'));
  return localA === localB && (domainA === domainB || idn);
}

function checkReceived(received: ReceivedMessage, sendFrom: unknown): void {
  const names = rawHeaders(received.raw).map(({ name }) => name.toLowerCase());
  expect(names.filter((name) => !ALLOWED_HEADERS.has(name))).toEqual([]);
  expect(new Set(names).size).toBe(names.length);
  expect(received.envelope.to).toEqual(['ada@example.com']);
  expect(received.to).toBe('ada@example.com');
  const expectedFrom = typeof sendFrom === 'string' ? addrSpecOf(sendFrom) : 'no-reply@acme.test';
  expect(sameAddress(received.envelope.from, expectedFrom), `envelope from ${received.envelope.from}`).toBe(true);
  expect(sameAddress(addrSpecOf(received.from ?? ''), expectedFrom), `From ${received.from}`).toBe(true);
}

describe('whatever a template store returns (through real SMTP)', () => {
  it('fails with a MailerError or sends one message to the recipient, from an address, with no header added', async () => {
    await fc.assert(
      fc.asyncProperty(storeAnswer, async (stored) => {
        answer = stored;
        sink.clear();
        try {
          await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1', locale: 'pt-BR' } });
        } catch (error) {
          if (!isMailerError(error)) throw error;
          // Rejected: the server refused a sender the address check lets through (`a@b=c`), untouched.
          // Unavailable: a proxy whose `then` throws rejects the store's own promise, as a failing database does.
          expect(['InvalidConfig', 'TemplateSyntax', 'MissingVariable', 'Rejected', 'Unavailable']).toContain(error.code);
          expect(sink.messages).toEqual([]);
          return;
        }
        const [received] = await sink.waitForMessages(1);
        const sendFrom = typeof stored === 'object' && stored !== null ? (stored as { sendFrom?: unknown }).sendFrom : undefined;
        checkReceived(received as ReceivedMessage, sendFrom);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
