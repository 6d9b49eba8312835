import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { isMailerError } from '../../src/errors/mailer-error.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/smtp-sink.js';

let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

/** A plain nodemailer client for the sink (its config's auth, when set, is user and pass). */
function client(target: SmtpSink, options: { pool?: boolean; auth?: { user: string; pass: string } } = {}) {
  const { host, port, secure, tls, auth } = target.config;
  return createTransport({
    host,
    port,
    secure,
    tls,
    auth: options.auth ?? (auth as { user: string; pass: string } | undefined),
    pool: options.pool ?? false,
    connectionTimeout: 5000,
    greetingTimeout: 5000,
  } as Parameters<typeof createTransport>[0]);
}

/** Sends one message with a plain nodemailer client, so the sink is tested on its own. */
async function deliver(target: SmtpSink, fields: Record<string, unknown> = {}) {
  const sender = client(target);
  try {
    return await sender.sendMail({
      from: '"Acme" <no-reply@example.com>',
      to: 'Ada <ada@example.com>',
      subject: 'Grüße',
      text: 'Code: 123456',
      html: '<p>Code: <b>123456</b></p>',
      headers: { 'X-Trace': 'abc' },
      ...fields,
    });
  } finally {
    sender.close();
  }
}

describe('startSmtpSink', () => {
  it('listens on 127.0.0.1 on a port of its own and offers a matching config fragment', async () => {
    sink = await startSmtpSink();
    expect(sink.host).toBe('127.0.0.1');
    expect(sink.port).toBeGreaterThan(0);
    expect(sink.config).toEqual({ host: '127.0.0.1', port: sink.port, secure: false, tls: { rejectUnauthorized: false } });
  });

  it('receives and parses a message: envelope, headers, decoded subject, text and html', async () => {
    sink = await startSmtpSink();
    await deliver(sink);
    const [received] = await sink.waitForMessages(1);
    expect(received).toMatchObject({
      envelope: { from: 'no-reply@example.com', to: ['ada@example.com'] },
      from: 'Acme <no-reply@example.com>',
      to: 'Ada <ada@example.com>',
      subject: 'Grüße',
      contentType: 'multipart/alternative',
      session: { secure: false },
    });
    expect(received?.text?.trim()).toBe('Code: 123456');
    expect(received?.html).toBe('<p>Code: <b>123456</b></p>');
    expect(received?.headers['x-trace']).toBe('abc');
    expect(received?.raw).toMatch(/^[\s\S]*\r\n\r\n/);
    expect(received?.messageId).toMatch(/^<.+>$/);
  });

  it('requires the configured credentials and gives its config the right auth', async () => {
    sink = await startSmtpSink({ authenticate: { user: 'u', pass: 'p' } });
    expect(sink.config.auth).toEqual({ user: 'u', pass: 'p' });
    await deliver(sink);
    const [received] = await sink.waitForMessages(1);
    expect(received?.session.user).toBe('u');
    const wrong = client(sink, { auth: { user: 'u', pass: 'nope' } });
    await expect(wrong.sendMail({ from: 'a@example.com', to: 'b@example.com', text: 'x' })).rejects.toMatchObject({
      responseCode: 535,
    });
    wrong.close();
  });

  it('speaks implicit TLS and STARTTLS', async () => {
    sink = await startSmtpSink({ secure: true });
    await deliver(sink);
    expect((await sink.waitForMessages(1))[0]?.session.secure).toBe(true);
    await sink.close();
    sink = await startSmtpSink({ starttls: true });
    await deliver(sink);
    expect((await sink.waitForMessages(1))[0]?.session.secure).toBe(true);
  });

  it.each([
    ['MAIL FROM', { onMailFrom: () => ({ code: 553, message: 'Sender refused' }) }, 553],
    ['RCPT TO', { onRcptTo: (to: string) => (to === 'ada@example.com' ? { code: 550 } : undefined) }, 550],
    ['DATA', { onData: async () => ({ code: 452, message: 'Mailbox full' }) }, 452],
    ['connect', { onConnect: () => ({ code: 421, message: 'Too busy' }) }, 421],
  ])('refuses at %s when a hook says so, and stores nothing', async (_stage, hooks, code) => {
    sink = await startSmtpSink(hooks);
    await expect(deliver(sink)).rejects.toMatchObject({ responseCode: code });
    expect(sink.messages).toEqual([]);
  });

  it('lets hooks see the message and session', async () => {
    const seen: string[] = [];
    sink = await startSmtpSink({
      onRcptTo: (to, session) => void seen.push(`${to} ${session.clientName !== ''}`),
      onData: (message) => void seen.push(message.subject ?? ''),
    });
    await deliver(sink);
    expect(seen).toEqual(['ada@example.com true', 'Grüße']);
  });

  it('counts connections, clears, and waits with a timeout', async () => {
    sink = await startSmtpSink();
    await deliver(sink);
    await deliver(sink);
    expect(sink.connectionCount).toBe(2);
    sink.clear();
    expect([sink.messages.length, sink.connectionCount]).toEqual([0, 0]);
    const error: unknown = await sink.waitForMessages(1, { timeout: 10 }).catch((caught: unknown) => caught);
    expect(isMailerError(error) && error.summary).toBe('the SMTP sink received 0 of 1 messages within 10 ms');
  });

  it('refuses messages over its size limit', async () => {
    sink = await startSmtpSink({ size: 1000 });
    await expect(deliver(sink, { text: 'x'.repeat(5000) })).rejects.toMatchObject({ responseCode: 552 });
  });

  it('drops open connections on close', async () => {
    sink = await startSmtpSink();
    const pooled = client(sink, { pool: true });
    await pooled.sendMail({ from: 'a@example.com', to: 'b@example.com', text: 'x' });
    expect(sink.openConnectionCount).toBe(1);
    await sink.close();
    expect(sink.openConnectionCount).toBe(0);
    pooled.close();
  });
});

describe('the SMTP sink test helpers, as MemoryTransport has them', () => {
  it('find and findAll select received messages by recipient (any RCPT TO, case-insensitively) and subject', async () => {
    sink = await startSmtpSink();
    await deliver(sink, { to: 'Ada <ada@example.com>', subject: 'Your sign-in code' });
    await deliver(sink, { to: 'bob@example.com', cc: 'carol@example.com', subject: 'Reset your password' });
    await deliver(sink, { to: 'ada@example.com', subject: 'Reset your password' });

    expect(sink.find({ to: 'ADA@example.com' })?.subject).toBe('Reset your password');
    expect(sink.findAll({ to: 'Ada <ada@example.com>' }).map((message) => message.subject)).toEqual(['Your sign-in code', 'Reset your password']);
    expect(sink.find({ to: 'carol@example.com' })?.envelope.to).toEqual(['bob@example.com', 'carol@example.com']);
    expect(sink.findAll({ subject: /reset/i })).toHaveLength(2);
    expect(sink.find({ to: 'ada@example.com', subject: 'Your sign-in code' })?.envelope.to).toEqual(['ada@example.com']);
    expect(sink.find((message) => message.headers['x-trace'] === 'abc' && message.subject === 'Your sign-in code')).toBeDefined();
    expect(sink.find({ to: 'nobody@example.com' })).toBeUndefined();
  });

  it('extract reads a code or link from the newest matching message: text first, then HTML, then subject', async () => {
    sink = await startSmtpSink();
    await deliver(sink, { to: 'ada@example.com', text: 'Code: 111111', html: '<a href="https://x.example/a?t=1">go</a>' });
    await deliver(sink, { to: 'bob@example.com', text: 'Code: 222222', html: '<a href="https://x.example/b?t=2">go</a>' });

    expect(sink.extract(/\b(\d{6})\b/)).toBe('222222');
    expect(sink.extract(/\b(\d{6})\b/g, { to: 'ada@example.com' })).toBe('111111');
    expect(sink.extract(/href="([^"]+)"/, { to: 'ada@example.com' })).toBe('https://x.example/a?t=1');
    expect(sink.extract(/Grü\S+/, { to: 'bob@example.com' })).toBe('Grüße');
    expect(sink.extract(/\b(\d{6})\b/, { to: 'nobody@example.com' })).toBeUndefined();
  });

  it('waitFor resolves with a message received earlier, or with the first matching one to arrive', async () => {
    sink = await startSmtpSink();
    await deliver(sink, { to: 'ada@example.com', subject: 'first' });
    expect((await sink.waitFor({ to: 'ada@example.com' })).subject).toBe('first');

    const waiting = sink.waitFor({ to: 'bob@example.com', subject: /code/ });
    await deliver(sink, { to: 'bob@example.com', subject: 'not it' });
    await deliver(sink, { to: 'bob@example.com', subject: 'your code' });
    const message = await waiting;
    expect(message.subject).toBe('your code');
    expect(sink.extract(/(\d{6})/, { subject: 'your code' })).toBe('123456');
  });

  it('waitFor rejects with Unavailable when no matching message arrives in time', async () => {
    sink = await startSmtpSink();
    await deliver(sink, { to: 'ada@example.com' });
    const error: unknown = await sink.waitFor({ to: 'bob@example.com' }, { timeout: 20 }).catch((caught: unknown) => caught);
    expect(isMailerError(error) && error.code).toBe('Unavailable');
    expect((error as Error).message).toContain('no matching message arrived within 20 ms');
  });
});
