import { afterEach, describe, expect, it, vi } from 'vitest';
import { isMailerError, type Mailer, type MailerError } from '../../src/index.js';
import type { BetterAuthSendFailure } from '../../src/better-auth/index.js';
import { startSmtpSink, type SmtpSink } from '../../src/testing/index.js';
import { Browser, createAuth, linkSentTo, PASSWORD, sinkMailer } from './better-auth-app.js';

// What better-auth does with a send that fails, and what the adapter makes of it.
describe('betterAuthEmails when a send fails', () => {
  let sink: SmtpSink | undefined;
  let mailer: Mailer | undefined;
  afterEach(async () => {
    await mailer?.close();
    await sink?.close();
  });

  /** An SMTP sink that answers 550 to every message whose subject matches `refused`. */
  const startRefusing = async (refused: RegExp): Promise<{ sink: SmtpSink; mailer: Mailer }> => {
    sink = await startSmtpSink({ onData: (message) => (refused.test(message.subject ?? '') ? { code: 550, message: 'Mailbox unavailable' } : undefined) });
    mailer = sinkMailer(sink);
    return { sink, mailer };
  };

  it('answers the reset request as if sent (better-auth only logs the rejection) and hands the MailerError to onError', async () => {
    const { sink, mailer } = await startRefusing(/Reset your password/);
    const failures: Array<[MailerError, BetterAuthSendFailure]> = [];
    const logs: unknown[][] = [];
    const auth = createAuth(mailer, { onError: (error, failure) => void failures.push([error, failure]) }, logs);
    const browser = new Browser(auth);
    await browser.post('/sign-up/email', { email: 'ada@example.com', password: PASSWORD, name: 'Ada' });
    await browser.get(await linkSentTo(sink, 'ada@example.com'));

    const response = await browser.post('/request-password-reset', { email: 'ada@example.com' });
    expect(response.status).toBe(200);
    expect(failures).toHaveLength(1);
    const [[error, failure]] = failures as [[MailerError, BetterAuthSendFailure]];
    expect(error).toMatchObject({ name: 'MailerError', code: 'Rejected', responseCode: 550 });
    expect(failure).toEqual({ hook: 'emailAndPassword.sendResetPassword', type: 'ResetPasswordLink', to: 'ada@example.com' });
    // better-auth received the same MailerError (its log line carries it), not a copy or a wrapper.
    expect(logs.filter(([level]) => level === 'error').flat()).toContain(error);
  });

  it('fails the magic-link request, the one callback better-auth awaits without catching', async () => {
    const { mailer } = await startRefusing(/sign-in link/);
    const failures: BetterAuthSendFailure[] = [];
    const browser = new Browser(createAuth(mailer, { onError: (_error, failure) => void failures.push(failure) }));
    // better-auth's router prints the unexpected error with console.error before answering 500.
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await browser.post('/sign-in/magic-link', { email: 'eve@example.com' });
      expect(response.status).toBe(500);
      expect(printed.mock.calls.flat().filter(isMailerError).map(({ code }) => code)).toEqual(['Rejected']);
    } finally {
      printed.mockRestore();
    }
    expect(failures).toEqual([{ hook: 'magicLink.sendMagicLink', type: 'MagicLink', to: 'eve@example.com' }]);
  });

  it('still hands the MailerError to better-auth when there is no onError, or when onError throws', async () => {
    const { mailer } = await startRefusing(/sign-in code/);
    for (const options of [{}, { onError: () => Promise.reject(new Error('the alerting service is down')) }]) {
      const logs: unknown[][] = [];
      const browser = new Browser(createAuth(mailer, options, logs));
      expect((await browser.post('/email-otp/send-verification-otp', { email: 'cleo@example.com', type: 'sign-in' })).status).toBe(200);
      const logged = logs.filter(([level]) => level === 'error').flat().filter(isMailerError);
      expect(logged.map(({ code }) => code)).toEqual(['Rejected']);
    }
  });

  it('reports a missing invitationLink as InvalidConfig that says what to pass; better-auth keeps the invitation', async () => {
    const { sink, mailer } = await startRefusing(/^$/);
    const failures: MailerError[] = [];
    const auth = createAuth(mailer, { invitationLink: undefined, onError: (error) => void failures.push(error) });
    const owner = new Browser(auth);
    await owner.post('/sign-up/email', { email: 'ada@example.com', password: PASSWORD, name: 'Ada' });
    await owner.get(await linkSentTo(sink, 'ada@example.com'));
    const organization = (await (await owner.post('/organization/create', { name: 'Engines', slug: 'engines' })).json()) as { id: string };

    const invited = await owner.post('/organization/invite-member', { email: 'bob@example.com', role: 'member', organizationId: organization.id });
    expect(invited.status).toBe(200);
    expect(failures.map(({ code, message }) => ({ code, message }))).toEqual([
      { code: 'InvalidConfig', message: expect.stringContaining('no `invitationLink` option') },
    ]);
    expect(failures[0]?.hint).toContain('invitationLink: ({ id }) =>');
    expect(sink.findAll({ to: 'bob@example.com' })).toEqual([]);
  });
});
