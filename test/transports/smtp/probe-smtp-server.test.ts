import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeSmtpServer } from '../../../src/transports/smtp/probe-smtp-server.js';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../../../src/testing/smtp-sink.js';
import { failureOf } from '../../helpers/failure-of.js';
import { freePort } from '../../helpers/free-port.js';
import { resolvedConfig } from './resolved-config.js';
import { LOCALHOST_CERT, LOCALHOST_KEY } from '../../helpers/localhost-tls.js';

const PASSWORD = 'probe-Secret-pass-42';
const login = (pass = PASSWORD) => ({ type: 'login' as const, user: 'mailer', pass });

describe('probeSmtpServer', () => {
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await sink?.close();
    sink = undefined;
  });

  const start = async (options: SmtpSinkOptions): Promise<SmtpSink> => (sink = await startSmtpSink(options));

  it('reports the greeting, plain text, the EHLO extensions and no auth, and sends nothing', async () => {
    const server = await start({});
    const report = await probeSmtpServer(resolvedConfig(server.config));
    expect(report.greeting).toMatch(/^220 \S+ ESMTP/);
    expect(report.tls).toBe('none');
    expect(report.tlsVersion).toBeUndefined();
    expect(report.extensions).toEqual(expect.arrayContaining(['PIPELINING', 'SMTPUTF8', '8BITMIME']));
    expect(report.extensions).not.toContain('STARTTLS');
    expect(report.authMethod).toBeUndefined();
    expect(server.messages).toEqual([]);
    expect(server.connectionCount).toBe(1);
  });

  it('reports STARTTLS with its protocol version, and the extensions offered over TLS', async () => {
    const server = await start({ starttls: true, key: LOCALHOST_KEY, cert: LOCALHOST_CERT, size: 1_000_000 });
    const report = await probeSmtpServer(resolvedConfig(server.config, { smtp: { tls: { ca: LOCALHOST_CERT } } }));
    expect(report.tls).toBe('starttls');
    expect(report.tlsVersion).toMatch(/^TLSv1\.[23]$/);
    expect(report.extensions).toContain('SIZE 1000000');
    expect(report.extensions).not.toContain('STARTTLS');
  });

  it('reports plain text when ignoreTLS turns the offered STARTTLS down', async () => {
    const server = await start({ starttls: true, key: LOCALHOST_KEY, cert: LOCALHOST_CERT });
    const report = await probeSmtpServer(resolvedConfig(server.config, { smtp: { ignoreTLS: true } }));
    expect(report.tls).toBe('none');
    expect(report.extensions).toContain('STARTTLS');
  });

  it('reports implicit TLS', async () => {
    const server = await start({ secure: true, key: LOCALHOST_KEY, cert: LOCALHOST_CERT });
    const report = await probeSmtpServer(resolvedConfig(server.config, { smtp: { tls: { ca: LOCALHOST_CERT } } }));
    expect(report.tls).toBe('implicit');
    expect(report.tlsVersion).toMatch(/^TLSv1\.[23]$/);
    expect(report.greeting).toMatch(/^220 /);
  });

  it.each([
    [['PLAIN', 'LOGIN'] as const, 'PLAIN'],
    [['LOGIN'] as const, 'LOGIN'],
  ])('logs in and names the mechanism used (offered %j)', async (authMethods, used) => {
    const server = await start({ authenticate: { user: 'mailer', pass: PASSWORD }, authMethods: [...authMethods] });
    const report = await probeSmtpServer(resolvedConfig(server.config, { auth: login() }));
    expect(report.authMechanisms).toEqual([...authMethods]);
    expect(report.authMethod).toBe(used);
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
  });

  it('logs in with an OAuth2 access token over XOAUTH2', async () => {
    const server = await start({ authenticate: { user: 'mailer', accessToken: 'probe-token-123' }, authMethods: ['XOAUTH2'] });
    const report = await probeSmtpServer(
      resolvedConfig(server.config, { auth: { type: 'OAuth2', user: 'mailer', accessToken: 'probe-token-123' } }),
    );
    expect(report.authMethod).toBe('XOAUTH2');
  });

  it('keeps every line of a multi-line greeting and drops control characters a server sends', async () => {
    const server = createServer((socket) => {
      socket.write('220-mx.example.test ESMTP\r\n220 ready \u001b[31mnow\r\n');
      socket.on('data', (data) => {
        const command = data.toString();
        if (command.startsWith('EHLO')) socket.write('250-mx.example.test\r\n250 SIZE 42\r\n');
        if (command.startsWith('QUIT')) socket.end('221 bye\r\n');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const report = await probeSmtpServer(resolvedConfig({ host: '127.0.0.1', port }));
      expect(report.greeting).toBe('220-mx.example.test ESMTP\n220 ready  [31mnow');
      expect(report.extensions).toEqual(['SIZE 42']);
      expect(report.authMechanisms).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('is AuthFailed with a hint for refused credentials, and no form of the password appears anywhere', async () => {
    const server = await start({ authenticate: { user: 'mailer', pass: 'the-right-one' }, authMethods: ['PLAIN', 'LOGIN'] });
    const error = await failureOf(probeSmtpServer(resolvedConfig(server.config, { auth: login() })));
    expect(error.code).toBe('AuthFailed');
    expect(error.responseCode).toBe(535);
    expect(error.hint).toMatch(/refused the credentials/);
    const seen = [error.message, error.hint, error.stack, JSON.stringify(error), String(error.cause), (error.cause as Error).stack].join('\n');
    for (const form of [PASSWORD, b64(PASSWORD), b64(`\u0000mailer\u0000${PASSWORD}`)]) expect(seen).not.toContain(form);
  });

  it('is Unavailable with a hint when nothing listens', async () => {
    const port = await freePort();
    const error = await failureOf(probeSmtpServer(resolvedConfig({ host: '127.0.0.1', port })));
    expect(error.code).toBe('Unavailable');
    expect(error.message).toContain(`verify failed on 127.0.0.1:${port}`);
    expect(error.hint).toContain(`nothing listens on 127.0.0.1:${port}`);
  });

  it('refuses an untrusted certificate unless its CA is given', async () => {
    const server = await start({ starttls: true, key: LOCALHOST_KEY, cert: LOCALHOST_CERT });
    const error = await failureOf(probeSmtpServer(resolvedConfig(server.config, { smtp: { tls: { rejectUnauthorized: true } } })));
    expect(error.code).toBe('Unavailable');
    expect(error.hint).toMatch(/tls\.ca/);
  });
});

function b64(text: string): string {
  return Buffer.from(text).toString('base64');
}
