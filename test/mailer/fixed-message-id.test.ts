import { describe, expect, it } from 'vitest';
import { createMailer } from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/index.js';
import { failureOf } from '../helpers/failure-of.js';
import { logtoConfigFor } from '../helpers/logto-config.js';
import { sinkPerTest } from '../helpers/sink-per-test.js';

const { sink, keep } = sinkPerTest();

const signIn = { to: 'ada@example.com', type: 'SignIn', payload: { code: '482913' } };

describe('a Message-ID fixed by the caller (SendOptions.messageId)', () => {
  it('sends a left part with the sender domain added, the same id every time it is sent', async () => {
    const mailer = keep(createMailer(logtoConfigFor(sink())));
    const first = await mailer.send(signIn, { messageId: 'job-7f3a.1' });
    const again = await mailer.send(signIn, { messageId: 'job-7f3a.1' });
    const received = await sink().waitForMessages(2);
    expect(received.map((message) => message.messageId)).toEqual(['<job-7f3a.1@acme.test>', '<job-7f3a.1@acme.test>']);
    expect([first.messageId, again.messageId]).toEqual(['<job-7f3a.1@acme.test>', '<job-7f3a.1@acme.test>']);
  });

  it('sends a whole id as given, with or without its angle brackets', async () => {
    const mailer = keep(createMailer(logtoConfigFor(sink())));
    await mailer.send(signIn, { messageId: '<a1@mail.example.org>' });
    await mailer.send(signIn, { messageId: 'a2@mail.example.org' });
    const received = await sink().waitForMessages(2);
    expect(received.map((message) => message.messageId)).toEqual(['<a1@mail.example.org>', '<a2@mail.example.org>']);
  });

  it('hands it to any transport as the Message-ID header', async () => {
    const transport = new MemoryTransport();
    const mailer = keep(createMailer(logtoConfigFor(sink()), { transport }));
    await mailer.send(signIn, { messageId: 'x9' });
    expect(transport.messages[0]?.headers?.['Message-ID']).toBe('<x9@acme.test>');
  });

  it.each(['', 'a b', '<a@b', 'a@b@c', 'a\r\nBcc: eve@example.com', '"q"@b', 42])(
    'refuses %j with InvalidConfig, sending nothing',
    async (messageId) => {
      const transport = new MemoryTransport();
      const mailer = keep(createMailer(logtoConfigFor(sink()), { transport }));
      const error = await failureOf(mailer.send(signIn, { messageId: messageId as string }));
      expect(error).toMatchObject({ code: 'InvalidConfig' });
      expect(error.message).toContain('messageId must be a Message-ID');
      expect(transport.messages).toHaveLength(0);
    },
  );
});
