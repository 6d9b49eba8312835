import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, isMailerError, type Mailer, type MailerError, type MailerOptions } from '../../src/index.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/index.js';
import { failureOf } from '../helpers/failure-of.js';
import { freePort } from '../helpers/free-port.js';
import { logtoConfigFor } from '../helpers/logto-config.js';

const PASSWORD = 'correct-horse-battery-staple';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function sinkWith(options: Parameters<typeof startSmtpSink>[0] = {}): Promise<SmtpSink> {
  const sink = await startSmtpSink(options);
  cleanups.push(() => sink.close());
  return sink;
}

function mailerFor(config: Record<string, unknown>, options: MailerOptions = {}): Mailer {
  const mailer = createMailer(config, { retry: { baseDelay: 1, maxDelay: 5 }, ...options });
  cleanups.push(() => mailer.close());
  return mailer;
}

function expectNoSecret(error: MailerError, secret: string): void {
  const forms = [error.message, error.stack ?? '', inspect(error, { depth: 10 }), JSON.stringify(error), error.hint ?? ''];
  for (const form of forms) expect(form).not.toContain(secret);
}

describe('send failures', () => {
  it('a 550 at RCPT is Rejected with its reply code, tried once', async () => {
    const sink = await sinkWith({ onRcptTo: () => ({ code: 550, message: 'No such user here' }) });
    const mailer = mailerFor(logtoConfigFor(sink));
    const error = await failureOf(mailer.send({ to: 'ghost@example.com', type: 'SignIn', payload: { code: '1' } }));
    expect(error).toMatchObject({ code: 'Rejected', responseCode: 550, retryable: false, attempts: 1 });
    expect(error.message).toContain('No such user here');
    expect(sink.messages).toHaveLength(0);
  });

  it('wrong credentials are AuthFailed (535), not retried, and the password appears nowhere', async () => {
    const sink = await sinkWith({ authenticate: { user: 'mailer', pass: 'the-real-one' } });
    const config = logtoConfigFor(sink, { auth: { user: 'mailer', pass: PASSWORD } });
    const mailer = mailerFor(config);
    const error = await failureOf(mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } }));
    expect(error).toMatchObject({ code: 'AuthFailed', responseCode: 535, retryable: false, attempts: 1 });
    expect(sink.connectionCount).toBe(1);
    expectNoSecret(error, PASSWORD);
    expectNoSecret(error, Buffer.from(PASSWORD).toString('base64'));
  });

  it('a dead port is Unavailable after its retries, with a hint', async () => {
    const port = await freePort();
    const mailer = mailerFor({ ...logtoConfigFor(await sinkWith()), port });
    const error = await failureOf(mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } }));
    expect(error).toMatchObject({ code: 'Unavailable', retryable: true, attempts: 3 });
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.hint).toMatch(/nothing (is )?listen/i);
  });

  it('an address list is InvalidRecipient and nothing is sent', async () => {
    const sink = await sinkWith();
    const mailer = mailerFor(logtoConfigFor(sink));
    for (const to of ['a@example.com, b@example.com', 'a@example.com;b@example.com', 'a@example.com\r\nBcc: x@evil.test', '']) {
      const error = await failureOf(mailer.send({ to, type: 'SignIn', payload: { code: '1' } }));
      expect(error.code).toBe('InvalidRecipient');
    }
    expect(sink.connectionCount).toBe(0);
  });

  it('a payload without a variable the template renders is MissingVariable, before connecting', async () => {
    const sink = await sinkWith();
    const mailer = mailerFor(logtoConfigFor(sink));
    const error = await failureOf(mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: {} }));
    expect(error.code).toBe('MissingVariable');
    expect(error.message).toContain('code');
    expect(sink.connectionCount).toBe(0);
  });

  it('a type without template and without Generic is TemplateNotFound, with the defaults off', async () => {
    const sink = await sinkWith();
    const mailer = mailerFor(
      logtoConfigFor(sink, {
        templates: [{ usageType: 'SignIn', contentType: 'text/plain', subject: 's', content: '{{code}}' }],
      }),
      { useDefaultTemplates: false },
    );
    const error = await failureOf(mailer.send({ to: 'ada@example.com', type: 'BindMfa', payload: { code: '1' } }));
    expect(error.code).toBe('TemplateNotFound');
    expect(error.message).toContain('BindMfa');
  });

  it('send and verify after close reject with Closed; close waits for sends in flight', async () => {
    const sink = await sinkWith();
    const mailer = mailerFor(logtoConfigFor(sink));
    const inFlight = mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } });
    const closing = mailer.close();
    expect(mailer.close()).toBe(closing);
    await expect(inFlight).resolves.toMatchObject({ attempts: 1 });
    await closing;
    expect(sink.messages).toHaveLength(1);
    expect((await failureOf(mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '2' } }))).code).toBe(
      'Closed',
    );
    expect((await failureOf(mailer.verify())).code).toBe('Closed');
  });

  it('a bad config throws InvalidConfig synchronously and names the field', () => {
    let thrown: unknown;
    try {
      createMailer({ host: 'smtp.example.com', port: 'abc', fromEmail: 'a@example.com', templates: [] });
    } catch (error) {
      thrown = error;
    }
    expect(isMailerError(thrown) && thrown.code).toBe('InvalidConfig');
    expect((thrown as MailerError).issues?.map((issue) => issue.path)).toEqual(expect.arrayContaining(['port']));
  });
});
