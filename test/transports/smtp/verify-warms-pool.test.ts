import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '../../../src/index.js';
import { startSmtpSink, type SmtpSink } from '../../../src/testing/index.js';
import { logtoConfigFor } from '../../helpers/logto-config.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setUp(extra: Record<string, unknown> = {}): Promise<{ sink: SmtpSink; mailer: Mailer }> {
  const sink = await startSmtpSink({ authenticate: { user: 'mailer', pass: 'secret' } });
  cleanups.push(() => sink.close());
  const mailer = createMailer(logtoConfigFor(sink, extra));
  cleanups.push(() => mailer.close());
  return { sink, mailer };
}

const request = { to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } } as const;

describe('verify() on the pooled SMTP transport', () => {
  it('leaves its authenticated connection in the pool: the first send opens no other', async () => {
    const { sink, mailer } = await setUp();
    await mailer.verify();
    expect(sink.connectionCount).toBe(1);
    expect(sink.openConnectionCount).toBe(1);
    await expect(mailer.send(request)).resolves.toMatchObject({ attempts: 1 });
    await expect(mailer.send({ ...request, payload: { code: '654321' } })).resolves.toMatchObject({ attempts: 1 });
    expect(sink.connectionCount).toBe(1);
    expect(sink.messages).toHaveLength(2);
    await mailer.close();
    expect(sink.openConnectionCount).toBe(0);
  });

  it('still rejects wrong credentials with AuthFailed, and a later send still works once fixed server-side', async () => {
    const sink = await startSmtpSink({ authenticate: { user: 'mailer', pass: 'secret' } });
    cleanups.push(() => sink.close());
    const mailer = createMailer(logtoConfigFor(sink, { auth: { user: 'mailer', pass: 'wrong' } }));
    cleanups.push(() => mailer.close());
    await expect(mailer.verify()).rejects.toMatchObject({ code: 'AuthFailed' });
    await expect(mailer.send(request)).rejects.toMatchObject({ code: 'AuthFailed', attempts: 1 });
  });

  it('verifies on a connection of its own, closed at once, without the pool', async () => {
    const { sink, mailer } = await setUp({ pool: false });
    await mailer.verify();
    await expect.poll(() => sink.openConnectionCount).toBe(0);
    expect(sink.connectionCount).toBe(1);
    await mailer.send(request);
    expect(sink.connectionCount).toBe(2);
  });

  it('opens a connection of its own when the pool already has one', async () => {
    const { sink, mailer } = await setUp();
    await mailer.send(request);
    await mailer.verify();
    await expect.poll(() => sink.openConnectionCount).toBe(1);
    expect(sink.connectionCount).toBe(2);
  });
});
