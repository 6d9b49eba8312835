import { describe, expect, it } from 'vitest';
import { classifyError } from '../../src/errors/classify-error.js';
import { MailerError, isMailerError } from '../../src/errors/mailer-error.js';
import { createMailer } from '../../src/index.js';
import { MemoryTransport } from '../../src/testing/memory-transport.js';
import type { MailMessage } from '../../src/types/transport.js';

const signal = new AbortController().signal;
const message = (fields: Partial<MailMessage> = {}): MailMessage => ({
  from: 'no-reply@example.com',
  to: 'ada@example.com',
  subject: 'Your code',
  text: 'Your code is 123456.',
  usageType: 'SignIn',
  ...fields,
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('MemoryTransport', () => {
  it('captures copies of messages, most recent last', async () => {
    const transport = new MemoryTransport();
    const first = message();
    await transport.send(first, { signal });
    first.subject = 'changed afterwards';
    await transport.send(message({ to: 'grace@example.com', usageType: 'ForgotPassword' }), { signal });
    expect(transport.messages.map((captured) => captured.subject)).toEqual(['Your code', 'Your code']);
    expect(transport.last()?.to).toBe('grace@example.com');
  });

  it('reports a Message-ID and the accepted bare address', async () => {
    const result = await new MemoryTransport().send(message({ to: 'Ada <ada@example.com>' }), { signal });
    expect(result.messageId).toMatch(/^<.+@.+>$/);
    expect(result.accepted).toEqual(['ada@example.com']);
  });

  it('finds messages by recipient (any case, with or without a name), usage type, locale and subject', async () => {
    const transport = new MemoryTransport();
    await transport.send(message({ to: 'Ada <Ada@Example.com>', locale: 'en' }), { signal });
    await transport.send(message({ to: 'grace@example.com', usageType: 'ForgotPassword', subject: 'Reset' }), { signal });
    await transport.send(message({ to: 'ada@example.com', text: 'second code 654321' }), { signal });
    expect(transport.findAll({ to: 'ada@example.com' })).toHaveLength(2);
    expect(transport.find({ to: 'ada@example.com' })?.text).toBe('second code 654321');
    expect(transport.find({ usageType: 'ForgotPassword' })?.to).toBe('grace@example.com');
    expect(transport.find({ locale: 'en' })?.to).toBe('Ada <Ada@Example.com>');
    expect(transport.find({ subject: /^Res/ })?.subject).toBe('Reset');
    expect(transport.find((captured) => captured.text?.includes('654321') ?? false)).toBeDefined();
    expect(transport.find({ to: 'nobody@example.com' })).toBeUndefined();
  });

  it('extracts a code from the newest matching message, text first, then html, then subject', async () => {
    const transport = new MemoryTransport();
    await transport.send(message({ text: 'Code: 111111' }), { signal });
    await transport.send(message({ to: 'grace@example.com', text: undefined, html: '<b>222222</b>' }), { signal });
    expect(transport.extract(/\b(\d{6})\b/, { to: 'ada@example.com' })).toBe('111111');
    expect(transport.extract(/\d{6}/g)).toBe('222222');
    expect(transport.extract(/Your (\w+)/)).toBe('code');
    expect(transport.extract(/nothing here/)).toBeUndefined();
    expect(new MemoryTransport().extract(/x/)).toBeUndefined();
  });

  it('clears messages and pending failures', async () => {
    const transport = new MemoryTransport();
    await transport.send(message(), { signal });
    transport.failNext('Rejected');
    transport.clear();
    expect(transport.messages).toEqual([]);
    await expect(transport.send(message(), { signal })).resolves.toMatchObject({ messageId: expect.any(String) });
  });

  it('fails the next sends with errors classified as the real failure would be', async () => {
    const transport = new MemoryTransport().failNext('Rejected').failNext('AuthFailed').failNext('Unavailable', 2);
    const codes: string[] = [];
    for (let count = 0; count < 4; count += 1) {
      codes.push(classifyError(await caught(transport.send(message(), { signal })), { operation: 'send' }).code);
    }
    expect(codes).toEqual(['Rejected', 'AuthFailed', 'Unavailable', 'Unavailable']);
    await transport.send(message(), { signal });
    expect(transport.messages).toHaveLength(1);
  });

  it('reports an injected 550 with its reply code', async () => {
    const transport = new MemoryTransport().failNext('Rejected');
    const error = classifyError(await caught(transport.send(message(), { signal })), { operation: 'send' });
    expect(error.responseCode).toBe(550);
  });

  it('throws other codes as MailerErrors, and any other value as given', async () => {
    const custom = new Error('boom');
    const transport = new MemoryTransport().failNext('RateLimited').failNext(custom).failNext('not a code');
    const rateLimited = await caught(transport.send(message(), { signal }));
    expect(isMailerError(rateLimited) && rateLimited.code).toBe('RateLimited');
    expect(await caught(transport.send(message(), { signal }))).toBe(custom);
    expect(await caught(transport.send(message(), { signal }))).toBe('not a code');
  });

  it('throws the abort reason when the signal is aborted', async () => {
    const controller = new AbortController();
    const reason = new MailerError('Unavailable', 'deadline');
    controller.abort(reason);
    expect(await caught(new MemoryTransport().send(message(), { signal: controller.signal }))).toBe(reason);
  });

  it('stalls the next send until released, then captures it', async () => {
    const transport = new MemoryTransport();
    const stall = transport.stallNext();
    const sending = transport.send(message(), { signal });
    await stall.started;
    await transport.send(message({ to: 'grace@example.com' }), { signal });
    expect(transport.messages.map((captured) => captured.to)).toEqual(['grace@example.com']);
    stall.release();
    await expect(sending).resolves.toMatchObject({ accepted: ['ada@example.com'] });
    expect(transport.messages.map((captured) => captured.to)).toEqual(['grace@example.com', 'ada@example.com']);
  });

  it('rejects a stalled send with its abort reason, and captures nothing of it even when released later', async () => {
    const transport = new MemoryTransport();
    const stall = transport.stallNext();
    const controller = new AbortController();
    const sending = transport.send(message(), { signal: controller.signal });
    await stall.started;
    const reason = new MailerError('Unavailable', 'deadline');
    controller.abort(reason);
    expect(await caught(sending)).toBe(reason);
    stall.release();
    await transport.send(message({ to: 'grace@example.com' }), { signal });
    expect(transport.messages.map((captured) => captured.to)).toEqual(['grace@example.com']);
  });

  it('lets a mailer give up on a stalled send at the caller\'s timeout, as on a server that stopped answering', async () => {
    const transport = new MemoryTransport();
    const mailer = createMailer({ host: 'smtp.example.com', fromEmail: 'no-reply@example.com' }, { transport });
    const stall = transport.stallNext();
    const timeout = new AbortController();
    const sending = mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } }, { signal: timeout.signal });
    // The caller's timeout fires while the transport holds the send (as AbortSignal.timeout would).
    await stall.started;
    timeout.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    expect(await caught(sending)).toMatchObject({ code: 'Unavailable', retryable: true, attempts: 1 });
    stall.release();
    await mailer.close();
    expect(transport.messages).toEqual([]);
  });

  it('forgets a stall that no send has reached yet on clear', async () => {
    const transport = new MemoryTransport();
    const stall = transport.stallNext();
    transport.clear();
    await transport.send(message(), { signal });
    expect(transport.messages).toHaveLength(1);
    // Released without a send it never stalled: nothing happens.
    stall.release();
  });

  it('rejects with Closed after close, and keeps what it captured', async () => {
    const transport = new MemoryTransport();
    await transport.send(message(), { signal });
    await transport.verify();
    await transport.close();
    expect(transport.closed).toBe(true);
    for (const attempt of [transport.send(message(), { signal }), transport.verify()]) {
      const error = await caught(attempt);
      expect(isMailerError(error) && error.code).toBe('Closed');
    }
    expect(transport.messages).toHaveLength(1);
  });

  it('waits for a message sent later, or resolves with one already sent', async () => {
    const transport = new MemoryTransport();
    const waiting = transport.waitFor({ to: 'grace@example.com' });
    await transport.send(message(), { signal });
    await transport.send(message({ to: 'grace@example.com' }), { signal });
    await expect(waiting).resolves.toMatchObject({ to: 'grace@example.com' });
    await expect(transport.waitFor({ usageType: 'SignIn' })).resolves.toMatchObject({ to: 'grace@example.com' });
  });

  it('rejects waitFor when nothing matching arrives in time', async () => {
    const error = await caught(new MemoryTransport().waitFor({ to: 'nobody@example.com' }, { timeout: 10 }));
    expect(isMailerError(error) && error.message).toMatch(/no matching message arrived within 10 ms/);
  });
});
