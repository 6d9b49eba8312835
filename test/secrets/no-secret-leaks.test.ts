import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMailer, isMailerError, type MailerError } from '../../src/index.js';
import { secretsOf } from '../../src/config/secrets-of.js';
import { createRedactor } from '../../src/errors/redact-secrets.js';
import { caseConfig, FAST_RETRY, FAULT_CASES, RECIPIENT, type CaseAuth, type FaultCase } from '../faults/fault-cases.js';
import { startEchoingAuthServer } from '../faults/fault-servers.js';
import { expectNoUnhandledRejections, outcomeOf } from '../faults/send-outcome.js';
import { freePort } from '../helpers/free-port.js';

const USER = 'mailer@acme.test';
const PASSWORD = 'Tr0ub4dor&3-smtp-password';
const CLIENT_SECRET = 'GOCSPX-oauth2-client-secret-value';
const REFRESH_TOKEN = '1//0refresh-token-value-for-the-test';
const ACCESS_TOKEN = 'ya29.access-token-value-for-the-test';
const PASSPHRASE = 'service-account-key-passphrase';

const base64 = (value: string): string => Buffer.from(value, 'utf8').toString('base64');
const { privateKey: DKIM_KEY } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const { privateKey: SERVICE_KEY } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE },
});

/** Every form a secret could leak in: itself, its base64, the SASL blobs, each line of a PEM key. */
const SECRET_FORMS: ReadonlyArray<[string, string]> = [
  ['password', PASSWORD],
  ['password (base64)', base64(PASSWORD)],
  ['AUTH PLAIN blob', base64(`\u0000${USER}\u0000${PASSWORD}`)],
  ['AUTH PLAIN blob with authzid', base64(`${USER}\u0000${USER}\u0000${PASSWORD}`)],
  ['client secret', CLIENT_SECRET],
  ['refresh token', REFRESH_TOKEN],
  ['access token', ACCESS_TOKEN],
  ['access token (base64)', base64(ACCESS_TOKEN)],
  ['XOAUTH2 blob', base64(`user=${USER}\u0001auth=Bearer ${ACCESS_TOKEN}\u0001\u0001`)],
  ['key passphrase', PASSPHRASE],
  ...[DKIM_KEY, SERVICE_KEY].flatMap((key, index) =>
    key
      .split('\n')
      .filter((line) => line.length > 0 && !line.startsWith('-----'))
      .map((line, lineIndex): [string, string] => [`${index === 0 ? 'DKIM' : 'service'} key line ${lineIndex}`, line]),
  ),
];

/** Servers that echo the credentials they refuse back in their 535, one per AUTH mechanism. */
const ECHO_CASES: readonly FaultCase[] = (['PLAIN', 'LOGIN', 'XOAUTH2'] as const).map((method) => ({
  name: `a server echoing refused AUTH ${method} credentials`,
  expected: { delivered: false, code: 'AuthFailed', attempts: 1 },
  async start() {
    const server = await startEchoingAuthServer([method]);
    return { config: { host: '127.0.0.1', port: server.port }, checkReceived: () => undefined, close: () => server.close() };
  },
}));

const captured: string[] = [];
const cleanups: Array<() => Promise<void>> = [];
expectNoUnhandledRejections();
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** Every rendering of a failure a user might log: message, stack, hint, JSON, full inspect, each cause. */
function renderingsOf(error: MailerError): string[] {
  const renderings = [inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error), error.hint ?? ''];
  for (let cause: unknown = error; cause !== undefined && cause !== null; cause = (cause as { cause?: unknown }).cause) {
    const link = cause as Error;
    renderings.push(String(link.message), String(link.stack), JSON.stringify(link), inspect(link, { showHidden: true }));
  }
  return renderings;
}

describe('no secret leaks', () => {
  it('no error, hint, cause, JSON, inspect output or log line of any fault holds a credential or key', async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void captured.push(args.map(String).join(' ')));
    }
    const tokenUrl = `http://127.0.0.1:${await freePort()}/token`;
    const auths: Record<string, CaseAuth> = {
      login: { user: USER, pass: PASSWORD },
      'OAuth2 tokens': {
        type: 'OAuth2',
        user: USER,
        clientId: 'client-id',
        clientSecret: CLIENT_SECRET,
        refreshToken: REFRESH_TOKEN,
        accessToken: ACCESS_TOKEN,
        accessUrl: tokenUrl,
      },
      'OAuth2 service account with an encrypted key': {
        type: 'OAuth2',
        user: USER,
        serviceClient: 'service-client-id',
        privateKey: { key: SERVICE_KEY, passphrase: PASSPHRASE },
        accessUrl: tokenUrl,
      },
    };
    const said: Array<{ where: string; text: string }> = [];
    const codes = new Set<string>();

    for (const [authName, auth] of Object.entries(auths)) {
      for (const faultCase of [...FAULT_CASES, ...ECHO_CASES]) {
        const peer = await faultCase.start(auth);
        cleanups.push(() => peer.close());
        const config = caseConfig(peer, auth, {
          logger: true,
          debug: true,
          dkim: { domainName: 'acme.test', keySelector: 'mail', privateKey: DKIM_KEY },
        });
        const mailer = createMailer(config, { retry: FAST_RETRY });
        const where = `${authName}, ${faultCase.name}`;
        const sent = await outcomeOf(mailer.send({ to: RECIPIENT, type: 'SignIn', payload: { code: '123456' } }));
        const verified = await mailer.verify().then(
          () => undefined,
          (error: unknown) => error,
        );
        await mailer.close();
        await peer.close();
        for (const error of [sent.error, verified]) {
          if (error === undefined) continue;
          expect(isMailerError(error)).toBe(true);
          codes.add((error as MailerError).code);
          for (const text of renderingsOf(error as MailerError)) said.push({ where, text });
        }
        if (sent.result) said.push({ where, text: JSON.stringify(sent.result) });
      }
    }
    said.push({ where: 'the log', text: captured.join('\n') });

    // The matrix really ran every kind of failure, and the log really showed the traffic.
    expect([...codes].sort()).toEqual(['AuthFailed', 'Rejected', 'Unavailable']);
    expect(captured.join('\n')).toMatch(/C: AUTH PLAIN/);
    expect(captured.join('\n')).toMatch(/C: AUTH LOGIN/);
    expect(captured.join('\n')).toMatch(/S: 535 5\.7\.8 Authentication failed for/);
    expect(captured.join('\n')).toMatch(/C: AUTH XOAUTH2/);
    expect(captured.join('\n')).toMatch(/DKIM-Signature/);
    const leaks = said.flatMap(({ where, text }) =>
      SECRET_FORMS.filter(([, secret]) => text.includes(secret)).map(([name]) => `${name} in ${where}`),
    );
    expect(leaks).toEqual([]);
  }, 120_000);

  it("counts a service account's encrypted { key, passphrase } as secrets, so they are redacted", () => {
    const auth = { type: 'OAuth2' as const, user: USER, serviceClient: 'svc', privateKey: { key: SERVICE_KEY, passphrase: PASSPHRASE } };
    const redact = createRedactor(secretsOf({ auth, smtp: { pool: true, disableFileAccess: true, disableUrlAccess: true, requireTLS: true } }), USER);
    const keyLines = SERVICE_KEY.split('\n').filter((line) => line.length > 0 && !line.startsWith('-----'));
    const text = redact(`could not use ${SERVICE_KEY} with passphrase ${PASSPHRASE}; line: ${keyLines[3]}`);
    for (const secret of [PASSPHRASE, ...keyLines]) expect(text).not.toContain(secret);
    expect(text).toContain('could not use');
  });
});
