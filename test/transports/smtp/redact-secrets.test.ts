import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMailer, type MailerError } from '../../../src/index.js';
import { createRedactor } from '../../../src/errors/redact-secrets.js';
import { startEchoingAuthServer } from '../../faults/fault-servers.js';
import { failureOf } from '../../helpers/failure-of.js';
import { leakedSecrets } from '../../helpers/leaked-secrets.js';
import { startTokenEndpoint, type TokenAnswer } from '../../helpers/token-endpoint.js';

const USER = 'mailer@acme.test';
const CLIENT_SECRET = 'GOCSPX-Hq4Rm8Vt2Yw6';
const REFRESH_TOKEN = '1//0gKx7Pq3Nc9Wb5L';
// What the endpoint hands out: secrets the config never held.
const FRESH = { access_token: 'ya29.Zm4Kp8Rt1Vx6', refresh_token: 'Fr3shQw7Zp2Lk9', id_token: 'eyJfR4eshId7Tk' };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** How the endpoint answers, by path: each a way a token request can fail. */
const ANSWERS: Record<string, (body: string) => TokenAnswer> = {
  // A refusal whose description echoes the form body, URL-encoded values and all.
  '/refuse-echoing': (body) => ({ status: 400, body: JSON.stringify({ error: 'invalid_client', error_description: `bad request ${body}` }) }),
  // A body that is not JSON and starts with the client secret: JSON.parse quotes its first characters.
  '/not-json': (body) => ({
    status: 500,
    body: `${new URLSearchParams(body).get('client_secret') ?? ''} was refused`,
    contentType: 'text/plain',
  }),
  // Fresh tokens, logged by nodemailer; the SMTP server then refuses the access token.
  '/fresh-tokens': () => ({ status: 200, body: JSON.stringify({ ...FRESH, expires_in: 3600 }) }),
};

describe('createRedactor', () => {
  const redact = createRedactor(['p@ss w/rd"1', 'Kd3#Wp8!Ns5Hx'], USER);

  it('removes a secret URL-encoded (as a form body carries it) or JSON-escaped', () => {
    const text = redact(`body p%40ss%20w%2Frd%221 x=p%40ss+w%2Frd%221 {"p":"p@ss w/rd\\"1"} Kd3%23Wp8!Ns5Hx`);
    expect(text).not.toMatch(/p%40ss|w\/rd|Kd3/);
  });

  it('removes any value named like a credential, configured or not, however it is quoted or cut off', () => {
    const text = redact(
      [
        `{"client_secret":"GOCSPX...","refresh_token":"1//0gK...","grant_type":"refresh_token"}`,
        `client_id=cid&client_secret=unknown1&refresh_token=unknown2&grant_type=refresh_token`,
        inspect({ accessToken: 'unknown3', privateKey: 'unknown4', id_token: 'unknown5' }),
        `assertion=unknown6 passphrase: unknown7 {"password":"unknown8\\" still`,
        `{"access_token":"unknown9`,
      ].join('\n'),
    );
    expect(text).not.toMatch(/GOCSPX|1\/\/0gK|unknown/);
    expect(text).toContain('"grant_type":"refresh_token"');
    expect(text).toContain('client_id=cid&client_secret=[redacted]&refresh_token=[redacted]&grant_type=refresh_token');
  });

  it("removes the text JSON.parse quotes around a syntax error, keeping the rest of the message", () => {
    const messages = ["Unexpected token 'G', \"GOCSPX-Hq4\"... is not valid JSON", 'Unexpected token \'h\', ..."pass": hunter2-se"... is not valid JSON'];
    for (const message of messages) {
      expect(redact(message)).toBe(`Unexpected token '${message.charAt(18)}', (the text is not shown) is not valid JSON`);
    }
  });

  it('leaves text that only mentions credentials alone', () => {
    const hint = 'check auth.user and auth.pass (Gmail and Outlook need an app password, not the account password)';
    expect(redact(hint)).toBe(hint);
    expect(redact('Reusing existing access token for a@b.c; grant_type=refresh_token')).toBe('Reusing existing access token for a@b.c; grant_type=refresh_token');
  });
});

describe('the OAuth2 token request, with logger and debug on', () => {
  it('logs and reports no client secret, refresh token or fresh token, not even their first characters', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    const endpoint = await startTokenEndpoint((path, body) => (ANSWERS[path] ?? ANSWERS['/fresh-tokens']!)(body));
    cleanups.push(() => endpoint.close());
    const smtp = await startEchoingAuthServer(['XOAUTH2']);
    cleanups.push(() => smtp.close());

    const errors: MailerError[] = [];
    for (const path of Object.keys(ANSWERS)) {
      const auth = { type: 'OAuth2', user: USER, clientId: 'client-id', clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN, accessUrl: endpoint.url(path) };
      const mailer = createMailer({ host: '127.0.0.1', port: smtp.port, fromEmail: USER, auth, logger: true, debug: true }, { retry: { attempts: 1 } });
      errors.push(await failureOf(mailer.verify()));
      await mailer.close();
    }

    // Every answer was asked for and logged, and every failure reported.
    expect(endpoint.requests).toHaveLength(3);
    expect(errors.map((error) => error.code)).toEqual(['AuthFailed', 'AuthFailed', 'AuthFailed']);
    const log = logged.join('\n');
    const shown = [log, ...errors.flatMap((error) => [inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error)])].join('\n');
    expect(leakedSecrets(shown, { CLIENT_SECRET, REFRESH_TOKEN, ...FRESH })).toEqual([]);

    // The log still says what was asked and answered, and the error what went wrong.
    expect(log).toContain('Requesting token using: {"client_id":"client-id","client_secret":"[redacted]","refresh_token":"[redacted]"');
    expect(log).toContain('Response: {"access_token":"[redacted]","refresh_token":"[redacted]","id_token":"[redacted]","expires_in":3600}');
    expect(errors[0]?.message).toContain('invalid_client: bad request client_id=client-id&client_secret=[redacted]');
    expect(errors[1]?.message).toContain("Unexpected token 'G', (the text is not shown) is not valid JSON");
  });
});
