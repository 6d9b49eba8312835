import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../../src/index.js';
import { startSmtpSink, type ReceivedMessage, type SmtpSink } from '../../../src/testing/index.js';

const DOMAIN = 'acme.test';
const SELECTOR = 'mail2026';
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
// The TXT record docs/dkim.md tells users to publish, built the way it tells them to.
const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
const RECORD = `v=DKIM1; k=rsa; p=${publicKey}`;

/** The DNS of the test: the one TXT record at `<selector>._domainkey.<domain>`, nothing else. */
async function resolver(name: string, type: string): Promise<string[][]> {
  if (type === 'TXT' && name === `${SELECTOR}._domainkey.${DOMAIN}`) return [[RECORD.slice(0, 200), RECORD.slice(200)]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
}

/** mailauth's verdict on the raw message, as a receiving server would compute it. */
async function verify(raw: string): Promise<{ result: string; comment?: string; domain: string; selector?: string }> {
  const { results } = await dkimVerify(Buffer.from(raw, 'utf8'), { resolver });
  expect(results).toHaveLength(1);
  const [signature] = results;
  return {
    result: signature?.status.result ?? 'none',
    domain: signature?.signingDomain ?? '',
    ...(signature?.status.comment ? { comment: signature.status.comment } : {}),
    ...(signature?.selector ? { selector: signature.selector } : {}),
  };
}

let sink: SmtpSink;
const received = new Map<string, ReceivedMessage>();

const TEMPLATES = [
  { usageType: 'SignIn', contentType: 'text/plain', subject: 'Your sign-in code', content: 'Your code is {{code}}.' },
  {
    usageType: 'SignIn',
    locale: 'ru',
    contentType: 'text/html',
    subject: 'Ваш код входа — {{code}} ✓ 認証',
    content: '<p>Ваш код: <b>{{code}}</b>. Ünïcödé 認証コード.</p>',
    text: 'Ваш код: {{code}}. Ünïcödé 認証コード.',
  },
];

beforeAll(async () => {
  sink = await startSmtpSink();
  const mailer = createMailer({
    host: sink.host,
    port: sink.port,
    secure: false,
    fromEmail: `Acme <no-reply@${DOMAIN}>`,
    templates: TEMPLATES,
    dkim: { domainName: DOMAIN, keySelector: SELECTOR, privateKey },
  });
  try {
    await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '482913' } });
    await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '482913', locale: 'ru' } });
    await mailer.send({ to: 'ada@example.com', type: 'OrganizationInvitation', payload: { link: 'https://acme.test/i?t=1', code: '555111', locale: 'ja' } });
    // An internationalized address goes out as raw UTF-8 header bytes over SMTPUTF8.
    await mailer.send({ to: 'jörg@bücher.example', type: 'SignIn', payload: { code: '482913', locale: 'ru' } });
  } finally {
    await mailer.close();
  }
  const [plain, nonAscii, builtIn, utf8Header] = await sink.waitForMessages(4);
  received.set('plain', plain as ReceivedMessage);
  received.set('non-ASCII', nonAscii as ReceivedMessage);
  received.set('built-in', builtIn as ReceivedMessage);
  received.set('UTF-8 header', utf8Header as ReceivedMessage);
});

afterAll(async () => {
  await sink?.close();
});

describe('the dkim option, checked by an independent verifier (mailauth) on the messages the sink received', () => {
  it.each([
    ['plain', 'a plain ASCII subject, text/plain'],
    ['non-ASCII', 'a UTF-8 subject and body, multipart/alternative HTML'],
    ['built-in', 'a built-in Japanese HTML template with a link and a code'],
    ['UTF-8 header', 'an internationalized recipient written as raw UTF-8 in the To header'],
  ])('passes for %s: %s', async (key) => {
    const message = received.get(key) as ReceivedMessage;
    expect(message.headers['dkim-signature']).toContain(`d=${DOMAIN}`);
    expect(await verify(message.raw)).toEqual({ result: 'pass', domain: DOMAIN, selector: SELECTOR });
  });

  it('signed what the receiver reads: the subjects and bodies arrived as sent', () => {
    expect(received.get('non-ASCII')?.subject).toBe('Ваш код входа — 482913 ✓ 認証');
    expect(received.get('non-ASCII')?.contentType).toBe('multipart/alternative');
    expect(received.get('built-in')?.text).toContain('555111');
    expect(received.get('UTF-8 header')?.raw).toContain('To: jörg@bücher.example');
  });

  it('fails when the body is altered on the way', async () => {
    const raw = (received.get('plain') as ReceivedMessage).raw;
    expect(raw).toContain('482913');
    expect(await verify(raw.replace('482913', '000000'))).toMatchObject({ result: expect.not.stringMatching(/^pass$/), comment: 'body hash did not verify' });
  });

  it('fails when the subject is altered on the way', async () => {
    const raw = (received.get('plain') as ReceivedMessage).raw;
    expect(await verify(raw.replace('Subject: Your sign-in code', 'Subject: Your sign-in c0de'))).toMatchObject({ result: 'fail', comment: 'bad signature' });
  });
});
