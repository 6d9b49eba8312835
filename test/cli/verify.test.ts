import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../src/testing/smtp-sink.js';
import { freePort } from '../helpers/free-port.js';
import { baseConfig, run, tempDir, writeConfig } from './run-cli-helper.js';
import { LOCALHOST_CERT, LOCALHOST_KEY } from '../helpers/localhost-tls.js';

const PASSWORD = 'correct-Horse-battery-9';
const WRONG_PASSWORD = 'wrong-Staple-passw0rd-7';

describe('auth-mailer verify', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let sink: SmtpSink;
  beforeEach(async () => {
    dir = await tempDir();
    sink = await startSmtpSink({ authenticate: { user: 'mailer', pass: PASSWORD } });
  });
  afterEach(async () => {
    await sink.close();
    await dir.cleanup();
  });

  const config = (overrides: Record<string, unknown> = {}): Promise<string> =>
    writeConfig(dir.path, baseConfig({ host: sink.host, port: String(sink.port), auth: { user: 'mailer', pass: '${SMTP_PASS}' }, ...overrides }));

  it('connects, authenticates, says what it did, and sends nothing', async () => {
    const result = await run(['verify', await config()], { env: { SMTP_PASS: PASSWORD } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Verifying 127.0.0.1:${sink.port} (STARTTLS when the server offers it, auth: login (user and password))`);
    expect(result.stdout).toMatch(/^greeting: {3}220 \S+ ESMTP/m);
    expect(result.stdout).toContain('TLS:        none: the connection is plain text, and the credentials were sent unencrypted');
    expect(result.stdout).toMatch(/^extensions: .*PIPELINING.*AUTH PLAIN LOGIN XOAUTH2/m);
    expect(result.stdout).toContain('auth:       PLAIN (offered: PLAIN LOGIN XOAUTH2)');
    expect(result.stdout).toContain('✔ connected and authenticated');
    expect(sink.connectionCount).toBe(1);
    expect(sink.messages).toEqual([]);
    expect(result.stdout).not.toContain(PASSWORD);
  });

  it('reports STARTTLS with its version and the LOGIN mechanism when that is all the server offers', async () => {
    const cert = LOCALHOST_CERT;
    const tlsSink = await startSmtpSink({
      starttls: true,
      key: LOCALHOST_KEY,
      cert,
      authenticate: { user: 'mailer', pass: PASSWORD },
      authMethods: ['LOGIN'],
    });
    try {
      const file = await writeConfig(
        dir.path,
        baseConfig({ host: tlsSink.host, port: tlsSink.port, tls: { ca: cert }, auth: { user: 'mailer', pass: '${SMTP_PASS}' } }),
        'starttls.json',
      );
      const result = await run(['verify', file], { env: { SMTP_PASS: PASSWORD } });
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^TLS: {8}STARTTLS, TLSv1\.[23]$/m);
      expect(result.stdout).not.toMatch(/^extensions: .*STARTTLS/m);
      expect(result.stdout).toContain('auth:       LOGIN (offered: LOGIN)');
      expect(result.stdout).not.toContain(PASSWORD);
      expect(result.code).toBe(0);
    } finally {
      await tlsSink.close();
    }
  });

  it('reports refused credentials with code and hint, and never prints the password', async () => {
    const result = await run(['verify', await config()], { env: { SMTP_PASS: WRONG_PASSWORD } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^✖ /);
    expect(result.stderr).toContain('code: AuthFailed');
    expect(result.stderr).toContain('hint: the server refused the credentials');
    // The message's own `[AuthFailed] Hint: ...` ending is left out: code and hint get their own lines.
    expect(result.stderr).not.toContain('[AuthFailed]');
    expect(result.stderr.match(/hint/gi)).toHaveLength(1);
    for (const output of [result.stdout, result.stderr]) {
      expect(output).not.toContain(WRONG_PASSWORD);
      expect(output).not.toContain(Buffer.from(WRONG_PASSWORD).toString('base64'));
      expect(output).not.toContain(PASSWORD);
    }
  });

  it('reports nothing listening as Unavailable with a hint', async () => {
    const port = await freePort();
    const file = await config({ port, connectionTimeout: 2000 });
    const result = await run(['verify', file], { env: { SMTP_PASS: PASSWORD } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('code: Unavailable');
    expect(result.stderr).toContain(`hint: nothing listens on 127.0.0.1:${port}`);
  });

  it('says STARTTLS is required when auth goes to a host other than localhost, 127.0.0.1 or ::1', async () => {
    const port = await freePort();
    const result = await run(['verify', await config({ host: '127.0.0.2', port, connectionTimeout: 2000 })], { env: { SMTP_PASS: PASSWORD } });
    expect(result.stdout).toContain(`Verifying 127.0.0.2:${port} (STARTTLS required, auth: login (user and password))`);
    expect(result.code).toBe(1);
  });

  it('describes implicit TLS and a relay without auth', async () => {
    const tlsSink = await startSmtpSink({ secure: true });
    try {
      const file = await writeConfig(dir.path, baseConfig({ ...tlsSink.config, port: tlsSink.port }), 'tls.json');
      const result = await run(['verify', file]);
      expect(result.stdout).toContain(`Verifying 127.0.0.1:${tlsSink.port} (implicit TLS, auth: none)`);
      expect(result.stdout).toMatch(/^TLS: {8}implicit TLS, TLSv1\.[23]$/m);
      expect(result.stdout).toMatch(/^auth: {7}none$/m);
      expect(result.stdout).toContain('✔ connected (the config has no auth)');
      expect(result.code).toBe(0);
    } finally {
      await tlsSink.close();
    }
  });

  it('exits 1 for an invalid config and 2 for a usage error', async () => {
    const invalid = await writeConfig(dir.path, { host: 'x' }, 'invalid.json');
    const result = await run(['verify', invalid]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('code: InvalidConfig');
    expect((await run(['verify', 'a.json', 'b.json'])).code).toBe(2);
  });
});
