import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/index.js';
import type { SendRequest } from '../../src/types/send.js';
import { SEED, hostileString, improperFailure, payload, payloadValue } from './arbitraries.js';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function mailerWith(transport: MemoryTransport): Mailer {
  return createMailer(
    {
      host: 'smtp.example.com',
      fromEmail: 'Acme <no-reply@acme.test>',
      templates: [
        { usageType: 'SignIn', contentType: 'text/plain', subject: 'Code {{code}} for {{name}}', content: 'Your code is {{code}}. {{#x}}{{.}}{{/x}}' },
        { usageType: 'Register', contentType: 'text/html', subject: '{{{code}}}', content: '<p>{{code}}</p><a href="{{link}}">{{name}}</a>' },
        { usageType: 'Generic', contentType: 'text/plain', subject: 'Hello', content: 'No variables at all.' },
        { usageType: 'Sections', contentType: 'text/html', subject: '{{user.name}}', content: '{{#x}}<i>{{name}}</i>{{/x}}{{^x}}none{{/x}}' },
      ],
    },
    { transport, retry: { attempts: 1 } },
  );
}

const usageType = fc.constantFrom('SignIn', 'Register', 'Generic', 'Sections', 'Unknown');
const recipient = fc.oneof(
  fc.constant('ada@example.com'),
  fc.constant('Ada Lovelace <ada@example.com>'),
  hostileString,
  hostileString.map((name) => `${name} <ada@example.com>`),
  hostileString.map((local) => `${local}@example.com`),
  payloadValue,
);

describe('send with hostile input', () => {
  it('resolves or rejects with a MailerError, whatever the recipient, type and payload', async () => {
    const transport = new MemoryTransport();
    const mailer = mailerWith(transport);
    await fc.assert(
      fc.asyncProperty(recipient, fc.oneof(usageType, payloadValue), payload, async (to, type, data) => {
        const request = { to, type, payload: data } as SendRequest;
        expect(await improperFailure(() => mailer.send(request))).toBeUndefined();
        expect(await improperFailure(() => mailer.render(request))).toBeUndefined();
      }),
      { seed: SEED, numRuns: 300 },
    );
    await mailer.close();
  });

  it('rejects a request that is not an object with a MailerError', async () => {
    const mailer = mailerWith(new MemoryTransport());
    await fc.assert(
      fc.asyncProperty(payloadValue, async (request) => {
        expect(await improperFailure(() => mailer.send(request as SendRequest))).toBeUndefined();
        expect(await improperFailure(() => mailer.render(request as SendRequest))).toBeUndefined();
      }),
      { seed: SEED, numRuns: 100 },
    );
    await expect(mailer.send(null as unknown as SendRequest)).rejects.toMatchObject({ code: 'InvalidRecipient' });
    await expect(mailer.render(undefined as unknown as SendRequest)).rejects.toMatchObject({ name: 'MailerError' });
    await mailer.close();
  });

  it('rejects a payload that is not an object, with a message that says so', async () => {
    const mailer = mailerWith(new MemoryTransport());
    for (const data of [null, 'code', 42, ['123456'], true]) {
      const send = mailer.send({ to: 'ada@example.com', type: 'Generic', payload: data as never });
      await expect(send).rejects.toMatchObject({ code: 'MissingVariable', message: expect.stringMatching(/payload must be an object/) });
    }
    await mailer.close();
  });

  it('refuses a value that cannot be rendered as text with MissingVariable naming it', async () => {
    const mailer = mailerWith(new MemoryTransport());
    const values: unknown[] = [
      Object.create(null),
      Symbol('s'),
      {
        toString() {
          throw new Error('no');
        },
      },
    ];
    for (const code of values) {
      const send = mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: code as string, name: 'Ada' } });
      await expect(send).rejects.toMatchObject({ code: 'MissingVariable', message: expect.stringMatching(/\{\{code\}\}.*cannot be rendered as text/) });
    }
    await mailer.close();
  });

  it('turns a payload getter, lambda or proxy that throws into MissingVariable', async () => {
    const mailer = mailerWith(new MemoryTransport());
    const throwing = Object.defineProperty({ name: 'Ada' }, 'code', {
      enumerable: true,
      get() {
        throw new Error('getter exploded');
      },
    });
    const lambda = {
      name: 'Ada',
      code() {
        throw new TypeError('lambda exploded');
      },
    };
    for (const data of [throwing, lambda, new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error('trap'); } })]) {
      const error = await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: data }).catch((reason: unknown) => reason);
      expect(error).toMatchObject({ name: 'MailerError', code: 'MissingVariable', message: expect.stringMatching(/payload threw/) });
      expect((error as Error).cause).toBeInstanceOf(Error);
    }
    await mailer.close();
  });

  it('never puts a control character into subject, from or reply-to', async () => {
    const transport = new MemoryTransport();
    const mailer = mailerWith(transport);
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, fc.constantFrom('SignIn', 'Register', 'Sections'), async (code, name, type) => {
        transport.clear();
        const sent = await mailer.send({ to: 'ada@example.com', type, payload: { code, name, link: code, user: { name }, x: true } }).then(
          () => transport.last(),
          () => undefined,
        );
        if (sent === undefined) return;
        for (const value of [sent.subject, sent.from, sent.replyTo ?? '', sent.to]) expect(value).not.toMatch(CONTROL);
      }),
      { seed: SEED, numRuns: 300 },
    );
    await mailer.close();
  });

  it('never emits a payload’s raw <, &, " or \' in an HTML template’s {{x}}', async () => {
    const transport = new MemoryTransport();
    const mailer = createMailer(
      {
        host: 'smtp.example.com',
        fromEmail: 'no-reply@acme.test',
        templates: [{ usageType: 'Generic', contentType: 'text/html', subject: 's', content: '<p>{{x}}</p><a title="{{x}}">{{#list}}<b>{{.}}</b>{{/list}}</a>' }],
      },
      { transport },
    );
    await fc.assert(
      fc.asyncProperty(hostileString, fc.array(hostileString, { maxLength: 3 }), async (x, list) => {
        const rendered = await mailer.render({ type: 'Generic', payload: { x, list } });
        const html = rendered.html ?? '';
        const markup = html.replace(/<\/?(?:p|a|b)(?: title="[^<>"']*")?>/g, '');
        expect(markup).not.toMatch(/[<>"']/);
        expect(markup.replace(/&(?:amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      }),
      { seed: SEED, numRuns: 300 },
    );
    await mailer.close();
  });
});
