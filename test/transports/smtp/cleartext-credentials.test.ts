import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse-config.js';
import { createMailer, type Mailer, type MailerConfig } from '../../../src/index.js';
import { probeSmtpServer } from '../../../src/transports/smtp/probe-smtp-server.js';
import { startSmtpSink, type SmtpSink } from '../../../src/testing/smtp-sink.js';
import { FAST_RETRY } from '../../faults/fault-cases.js';
import { startStartTlsStrippingProxy, type StrippingProxy } from '../../faults/fault-servers.js';
import { failureOf } from '../../helpers/failure-of.js';

const USER = 'mailer@acme.test';
const PASSWORD = 'Cleartext-never-4-this-pass';
const ACCESS_TOKEN = 'ya29.cleartext-never-access-token';
const base64 = (value: string): string => Buffer.from(value, 'utf8').toString('base64');

/** The credentials as they would cross the wire: plain, base64, and inside each SASL blob. */
const CREDENTIAL_FORMS = [
  PASSWORD,
  base64(PASSWORD),
  base64(`\u0000${USER}\u0000${PASSWORD}`),
  ACCESS_TOKEN,
  base64(`user=${USER}\u0001auth=Bearer ${ACCESS_TOKEN}\u0001\u0001`),
];

const AUTHS: ReadonlyArray<[string, NonNullable<MailerConfig['auth']>]> = [
  ['a password', { user: USER, pass: PASSWORD }],
  ['an OAuth2 access token', { type: 'OAuth2', user: USER, accessToken: ACCESS_TOKEN, expires: Date.now() + 3_600_000 }],
];

/** What the proxy saw the client send, checked for every form of the credentials and for AUTH itself. */
function expectNoCredentials(received: string): void {
  expect(received).toMatch(/^EHLO /m);
  for (const form of CREDENTIAL_FORMS) expect(received).not.toContain(form);
  expect(received).not.toMatch(/^AUTH /im);
}

describe('credentials behind a network that strips STARTTLS (host 127.0.0.2, not exempt)', () => {
  let sink: SmtpSink | undefined;
  let proxy: StrippingProxy | undefined;
  let mailer: Mailer | undefined;
  afterEach(async () => {
    await mailer?.close();
    await proxy?.close();
    await sink?.close();
    mailer = undefined;
    proxy = undefined;
    sink = undefined;
  });

  /** A server offering STARTTLS and AUTH, reached through the stripping proxy. */
  async function strippedConfig(auth: NonNullable<MailerConfig['auth']>, extra: Partial<MailerConfig> = {}): Promise<MailerConfig> {
    sink = await startSmtpSink({ starttls: true, authenticate: { user: USER, pass: PASSWORD, accessToken: ACCESS_TOKEN } });
    proxy = await startStartTlsStrippingProxy(sink.port);
    return {
      host: proxy.host,
      port: proxy.port,
      fromEmail: 'Acme <no-reply@acme.test>',
      auth,
      tls: { rejectUnauthorized: false },
      connectionTimeout: 2000,
      greetingTimeout: 2000,
      socketTimeout: 2000,
      ...extra,
    };
  }

  it.each(AUTHS)('send() with %s fails as Unavailable and never puts it on the wire', async (_name, auth) => {
    mailer = createMailer(await strippedConfig(auth), { retry: FAST_RETRY });
    const error = await failureOf(mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } }));
    expect(error.code).toBe('Unavailable');
    expect(error.hint).toMatch(/STARTTLS.*secure: true.*ignoreTLS: true/);
    expectNoCredentials(proxy!.received);
    expect(sink!.messages).toEqual([]);
  });

  it.each(AUTHS)('verify() with %s fails as Unavailable and never puts it on the wire', async (_name, auth) => {
    mailer = createMailer(await strippedConfig(auth));
    const error = await failureOf(mailer.verify());
    expect(error.code).toBe('Unavailable');
    expect(error.hint).toMatch(/STARTTLS/);
    expectNoCredentials(proxy!.received);
  });

  it('the CLI probe (auth-mailer verify) fails the same way and never puts the password on the wire', async () => {
    const error = await failureOf(probeSmtpServer(parseConfig(await strippedConfig(AUTHS[0]![1]))));
    expect(error.code).toBe('Unavailable');
    expect(error.hint).toMatch(/STARTTLS/);
    expectNoCredentials(proxy!.received);
  });

  it('ignoreTLS: true sends the credentials in clear text, as asked', async () => {
    mailer = createMailer(await strippedConfig(AUTHS[0]![1], { ignoreTLS: true }));
    await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } });
    expect(proxy!.received).toMatch(/^AUTH PLAIN /m);
    expect(sink!.messages).toHaveLength(1);
  });
});
