import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailerError } from '../../../src/errors/mailer-error.js';
import { hintFor } from '../../../src/transports/smtp/connection-hints.js';
import { createSmtpTransport } from '../../../src/transports/smtp/smtp-transport.js';
import { startSmtpSink, type SmtpSink } from '../../../src/testing/smtp-sink.js';
import type { Transport } from '../../../src/types/transport.js';
import { failureOf } from '../../helpers/failure-of.js';
import { resolvedConfig } from './resolved-config.js';
import { LOCALHOST_CERT, LOCALHOST_KEY } from '../../helpers/localhost-tls.js';
import { startTokenEndpoint } from '../../helpers/token-endpoint.js';


let sink: SmtpSink | undefined;
let server: Server | undefined;
let transport: Transport | undefined;
const sockets = new Set<Socket>();

afterEach(async () => {
  await transport?.close?.();
  await sink?.close();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  sink = undefined;
  server = undefined;
  transport = undefined;
});

/** A TCP server that runs `onConnection` for every client. */
async function rawServer(onConnection: (socket: Socket) => void): Promise<number> {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

function verifyFailure(target: Transport): Promise<MailerError> {
  transport = target;
  return failureOf(target.verify!());
}

describe('hints for classic mistakes, against real servers', () => {
  it('a plain server spoken to with secure: true: use STARTTLS', async () => {
    sink = await startSmtpSink();
    const error = await verifyFailure(createSmtpTransport(resolvedConfig({ ...sink.config, secure: true })));
    expect(error.code).toBe('Unavailable');
    expect(error.hint).toMatch(/does not speak TLS on connect: set secure: false/);
  });

  it('an implicit-TLS server spoken to in plain: it never greets', async () => {
    sink = await startSmtpSink({ secure: true });
    const config = resolvedConfig({ ...sink.config, secure: false }, { smtp: { greetingTimeout: 300 } });
    const error = await verifyFailure(createSmtpTransport(config));
    expect(error.code).toBe('Unavailable');
    expect(error.hint).toMatch(/never greeted: wrong port, or implicit TLS expected \(secure: true\)/);
  });

  it('a TCP server that never greets', async () => {
    const port = await rawServer(() => undefined);
    const config = resolvedConfig({ host: '127.0.0.1', port }, { smtp: { greetingTimeout: 200 } });
    const error = await verifyFailure(createSmtpTransport(config));
    expect(error.code).toBe('Unavailable');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.hint).toMatch(/never greeted/);
  });

  it('an untrusted (self-signed) certificate: pass its CA in tls.ca', async () => {
    sink = await startSmtpSink({ secure: true, key: LOCALHOST_KEY, cert: LOCALHOST_CERT });
    const config = resolvedConfig({ ...sink.config, tls: { rejectUnauthorized: true } });
    const error = await verifyFailure(createSmtpTransport(config));
    expect(error.code).toBe('Unavailable');
    expect(error.hint).toMatch(/pass the server's CA certificate in tls\.ca/);
  });

  it('the same certificate is accepted once its CA is passed in tls.ca', async () => {
    sink = await startSmtpSink({ secure: true, key: LOCALHOST_KEY, cert: LOCALHOST_CERT });
    transport = createSmtpTransport(resolvedConfig({ ...sink.config, tls: { ca: LOCALHOST_CERT } }));
    await expect(transport.verify!()).resolves.toBeUndefined();
  });

  it("an expired certificate (smtp-server's built-in one)", async () => {
    sink = await startSmtpSink({ secure: true });
    const config = resolvedConfig({ ...sink.config, tls: { rejectUnauthorized: true } });
    const error = await verifyFailure(createSmtpTransport(config));
    expect(error.code).toBe('Unavailable');
    expect(error.hint).toMatch(/certificate has expired/);
  });

  it('a server that refuses a non-ASCII EHLO name: set name', async () => {
    const port = await rawServer((socket) => {
      socket.write('220 test ESMTP\r\n');
      socket.on('data', (data) => {
        const command = data.toString();
        if (/^(EHLO|HELO)/i.test(command)) socket.write('501 5.5.4 Invalid domain name\r\n');
        else if (/^QUIT/i.test(command)) socket.end('221 Bye\r\n');
      });
    });
    const config = resolvedConfig({ host: '127.0.0.1', port }, { smtp: { name: 'bücher.example' } });
    const error = await verifyFailure(createSmtpTransport(config));
    expect(error.code).toBe('Rejected');
    expect(error.hint).toBe('the EHLO name is not ASCII and the server refused it: set `name` to an ASCII host name');
  });

  it('requireTLS against a server without STARTTLS: a TLS setup problem, with its hint', async () => {
    // What Exim without TLS answers: STARTTLS is not in its EHLO reply, and the command is refused.
    const port = await rawServer((socket) => {
      socket.write('220 mx.test ESMTP Exim 4.97\r\n');
      socket.on('data', (data) => {
        const command = data.toString();
        if (/^EHLO/i.test(command)) socket.write('250-mx.test Hello\r\n250-SIZE 52428800\r\n250 HELP\r\n');
        else if (/^STARTTLS/i.test(command)) socket.write('503 STARTTLS command used when not advertised\r\n');
        else if (/^QUIT/i.test(command)) socket.end('221 mx.test closing connection\r\n');
      });
    });
    const config = resolvedConfig({ host: '127.0.0.1', port }, { smtp: { requireTLS: true } });
    const error = await verifyFailure(createSmtpTransport(config));
    // A TLS setup failure is Unavailable by the contract; the 503 is kept, and the hint names the ways out.
    expect(error).toMatchObject({ code: 'Unavailable', responseCode: 503 });
    expect(error.hint).toMatch(/did not take STARTTLS.*TLS is required.*secure: true.*ignoreTLS: true/);
  });
});

describe('hints about TLS and OAuth2 that are not about the password', () => {
  it('a server that takes AUTH only after STARTTLS (530), spoken to with ignoreTLS: says TLS, not the password', async () => {
    const port = await rawServer((socket) => {
      socket.write('220 mx.test ESMTP\r\n');
      socket.on('data', (data) => {
        const command = data.toString();
        if (/^EHLO/i.test(command)) socket.write('250-mx.test\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n');
        else if (/^AUTH/i.test(command)) socket.write('530 5.7.0 Must issue a STARTTLS command first\r\n');
        else if (/^QUIT/i.test(command)) socket.end('221 bye\r\n');
      });
    });
    const config = resolvedConfig({ host: '127.0.0.1', port }, { auth: { type: 'login', user: 'me', pass: 'pw' }, smtp: { ignoreTLS: true } });
    const error = await verifyFailure(createSmtpTransport(config));
    expect(error).toMatchObject({ code: 'AuthFailed', responseCode: 530 });
    expect(error.hint).toMatch(/accepts AUTH only over TLS: remove ignoreTLS/);
  });

  it('an OAuth2 token endpoint that refuses: says which OAuth2 settings to check, not auth.pass', async () => {
    const endpoint = await startTokenEndpoint(() => ({ status: 400, body: JSON.stringify({ error: 'invalid_grant' }) }));
    try {
      sink = await startSmtpSink({ authenticate: { user: 'me', pass: 'unused' } });
      const auth = { type: 'OAuth2' as const, user: 'me', clientId: 'id', clientSecret: 'secret', refreshToken: 'refresh', accessUrl: endpoint.url('/token') };
      const error = await verifyFailure(createSmtpTransport(resolvedConfig(sink.config, { auth })));
      expect(error.code).toBe('AuthFailed');
      expect(error.hint).toMatch(/OAuth2 token endpoint refused.*clientId, clientSecret and refreshToken/);
      expect(error.hint).not.toContain('auth.pass');
    } finally {
      await endpoint.close();
    }
  });
});

describe('hintFor', () => {
  it('says port 465 expects implicit TLS when secure is false', () => {
    const timeout = Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' });
    expect(hintFor(timeout, { host: 'smtp.example.com', port: 465, secure: false })).toBe(
      'port 465 expects implicit TLS: set secure: true, or use port 587 with secure: false',
    );
  });

  it('says port 587 speaks STARTTLS when secure is true and the connection fails', () => {
    const reset = Object.assign(new Error('Client network socket disconnected'), { code: 'ESOCKET' });
    expect(hintFor(reset, { host: 'smtp.example.com', port: 587, secure: true })).toMatch(/set secure: false/);
  });

  it('says the host does not resolve', () => {
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND smtp.nowhere'), { code: 'EDNS', originalCode: 'ENOTFOUND' });
    expect(hintFor(dns, { host: 'smtp.nowhere', port: 587 })).toBe('smtp.nowhere does not resolve (DNS): check host');
  });

  it('says what to do when a required STARTTLS is refused', () => {
    const refused = Object.assign(new Error('Error upgrading connection with STARTTLS'), { code: 'ETLS', responseCode: 454, command: 'STARTTLS' });
    expect(hintFor(refused, { host: 'smtp.example.com', port: 587, secure: false })).toBe(
      'the server did not take STARTTLS (it has no TLS, or the network between stripped it) and TLS is required, as it is by default with auth: ' +
        'enable STARTTLS on the server, or use implicit TLS (secure: true, usually port 465), or set ignoreTLS: true to send in clear text knowingly',
    );
  });

  it.each([500, 502, 503, 504])('tells an AUTH refused with %i (not offered) from refused credentials', (responseCode) => {
    const refused = Object.assign(new Error('Invalid login'), { code: 'EAUTH', responseCode, command: 'AUTH PLAIN' });
    expect(hintFor(refused, { host: 'smtp.example.com', port: 587 })).toMatch(/^the server offers no AUTH on this connection/);
    const wrongPassword = { ...refused, responseCode: 535 };
    expect(hintFor(wrongPassword, { host: 'smtp.example.com', port: 587 })).toMatch(/^the server refused the credentials/);
  });

  it('says nothing for an ordinary rejection', () => {
    const rejected = Object.assign(new Error('550 No such user'), { code: 'EENVELOPE', responseCode: 550 });
    expect(hintFor(rejected, { host: 'smtp.example.com', port: 587, secure: false })).toBeUndefined();
  });
});
