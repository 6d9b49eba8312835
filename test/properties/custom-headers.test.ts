import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, isMailerError } from '../../src/index.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/index.js';
import { SEED, hostileString } from './arbitraries.js';
import { decodeWords, rawHeaders } from './raw-headers.js';

const TEMPLATES = [{ usageType: 'Generic', contentType: 'text/plain', subject: 'Hello', content: 'Code {{code}}' }];

/** Header names: ordinary tokens, the names the message itself sets, and hostile text. */
const headerName = fc.oneof(
  fc.stringMatching(/^X-[A-Za-z0-9-]{1,20}$/),
  fc.constantFrom('From', 'to', 'Bcc', 'Cc', 'Subject', 'Reply-To', 'Sender', 'Message-ID', 'Date', 'MIME-Version', 'Content-Type', 'content-transfer-encoding', 'Return-Path', 'Auto-Submitted', 'Content-Language', 'In-Reply-To', 'Received'),
  fc.stringMatching(/^[\x21-\x7e]{1,12}$/),
  hostileString,
);
const headerValue = fc.oneof(
  fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
  hostileString,
  fc.constantFrom('eve@evil.test', 'a\r\nBcc: eve@evil.test', '=?utf-8?Q?x?=', ' padded ', 'x'.repeat(300)),
);

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

/** Creates a mailer with one custom header, or returns the MailerError code when the config is refused. */
function tryMailer(name: string, value: string | string[]) {
  try {
    return createMailer(
      { ...sink.config, fromEmail: 'no-reply@acme.test', customHeaders: { [name]: value }, templates: TEMPLATES },
      { retry: { attempts: 1 } },
    );
  } catch (error) {
    if (isMailerError(error)) return error.code;
    throw error;
  }
}

describe('custom headers', () => {
  it('are refused as InvalidConfig, or arrive as exactly one header line each with the same value', async () => {
    await fc.assert(
      fc.asyncProperty(headerName, fc.oneof(headerValue, fc.array(headerValue, { minLength: 1, maxLength: 2 })), async (name, value) => {
        const mailer = tryMailer(name, value);
        if (typeof mailer === 'string') {
          expect(mailer).toBe('InvalidConfig');
          return;
        }
        sink.clear();
        try {
          await mailer.send({ to: 'ada@example.com', type: 'Generic', payload: { code: '1' } });
        } finally {
          await mailer.close();
        }
        const [received] = await sink.waitForMessages(1);
        const lines = rawHeaders(received?.raw ?? '').filter((header) => header.name.toLowerCase() === name.toLowerCase());
        const values = [value].flat();
        // nodemailer writes printable ASCII as is and encodes anything else as RFC 2047 words.
        const arrived = lines.map((line, index) => (/^[\x20-\x7e]*$/.test(values[index] ?? '') ? line.value : decodeWords(line.value)).trim());
        expect(arrived).toEqual(values.map((item) => item.trim()));
        expect(received?.envelope.to).toEqual(['ada@example.com']);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
