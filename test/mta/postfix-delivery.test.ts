import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer, type MailerError } from '../../src/index.js';
import { failureOf } from '../helpers/failure-of.js';
import { KNOWN_USAGE_TYPES } from '../../src/types/usage-type.js';
import { MTA_DOMAIN, postfixUnavailableReason, startPostfix, type PostfixInstance } from './postfix-instance.js';

const UNAVAILABLE = postfixUnavailableReason();
const SKIP = UNAVAILABLE !== undefined && !process.env.CI;
if (SKIP) {
  console.warn(`Skipping the real-MTA delivery tests: ${UNAVAILABLE}. CI runs them (see .ci/run).`);
}

let postfix: PostfixInstance | undefined;
// Why the instance is not running; each test fails with it, so that CI counts the failures.
let notRunning: Error | undefined;
const mailers: Mailer[] = [];

// A mailer for the instance: STARTTLS required and checked against its self-signed certificate.
function mailerFor(mta: PostfixInstance, overrides: Record<string, unknown> = {}): Mailer {
  const mailer = createMailer(
    {
      host: mta.host,
      port: mta.port,
      secure: false,
      requireTLS: true,
      tls: { ca: mta.ca, servername: 'localhost' },
      auth: { user: mta.user, pass: mta.pass },
      fromEmail: `Acme <no-reply@${MTA_DOMAIN}>`,
      ...overrides,
    },
    { retry: { baseDelay: 10, maxDelay: 50 } },
  );
  mailers.push(mailer);
  return mailer;
}

function running(): PostfixInstance {
  if (postfix === undefined) throw notRunning ?? new Error('Postfix did not start');
  return postfix;
}

function sendFailure(mailer: Mailer, to: string, code: string): Promise<MailerError> {
  return failureOf(mailer.send({ to, type: 'SignIn', payload: { code } }));
}

// Proves that nothing reached `name`'s mailbox before now: a good send after the failed one must
// arrive, and must be the only mail there.
async function expectOnlyMarkerDelivered(mta: PostfixInstance, name: string, failedCode: string): Promise<void> {
  const marker = `marker-${failedCode}`;
  await mailerFor(mta).send({ to: `${name}@${MTA_DOMAIN}`, type: 'SignIn', payload: { code: marker } });
  const mails = await mta.waitForMail(name, 1);
  expect(mails.map((mail) => mail.parsed.text?.includes(marker))).toEqual([true]);
}

describe.skipIf(SKIP)('delivery through a real Postfix with STARTTLS and SMTP AUTH', () => {
  beforeAll(async () => {
    if (UNAVAILABLE !== undefined) {
      notRunning = new Error(`The real-MTA tests cannot run: ${UNAVAILABLE}. CI must install postfix - see .ci/run.`);
      return;
    }
    postfix = await startPostfix().catch((error: unknown) => {
      notRunning = error instanceof Error ? error : new Error(String(error));
      return undefined;
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(mailers.map((mailer) => mailer.close()));
    await postfix?.stop();
  }, 60_000);

  it('delivers every usage type to the mailbox, over TLS, as the authenticated user', async () => {
    const mta = running();
    const mailer = mailerFor(mta);
    const to = `ada@${MTA_DOMAIN}`;
    const sent = await Promise.all(
      KNOWN_USAGE_TYPES.map(async (type, index) => {
        // With a link too: the link types need one, the code types show it beside the code.
        const payload = { code: `48291${index}`, link: `https://${MTA_DOMAIN}/auth/confirm?type=${type}` };
        const [rendered, result] = await Promise.all([mailer.render({ type, payload }), mailer.send({ to, type, payload })]);
        expect(result).toMatchObject({ accepted: [to], rejected: [], attempts: 1 });
        expect(result.response).toMatch(/^250 .*queued as/);
        return { type, code: payload.code, subject: rendered.subject, messageId: result.messageId };
      }),
    );

    const mails = await mta.waitForMail('ada', KNOWN_USAGE_TYPES.length);
    expect(mails).toHaveLength(KNOWN_USAGE_TYPES.length);
    for (const { code, subject, messageId } of sent) {
      const mail = mails.find(({ parsed }) => parsed.messageId === messageId);
      expect(mail, `the mail with Message-ID ${messageId}`).toBeDefined();
      const { raw, parsed } = mail as NonNullable<typeof mail>;
      expect(parsed.subject).toBe(subject);
      expect(parsed.text).toContain(code);
      expect(parsed.html).toContain(code);
      expect(parsed.from?.value).toEqual([{ name: 'Acme', address: `no-reply@${MTA_DOMAIN}` }]);
      expect(raw).toMatch(/^Delivered-To: ada@mta\.test$/m);
      expect(raw).toMatch(/^Return-Path: <no-reply@mta\.test>$/m);
      const received = /^Received: from [^]*?;[^\n]*$/m.exec(raw)?.[0];
      expect(received).toMatch(/\(using TLSv1\.[23] with cipher /);
      expect(received).toContain(`(Authenticated sender: ${mta.user}@${MTA_DOMAIN})`);
      expect(received).toMatch(/by mta\.test \(Postfix\) with ESMTPSA id /);
    }
  });

  it('verifies the connection, TLS and credentials without sending', async () => {
    await expect(mailerFor(running()).verify()).resolves.toBeUndefined();
  });

  it('fails with AuthFailed (535), no retry and nothing delivered when the password is wrong', async () => {
    const mta = running();
    const wrongPass = 'not-the-password';
    const error = await sendFailure(mailerFor(mta, { auth: { user: mta.user, pass: wrongPass } }), `grace@${MTA_DOMAIN}`, '111111');
    expect(error).toMatchObject({ code: 'AuthFailed', responseCode: 535, retryable: false, attempts: 1 });
    expect(`${error.message} ${error.hint ?? ''} ${JSON.stringify(error)}`).not.toContain(wrongPass);
    await expectOnlyMarkerDelivered(mta, 'grace', '111111');
  });

  it('refuses the self-signed certificate without tls.ca, and says to set tls.ca', async () => {
    const mta = running();
    const error = await sendFailure(mailerFor(mta, { tls: { servername: 'localhost' } }), `linus@${MTA_DOMAIN}`, '222222');
    expect(error).toMatchObject({ code: 'Unavailable', retryable: true });
    expect(error.hint).toContain('tls.ca');
    await expectOnlyMarkerDelivered(mta, 'linus', '222222');
  });

  it('is no open relay: without AUTH every recipient, local or not, is refused and nothing is delivered', async () => {
    const mta = running();
    const mailer = createMailer({
      host: mta.host,
      port: mta.port,
      secure: false,
      requireTLS: true,
      tls: { ca: mta.ca, servername: 'localhost' },
      fromEmail: `Acme <no-reply@${MTA_DOMAIN}>`,
    });
    mailers.push(mailer);
    for (const to of ['someone@example.org', `ken@${MTA_DOMAIN}`]) {
      const error = await sendFailure(mailer, to, '333333');
      expect(error).toMatchObject({ code: 'Rejected', responseCode: 554, retryable: false, attempts: 1 });
      expect(error.message).toContain('Access denied');
    }
    await expectOnlyMarkerDelivered(mta, 'ken', '333333');
  });

  it('rejects a recipient the domain does not know with a permanent 550', async () => {
    const error = await sendFailure(mailerFor(running()), `nobody@${MTA_DOMAIN}`, '444444');
    expect(error).toMatchObject({ code: 'Rejected', responseCode: 550, retryable: false, attempts: 1 });
  });
});
