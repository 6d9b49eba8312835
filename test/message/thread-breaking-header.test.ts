import { afterEach, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/index.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/index.js';
import type { Mailer } from '../../src/mailer.js';

let sink: SmtpSink | undefined;
let mailer: Mailer | undefined;

afterEach(async () => {
  await mailer?.close();
  await sink?.close();
  mailer = sink = undefined;
});

describe('the header that keeps each code out of an earlier message’s Gmail thread', () => {
  it('gives two sends of the same subject different X-Entity-Ref-ID values, as received over SMTP', async () => {
    sink = await startSmtpSink();
    mailer = createMailer({ ...sink.config, fromEmail: 'Acme <no-reply@example.com>' });
    await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
    await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '654321' } });
    const [first, second] = sink.messages.map((message) => message.headers['x-entity-ref-id']);
    expect(sink.messages.map((message) => message.subject)).toEqual(['Your sign-in code', 'Your sign-in code']);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(first).not.toBe(second);
  });

  it('gives way to a custom header of that name, as a Logto config may carry, in any case', async () => {
    sink = await startSmtpSink();
    mailer = createMailer({ ...sink.config, fromEmail: 'no-reply@example.com', customHeaders: { 'x-entity-ref-id': 'acme-auth' } });
    await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
    expect(sink.messages[0]?.headers['x-entity-ref-id']).toBe('acme-auth');
    expect(sink.messages[0]?.raw.match(/^x-entity-ref-id:/gim)).toHaveLength(1);
  });
});
