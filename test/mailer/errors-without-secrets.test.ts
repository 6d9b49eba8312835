import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createMailer,
  MailerError,
  type Mailer,
  type MailerOptions,
  type TemplateStore,
  type Transport,
} from '../../src/index.js';
import { failureOf } from '../helpers/failure-of.js';
import { leakedSecrets } from '../helpers/leaked-secrets.js';

const PASSWORD = 'Vq8#Lm3Zt6Rx';
const CLIENT_SECRET = 'GOCSPX-Jw5Nb2Kp9Hs';
const REFRESH_TOKEN = '1//0Yh4Tc7Gd2Mz';

const loginConfig = {
  host: 'smtp.example.com',
  fromEmail: 'no-reply@example.com',
  auth: { user: 'mailer@example.com', pass: PASSWORD },
  templates: [{ usageType: 'SignIn', contentType: 'text/plain', subject: 'Your code', content: 'Code: {{code}}' }],
};
const oauth2Config = {
  ...loginConfig,
  auth: { type: 'OAuth2', user: 'mailer@example.com', clientId: 'id', clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN },
};
const request = { to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } } as const;
const SECRETS = { PASSWORD, CLIENT_SECRET, REFRESH_TOKEN };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function mailerWith(options: MailerOptions, config: object = loginConfig): Mailer {
  const mailer = createMailer(config, { retry: { attempts: 1 }, useDefaultTemplates: false, ...options });
  cleanups.push(() => mailer.close().catch(() => undefined));
  return mailer;
}

/** Everything a user could log of an error: every field, the stack and the cause chain, at any depth. */
function shown(error: MailerError): string {
  return [inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error), String(error.stack)].join('\n');
}

/** An error as a database or HTTP client throws it: the secret in its message, a field and its cause. */
function clientError(secret: string): Error {
  const cause = Object.assign(new Error(`auth failed for ${secret}`), { code: 'EAUTH', options: { password: secret } });
  return Object.assign(new Error(`connect postgres://app:${secret}@db.internal/mail failed`, { cause }), { code: 'ECONNREFUSED' });
}

describe('errors the mailer reports hold none of the config’s secrets, whoever threw them', () => {
  it("a custom transport's plain error, its fields and its cause chain", async () => {
    const mailer = mailerWith({ transport: { send: () => Promise.reject(clientError(PASSWORD)) } });
    const error = await failureOf(mailer.send(request));
    expect(leakedSecrets(shown(error), SECRETS)).toEqual([]);
    expect(error).toMatchObject({ code: 'Unavailable', attempts: 1 });
    expect(error.message).toContain('connect postgres://app:[redacted]@db.internal/mail failed');
  });

  it("a custom transport's MailerError: message, hint, issues and cause, its code and details kept", async () => {
    const thrown = new MailerError('Rejected', `refused with key ${CLIENT_SECRET}`, {
      responseCode: 550,
      hint: `rotate ${REFRESH_TOKEN}`,
      issues: [{ path: 'apiKey', message: `${CLIENT_SECRET} is revoked` }],
      cause: clientError(REFRESH_TOKEN),
    });
    const mailer = mailerWith({ transport: { send: () => Promise.reject(thrown) } }, oauth2Config);
    const error = await failureOf(mailer.send(request));
    expect(leakedSecrets(shown(error), SECRETS)).toEqual([]);
    expect(error).toMatchObject({
      code: 'Rejected',
      responseCode: 550,
      attempts: 1,
      message: 'refused with key [redacted] [Rejected] Hint: rotate [redacted]',
      hint: 'rotate [redacted]',
      issues: [{ path: 'apiKey', message: '[redacted] is revoked' }],
    });
    expect(error.cause).toMatchObject({ code: 'ECONNREFUSED', cause: { code: 'EAUTH', message: 'auth failed for [redacted]' } });
  });

  it("a custom transport's verify and close", async () => {
    const transport: Transport = {
      send: () => Promise.reject(new Error('unused')),
      verify: () => Promise.reject(clientError(PASSWORD)),
      close: () => Promise.reject(new MailerError('Unavailable', `could not close session ${PASSWORD}`)),
    };
    const mailer = mailerWith({ transport });
    for (const error of [await failureOf(mailer.verify()), await failureOf(mailer.close())]) {
      expect(leakedSecrets(shown(error), SECRETS)).toEqual([]);
    }
  });

  it("a template store's or rate-limit store's error, kept as cause, in send and render", async () => {
    const templateStore: TemplateStore = { findTemplate: () => Promise.reject(clientError(PASSWORD)) };
    const withStore = mailerWith({ transport: { send: () => Promise.reject(new Error('unused')) }, templateStore });
    const rateLimited = mailerWith({
      transport: { send: () => Promise.reject(new Error('unused')) },
      rateLimit: { limit: 1, window: 1000, store: { hit: () => Promise.reject(clientError(PASSWORD)) } },
    });
    const errors = [await failureOf(withStore.send(request)), await failureOf(withStore.render(request)), await failureOf(rateLimited.send(request))];
    for (const error of errors) {
      expect(leakedSecrets(shown(error), SECRETS)).toEqual([]);
      expect(error.code).toBe('Unavailable');
      expect(error.cause).toMatchObject({ message: 'connect postgres://app:[redacted]@db.internal/mail failed' });
    }
  });

  it("a TLS client certificate's key and passphrase count as secrets too", async () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7Zx3Lq9Wv2Tn\n-----END PRIVATE KEY-----\n';
    const passphrase = 'Hx5!Pm8Qd2Wz';
    for (const tls of [{ key, passphrase }, { key: [{ pem: Buffer.from(key), passphrase }] }]) {
      const thrown = new Error(`could not use ${key} with ${passphrase}`);
      const mailer = mailerWith({ transport: { send: () => Promise.reject(thrown) } }, { ...loginConfig, tls });
      const error = await failureOf(mailer.send(request));
      expect(leakedSecrets(shown(error), { passphrase, line1: 'MIIEvQIBADANBgkq', line2: 'BKcwggSjAgEAAoIB' })).toEqual([]);
    }
  });

  it('leaves an error without secrets as it was thrown, cause and all', async () => {
    const outage = new Error('connect ECONNREFUSED 10.0.0.7:5432');
    const thrown = new MailerError('Rejected', 'refused: the sender is not verified', { attempts: 1, cause: outage });
    const mailer = mailerWith({
      transport: { send: () => Promise.reject(thrown) },
      templateStore: { findTemplate: (type) => (type === 'Generic' ? Promise.reject(outage) : Promise.resolve(undefined)) },
    });
    expect(await failureOf(mailer.send(request))).toBe(thrown);
    expect((await failureOf(mailer.send({ ...request, type: 'Register' }))).cause).toBe(outage);
  });
});
