import { afterEach, describe, expect, it } from 'vitest';
import type { Mailer } from '../../src/index.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/index.js';
import { Browser, createAuth, linkSentTo, PASSWORD, sinkMailer } from './better-auth-app.js';

// The callbacks return the send; better-auth's advanced.backgroundTasks.handler decides whether the
// HTTP call waits for it (the documented way to keep response times from telling who has an account).
describe('betterAuthEmails and better-auth background tasks', () => {
  let sink: SmtpSink | undefined;
  let mailer: Mailer | undefined;
  let releaseHeld = (): void => undefined;
  afterEach(async () => {
    releaseHeld();
    await mailer?.close();
    await sink?.close();
  });

  /** A sink that holds each reset email, once its data arrived, until `release()` is called. */
  const startHolding = async () => {
    let release = (): void => undefined;
    let arrive = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    releaseHeld = release;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    sink = await startSmtpSink({
      onData: async (message) => {
        if (!/Reset/.test(message.subject ?? '')) return;
        arrive();
        await released;
      },
    });
    mailer = sinkMailer(sink);
    return { sink, mailer, arrived, release };
  };

  const signUp = async (browser: Browser, sink: SmtpSink): Promise<void> => {
    await browser.post('/sign-up/email', { email: 'ada@example.com', password: PASSWORD, name: 'Ada' });
    await browser.get(await linkSentTo(sink, 'ada@example.com'));
  };

  it('makes the reset request wait for the email by default', async () => {
    const { sink, mailer, arrived, release } = await startHolding();
    const browser = new Browser(createAuth(mailer));
    await signUp(browser, sink);
    let answered = false;
    const response = browser.post('/request-password-reset', { email: 'ada@example.com' }).finally(() => (answered = true));
    await arrived;
    // The email reached the SMTP server and waits for its reply: the HTTP call is still waiting too.
    expect(answered).toBe(false);
    release();
    expect((await response).status).toBe(200);
    expect(sink.findAll({ subject: /Reset/ })).toHaveLength(1);
  });

  it('answers the reset request before the email is sent when a backgroundTasks handler is set', async () => {
    const { sink, mailer, release } = await startHolding();
    const tasks: Array<Promise<unknown>> = [];
    const browser = new Browser(createAuth(mailer, {}, [], (task) => void tasks.push(task)));
    await signUp(browser, sink);
    const response = await browser.post('/request-password-reset', { email: 'ada@example.com' });
    expect(response.status).toBe(200);
    expect(sink.findAll({ subject: /Reset/ })).toEqual([]);

    release();
    await Promise.all(tasks);
    expect(sink.findAll({ subject: /Reset/ }).map(({ envelope }) => envelope.to)).toEqual([['ada@example.com']]);
  });
});
