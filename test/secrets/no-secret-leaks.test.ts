/**
 * The contract's "never": distinct secrets planted in every secret field, then every failure path
 * driven (SMTP faults, a failing OAuth2 token endpoint, custom transports and stores that throw
 * them, the CLI) with logger and debug on, and every error, cause, log line and CLI output scanned
 * for any secret, its encodings, its first six characters or any eight in a row.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMailer, isMailerError, MailerError, type MailerConfig, type MailerOptions } from '../../src/index.js';
import { createRedactor } from '../../src/errors/redact-secrets.js';
import { secretsOf } from '../../src/config/secrets-of.js';
import { baseConfig, run, tempDir } from '../cli/run-cli-helper.js';
import { caseConfig, FAST_RETRY, FAULT_CASES, RECIPIENT, type CaseAuth, type FaultCase } from '../faults/fault-cases.js';
import { startEchoingAuthServer } from '../faults/fault-servers.js';
import { expectNoUnhandledRejections, outcomeOf } from '../faults/send-outcome.js';
import { leakedSecrets } from '../helpers/leaked-secrets.js';
import { logtoTemplates } from '../helpers/logto-config.js';
import { startTokenEndpoint, type TokenAnswer, type TokenEndpoint } from '../helpers/token-endpoint.js';

const USER = 'mailer@acme.test';
// Distinct and random-looking, so that six or eight characters of one never occur by chance. The
// password's quote and backslash make JSON and util.inspect escape it; `#` and `/` make URLs do so.
const PASSWORD = 'Tq7"Vz2\\Wm9&Rk4#';
const CLIENT_SECRET = 'GOCSPX-Hb3Xq8Lw5Nz1';
const REFRESH_TOKEN = '1//0Jf6Rk2Mv9Tp4Yc';
const ACCESS_TOKEN = 'ya29.Qs5Wd8Gn3Hx7';
const PASSPHRASE = 'Kd3#Wp8!Ns5Hx';
const TLS_PASSPHRASE = 'Cz6^Tb1*Jy9Ue';
// What the token endpoint hands out: secrets no config holds.
const FRESH = { access_token: 'ya29.Fr4Zk9Lp2Wq6', refresh_token: 'Rf7Bn2Xc5Vm8Ld', id_token: 'eyJ.Id3Kq8Tz5Pw' };

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
const DKIM = { domainName: 'acme.test', keySelector: 'mail', privateKey: DKIM_KEY };

/** The planted strings: none may show whole, by its first or last six characters, or by any eight in a row. */
const STRING_SECRETS: Record<string, string> = { PASSWORD, CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN, PASSPHRASE, TLS_PASSPHRASE, ...FRESH };

/** Each line of the keys' base64: random, so its first or last twelve characters already identify it. */
const KEY_LINES: Record<string, string> = Object.fromEntries(
  [DKIM_KEY, SERVICE_KEY].flatMap((key, index) =>
    key
      .split('\n')
      .filter((line) => line.length > 0 && !line.startsWith('-----'))
      .map((line, lineIndex) => [`${index === 0 ? 'DKIM' : 'service'} key line ${lineIndex}`, line]),
  ),
);

/** Whole forms of the secrets that the checks above would not recognise: encodings and SASL blobs. */
const ENCODED_FORMS: Record<string, string> = {
  'password (base64)': base64(PASSWORD),
  'password (JSON)': JSON.stringify(PASSWORD).slice(1, -1),
  'password (inspect)': inspect(PASSWORD).slice(1, -1),
  'password (URL)': encodeURIComponent(PASSWORD),
  'refresh token (URL)': encodeURIComponent(REFRESH_TOKEN),
  'AUTH PLAIN blob': base64(`\u0000${USER}\u0000${PASSWORD}`),
  'AUTH PLAIN blob with authzid': base64(`${USER}\u0000${USER}\u0000${PASSWORD}`),
  'access token (base64)': base64(ACCESS_TOKEN),
  'XOAUTH2 blob': base64(`user=${USER}\u0001auth=Bearer ${ACCESS_TOKEN}\u0001\u0001`),
};

/** The auths a mailer can hold: every secret field filled. */
function auths(accessUrl: string): Record<string, CaseAuth> {
  return {
    login: { user: USER, pass: PASSWORD },
    'OAuth2 tokens': {
      type: 'OAuth2',
      user: USER,
      clientId: 'client-id',
      clientSecret: CLIENT_SECRET,
      refreshToken: REFRESH_TOKEN,
      accessToken: ACCESS_TOKEN,
      accessUrl,
    },
    'OAuth2 service account with an encrypted key': {
      type: 'OAuth2',
      user: USER,
      serviceClient: 'service-client-id',
      privateKey: { key: SERVICE_KEY, passphrase: PASSPHRASE },
      accessUrl,
    },
  };
}

/** How the token endpoint answers, by path: every way a token request can fail. */
const TOKEN_ANSWERS: Record<string, (body: string) => TokenAnswer> = {
  // A refusal whose description echoes the form body: URL-encoded secrets, a signed JWT assertion.
  '/refuse-echoing': (body) => ({ status: 400, body: JSON.stringify({ error: 'invalid_grant', error_description: `refused ${body}` }) }),
  // Not JSON, and starting with a secret: JSON.parse's message quotes its first characters.
  '/not-json': (body) => {
    const form = new URLSearchParams(body);
    return { status: 500, body: `${form.get('client_secret') ?? form.get('assertion') ?? ''} ${body}`, contentType: 'text/plain' };
  },
  // An HTML error page echoing the request.
  '/html': (body) => ({ status: 502, body: `<html><body>Bad gateway for ${body}</body></html>`, contentType: 'text/html' }),
  // Fresh tokens, which nodemailer logs; the SMTP server then refuses the access token.
  '/fresh-tokens': () => ({ status: 200, body: JSON.stringify({ ...FRESH, expires_in: 3600 }) }),
};

/** Servers that echo the credentials they refuse back in their 535, one per AUTH mechanism. */
const ECHO_CASES: readonly FaultCase[] = (['PLAIN', 'LOGIN', 'XOAUTH2'] as const).map((method) => ({
  name: `a server echoing refused AUTH ${method} credentials`,
  expected: { delivered: false, code: 'AuthFailed', attempts: 1 },
  async start() {
    const server = await startEchoingAuthServer([method]);
    return { config: { host: '127.0.0.1', port: server.port }, checkReceived: () => undefined, close: () => server.close() };
  },
}));

const logged: string[] = [];
const cleanups: Array<() => Promise<void>> = [];
let endpoint: TokenEndpoint;
expectNoUnhandledRejections();
beforeEach(async () => {
  logged.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
  endpoint = await startTokenEndpoint((path, body) => (TOKEN_ANSWERS[path] ?? TOKEN_ANSWERS['/refuse-echoing']!)(body));
  cleanups.push(() => endpoint.close());
});
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** Every rendering of a failure a user might log: message, stack, hint, issues, JSON, full inspect, each cause. */
function renderingsOf(error: MailerError): string[] {
  const renderings = [inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error), error.hint ?? ''];
  renderings.push(...(error.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`));
  for (let cause: unknown = error; cause !== undefined && cause !== null; cause = (cause as { cause?: unknown }).cause) {
    const link = cause as Error;
    renderings.push(String(link.message), String(link.stack), JSON.stringify(link), inspect(link, { showHidden: true }));
  }
  return renderings;
}

/** Settles an operation that must fail; its renderings, or a note that it did not fail. */
async function failureShown(operation: Promise<unknown>): Promise<string[]> {
  const error = await operation.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(isMailerError(error)).toBe(true);
  return renderingsOf(error as MailerError);
}

/** The JWT signatures the service account sent: credentials that no config holds either. */
function signedAssertions(): Record<string, string> {
  const signatures = endpoint.requests.flatMap((body) => new URLSearchParams(body).get('assertion')?.split('.')[2] ?? []);
  return Object.fromEntries(signatures.map((signature, index) => [`JWT assertion signature ${index}`, signature]));
}

/** Fails, naming each secret found in `texts` (or in what was logged). */
function expectNoLeaks(texts: readonly string[]): void {
  const shown = [...texts, ...logged].join('\n');
  const leaks = [
    ...leakedSecrets(shown, STRING_SECRETS, { ends: 6, window: 8 }),
    ...leakedSecrets(shown, { ...KEY_LINES, ...signedAssertions() }, { ends: 12 }),
    ...leakedSecrets(shown, ENCODED_FORMS, { ends: Infinity }),
  ];
  expect(leaks).toEqual([]);
}

describe('no secret leaks', () => {
  it('no error, hint, cause, JSON, inspect output or log line of any SMTP fault holds a secret', async () => {
    const said: string[] = [];
    const codes = new Set<string>();
    for (const auth of Object.values(auths(endpoint.url('/refuse-echoing')))) {
      for (const faultCase of [...FAULT_CASES, ...ECHO_CASES]) {
        const peer = await faultCase.start(auth);
        cleanups.push(() => peer.close());
        const mailer = createMailer(caseConfig(peer, auth, { logger: true, debug: true, dkim: DKIM }), { retry: FAST_RETRY });
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
          said.push(...renderingsOf(error as MailerError));
        }
        if (sent.result) said.push(JSON.stringify(sent.result));
      }
    }

    // The matrix really ran every kind of failure, and the log really showed the traffic.
    expect([...codes].sort()).toEqual(['AuthFailed', 'Rejected', 'Unavailable']);
    const log = logged.join('\n');
    for (const shown of [/C: AUTH PLAIN/, /C: AUTH LOGIN/, /S: 535 5\.7\.8 Authentication failed for/, /C: AUTH XOAUTH2/, /DKIM-Signature/]) {
      expect(log).toMatch(shown);
    }
    expect(log).toContain('Requesting token using');
    expectNoLeaks(said);
  }, 120_000);

  it('the OAuth2 token endpoint failing every way, with logger and debug on, shows no secret', async () => {
    const smtp = await startEchoingAuthServer(['XOAUTH2']);
    cleanups.push(() => smtp.close());
    const said: string[] = [];
    for (const path of Object.keys(TOKEN_ANSWERS)) {
      const all = auths(endpoint.url(path));
      // Without an access token (or with one that expired) the mailer must ask the endpoint first.
      const tokens = { ...all['OAuth2 tokens'], accessToken: undefined } as CaseAuth;
      const expired = { ...all['OAuth2 tokens'], expires: 1 } as CaseAuth;
      for (const auth of [tokens, expired, all['OAuth2 service account with an encrypted key']!]) {
        const config = { host: '127.0.0.1', port: smtp.port, fromEmail: USER, auth, logger: true, debug: true };
        const mailer = createMailer(config, { retry: FAST_RETRY });
        said.push(...(await failureShown(mailer.send({ to: RECIPIENT, type: 'SignIn', payload: { code: '1' } }))));
        said.push(...(await failureShown(mailer.verify())));
        await mailer.close();
      }
    }
    // Every answer was asked for, by both kinds of OAuth2, and logged.
    expect(endpoint.requests.length).toBeGreaterThanOrEqual(4 * 3 * 2);
    expect(endpoint.requests.some((body) => body.includes('assertion='))).toBe(true);
    expectNoLeaks(said);
    const log = logged.join('\n');
    expect(log).toContain('Requesting token using');
    expect(log).toContain('Response: {"access_token":"[redacted]"');
    expect(log).toContain('AUTH XOAUTH2 [redacted]');
  });

  it('custom transports, template stores and rate-limit stores that throw the secrets show none of them', async () => {
    const said: string[] = [];
    for (const auth of Object.values(auths(endpoint.url('/refuse-echoing')))) {
      const config: MailerConfig = {
        host: 'smtp.acme.test',
        fromEmail: USER,
        auth,
        dkim: DKIM,
        tls: { passphrase: TLS_PASSPHRASE },
        templates: logtoTemplates(),
        logger: true,
        debug: true,
      };
      const planted = secretsOf({ auth, smtp: { dkim: DKIM, tls: config.tls } } as never).join(' | ');
      const plainError = (): Error =>
        Object.assign(new Error(`failed: ${planted}`, { cause: new AggregateError([new Error(planted)], `inner ${planted}`) }), {
          code: 'ECONNRESET',
          config: { auth },
        });
      const mailerError = (): MailerError =>
        new MailerError('Rejected', `refused: ${planted}`, {
          hint: `check ${planted}`,
          issues: [{ path: 'apiKey', message: planted }],
          cause: plainError(),
        });
      const throwers: Array<() => unknown> = [plainError, mailerError, () => planted, () => ({ message: planted, auth })];
      for (const thrown of throwers) {
        const fail = (): Promise<never> => Promise.reject(thrown());
        const options: MailerOptions[] = [
          { transport: { send: fail, verify: fail, close: fail } },
          { transport: { send: fail }, templateStore: { findTemplate: fail } },
          { transport: { send: fail }, rateLimit: { limit: 5, window: 1000, store: { hit: fail } } },
        ];
        for (const option of options) {
          const mailer = createMailer(config, { retry: { attempts: 2, baseDelay: 1, maxDelay: 1 }, ...option });
          said.push(...(await failureShown(mailer.send({ to: RECIPIENT, type: 'SignIn', payload: { code: '1' } }))));
          if (option.templateStore) said.push(...(await failureShown(mailer.render({ type: 'SignIn', payload: { code: '1' } }))));
          if (option.transport?.verify) said.push(...(await failureShown(mailer.verify())), ...(await failureShown(mailer.close())));
          else await mailer.close();
        }
      }
    }
    expectNoLeaks(said);
    expect(said.join('\n')).toContain('[redacted]');
  });

  it('the CLI shows no secret: check, verify and send, a JSON syntax error at a password included', async () => {
    const dir = await tempDir();
    cleanups.push(() => dir.cleanup());
    const smtp = await startEchoingAuthServer(['PLAIN', 'LOGIN', 'XOAUTH2']);
    cleanups.push(() => smtp.close());
    const outputs: string[] = [];
    const runCli = async (argv: string[], config: string, env: Record<string, string> = {}): Promise<number> => {
      const file = join(dir.path, `config-${outputs.length}.json`);
      await writeFile(file, config);
      const result = await run(argv.map((arg) => (arg === '<file>' ? file : arg)), { env });
      outputs.push(result.stdout, result.stderr);
      return result.code;
    };
    const smtpConfig = (auth: CaseAuth, extra: Record<string, unknown> = {}): Record<string, unknown> =>
      baseConfig({ host: '127.0.0.1', port: smtp.port, auth, dkim: DKIM, logger: true, debug: true, ...extra });

    // JSON syntax errors right at a secret: JSON.parse would quote its start, or its end.
    const pass = JSON.stringify(PASSWORD);
    for (const broken of [
      `{\n  "auth": { "user": "u", "pass": ${ACCESS_TOKEN} }\n}`,
      `{\n  "auth": { "user": "u", "pass": ${pass} "type": "login" }\n}`,
      `{ "auth": { "type": "OAuth2", "user": "u", "clientSecret": ${CLIENT_SECRET}, "refreshToken": "${REFRESH_TOKEN}" } }`,
      `{ "auth": { "type": "OAuth2", "user": "u", "refreshToken": "${REFRESH_TOKEN}\n" } }`,
      `{ "auth": { "user": "u", "pass": ${pass} }, }`,
    ]) {
      expect(await runCli(['check', '<file>'], broken)).toBe(1);
    }
    const cliAuths = auths(endpoint.url('/not-json'));
    for (const auth of Object.values(cliAuths)) {
      // Valid, and invalid around the secrets; secrets from the file and from the environment.
      expect(await runCli(['check', '<file>'], JSON.stringify(smtpConfig(auth)))).toBe(0);
      expect(await runCli(['check', '<file>'], JSON.stringify(smtpConfig(auth, { port: 'x', auth: { ...auth, type: 'Basic' } })))).toBe(1);
      for (const command of [['verify', '<file>'], ['send', '<file>', '--to', RECIPIENT, '--type', 'SignIn', '--code', '1']]) {
        expect(await runCli(command, JSON.stringify(smtpConfig(auth)))).toBe(1);
      }
    }
    const fromEnv = JSON.stringify(smtpConfig({ user: USER, pass: '${SMTP_PASS}' }));
    expect(await runCli(['verify', '<file>'], fromEnv, { SMTP_PASS: PASSWORD })).toBe(1);
    // The OAuth2 token request without an access token, from the CLI too.
    const tokens = { ...cliAuths['OAuth2 tokens'], accessToken: undefined };
    expect(await runCli(['verify', '<file>'], JSON.stringify(smtpConfig(tokens as CaseAuth)))).toBe(1);

    expect(endpoint.requests.length).toBeGreaterThan(0);
    expectNoLeaks(outputs);
    const printed = outputs.join('\n');
    expect(printed).toMatch(/is not valid JSON at line 2, column \d+: expected a value/);
    expect(printed).toMatch(/AuthFailed/);
  }, 60_000);

  it("counts a service account's encrypted { key, passphrase } as secrets, so they are redacted", () => {
    const auth = { type: 'OAuth2' as const, user: USER, serviceClient: 'svc', privateKey: { key: SERVICE_KEY, passphrase: PASSPHRASE } };
    const redact = createRedactor(secretsOf({ auth, smtp: { pool: true, disableFileAccess: true, disableUrlAccess: true, requireTLS: true } }), USER);
    const keyLines = SERVICE_KEY.split('\n').filter((line) => line.length > 0 && !line.startsWith('-----'));
    const text = redact(`could not use ${SERVICE_KEY} with passphrase ${PASSPHRASE}; line: ${keyLines[3]}`);
    for (const secret of [PASSPHRASE, ...keyLines]) expect(text).not.toContain(secret);
    expect(text).toContain('could not use');
  });
});
