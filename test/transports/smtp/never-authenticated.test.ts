import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse-config.js';
import { createMailer, type Mailer, type MailerConfig } from '../../../src/index.js';
import { probeSmtpServer } from '../../../src/transports/smtp/probe-smtp-server.js';
import { FAST_RETRY } from '../../faults/fault-cases.js';
import { failureOf } from '../../helpers/failure-of.js';

const REQUEST = { to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } };

/** An SMTP server on 127.0.0.1 that offers no AUTH (and refuses the command), counting what it accepts. */
async function startServerWithoutAuth(): Promise<{ port: number; delivered: () => number; close: () => Promise<void> }> {
  let delivered = 0;
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    hideSTARTTLS: true,
    authOptional: true,
    disabledCommands: ['AUTH'],
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        delivered += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as { port: number }).port,
    delivered: () => delivered,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('credentials configured, but the server offers no AUTH', () => {
  let server: Awaited<ReturnType<typeof startServerWithoutAuth>> | undefined;
  let mailer: Mailer | undefined;
  afterEach(async () => {
    await mailer?.close();
    await server?.close();
    mailer = undefined;
    server = undefined;
  });

  async function config(extra: Partial<MailerConfig> = {}): Promise<MailerConfig> {
    server = await startServerWithoutAuth();
    return {
      host: '127.0.0.1',
      port: server.port,
      fromEmail: 'Acme <no-reply@acme.test>',
      auth: { user: 'mailer@acme.test', pass: 'never-used-pass' },
      connectionTimeout: 2000,
      greetingTimeout: 2000,
      socketTimeout: 2000,
      ...extra,
    };
  }

  it.each([true, false])('verify() (pool: %s) fails as AuthFailed, with a hint', async (pool) => {
    mailer = createMailer(await config({ pool }));
    const error = await failureOf(mailer.verify());
    expect(error.code).toBe('AuthFailed');
    expect(error.hint).toMatch(/offers no AUTH/);
  });

  it.each([true, false])('send() (pool: %s) fails as AuthFailed after one attempt, and delivers nothing', async (pool) => {
    mailer = createMailer(await config({ pool }), { retry: FAST_RETRY });
    const error = await failureOf(mailer.send(REQUEST));
    expect(error.code).toBe('AuthFailed');
    expect(error.attempts).toBe(1);
    expect(error.hint).toMatch(/offers no AUTH/);
    expect(server!.delivered()).toBe(0);
  });

  it('the CLI probe (auth-mailer verify) fails as AuthFailed, with the same hint', async () => {
    const error = await failureOf(probeSmtpServer(parseConfig(await config())));
    expect(error.code).toBe('AuthFailed');
    expect(error.hint).toMatch(/offers no AUTH/);
  });

  it('without credentials, the same server relays the message (it authorizes by source address)', async () => {
    const { auth: _auth, ...withoutAuth } = await config();
    mailer = createMailer(withoutAuth);
    await mailer.verify();
    await mailer.send(REQUEST);
    expect(server!.delivered()).toBe(1);
  });
});
