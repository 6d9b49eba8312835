import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, isMailerError, type Mailer } from '../../src/index.js';
import { startSmtpSink, type ReceivedMessage, type SmtpSink } from '../../src/testing/index.js';
import { SEED, hostileString } from './arbitraries.js';
import { rawHeaders } from './raw-headers.js';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_RUNS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createMailer(
    {
      ...sink.config,
      fromEmail: 'Acme <no-reply@acme.test>',
      replyTo: 'help@acme.test',
      customHeaders: { 'X-Campaign': 'auth' },
      templates: [
        { usageType: 'SignIn', contentType: 'text/plain', subject: 'Code {{code}} for {{name}}', content: 'Code {{code}}, {{name}}.' },
        { usageType: 'Register', contentType: 'text/html', subject: '{{{name}}} {{code}}', content: '<p>{{code}}</p><p>{{{name}}}</p>' },
      ],
    },
    { retry: { attempts: 1 } },
  );
});

afterAll(async () => {
  await mailer.close();
  await sink.close();
});

/** Sends one message and returns what the sink received, or `undefined` when the send was refused. */
async function deliver(to: string, type: string, payload: Record<string, unknown>): Promise<ReceivedMessage | undefined> {
  sink.clear();
  try {
    await mailer.send({ to, type, payload });
  } catch (error) {
    if (!isMailerError(error)) throw error;
    expect(['InvalidRecipient', 'MissingVariable']).toContain(error.code);
    return undefined;
  }
  const [received] = await sink.waitForMessages(1);
  return received;
}

function headerNames(message: ReceivedMessage): string[] {
  return rawHeaders(message.raw)
    .map(({ name }) => name.toLowerCase())
    .sort();
}

/** What the subject template renders to, written independently of the library. */
function expectedSubject(template: (code: string, name: string) => string, code: string, name: string): string {
  return template(code, name).replace(CONTROL_RUNS, ' ').trim().replace(/\p{Cs}/gu, '\uFFFD');
}

describe('no payload value adds a header line or a recipient (through real SMTP)', () => {
  it('keeps the header names, the envelope and the subject, whatever the payload and display name', async () => {
    const baseline = {
      SignIn: headerNames((await deliver('ada@example.com', 'SignIn', { code: '1', name: 'Ada' })) as ReceivedMessage),
      Register: headerNames((await deliver('ada@example.com', 'Register', { code: '1', name: 'Ada' })) as ReceivedMessage),
    };
    const subjects = {
      SignIn: (code: string, name: string) => `Code ${code} for ${name}`,
      Register: (code: string, name: string) => `${name} ${code}`,
    };
    await fc.assert(
      fc.asyncProperty(
        hostileString,
        hostileString,
        fc.option(hostileString, { nil: undefined }),
        fc.constantFrom<'SignIn' | 'Register'>('SignIn', 'Register'),
        async (code, name, displayName, type) => {
          const to = displayName === undefined ? 'ada@example.com' : `${displayName} <ada@example.com>`;
          const received = await deliver(to, type, { code, name });
          if (received === undefined) return;
          expect(headerNames(received)).toEqual(baseline[type]);
          expect(received.envelope).toEqual({ from: 'no-reply@acme.test', to: ['ada@example.com'] });
          expect(received.subject ?? '').toBe(expectedSubject(subjects[type], code, name));
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });
});
