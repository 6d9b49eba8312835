import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isMailerError } from '../../../src/errors/mailer-error.js';
import { readSmtpSession } from '../../../src/transports/smtp/read-smtp-session.js';
import { createSmtpUtf8Check } from '../../../src/transports/smtp/smtp-utf8-check.js';
import type { MailMessage } from '../../../src/types/transport.js';
import { resolvedConfig } from './resolved-config.js';

const PASSWORD = 'session-Secret-pass-7';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

/** A scripted SMTP peer on loopback that records every command it receives. */
async function scriptedServer(onConnect: (socket: Socket, commands: string[]) => void): Promise<{ port: number; commands: string[] }> {
  const commands: string[] = [];
  const server = createServer((socket) => onConnect(socket, commands));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.address() as { port: number }).port, commands };
}

/** Greets, offers AUTH and SMTPUTF8, and answers QUIT; any other command is refused. */
function offeringServer(socket: Socket, commands: string[]): void {
  socket.write('220 mx.example.test ESMTP\r\n');
  socket.on('data', (data) => {
    for (const command of data.toString().split('\r\n').filter(Boolean)) {
      commands.push(command);
      if (command.startsWith('EHLO')) socket.write('250-mx.example.test\r\n250-AUTH PLAIN LOGIN\r\n250 SMTPUTF8\r\n');
      else if (command === 'QUIT') socket.end('221 bye\r\n');
      else socket.write('502 not here\r\n');
    }
  });
}

const message = (to: string): MailMessage => ({ from: 'no-reply@example.com', to, subject: 'Code', text: 'Code 1', usageType: 'Generic' });

describe('readSmtpSession', () => {
  it('reads the extensions and quits without sending AUTH when not asked to log in, though the config has credentials', async () => {
    const { port, commands } = await scriptedServer(offeringServer);
    const config = resolvedConfig({ host: '127.0.0.1', port }, { auth: { type: 'login', user: 'mailer', pass: PASSWORD } });
    const report = await readSmtpSession(config, { authenticate: false });
    expect(report.extensions).toEqual(['AUTH PLAIN LOGIN', 'SMTPUTF8']);
    expect(report.authMechanisms).toEqual(['PLAIN', 'LOGIN']);
    expect(report.authMethod).toBeUndefined();
    expect(commands.map((command) => command.split(' ')[0])).toEqual(['EHLO', 'QUIT']);
  });

  it('rejects with the unclassified connection error when the server closes before its greeting', async () => {
    const { port } = await scriptedServer((socket) => socket.end());
    const error = await readSmtpSession(resolvedConfig({ host: '127.0.0.1', port }), { authenticate: false }).catch((caught: unknown) => caught);
    expect(isMailerError(error)).toBe(false);
    expect(error).toMatchObject({ code: 'ECONNECTION' });
  });
});

describe('createSmtpUtf8Check', () => {
  it('lets an internationalized recipient through when the server offers SMTPUTF8, probing once', async () => {
    const { port, commands } = await scriptedServer(offeringServer);
    const check = createSmtpUtf8Check(resolvedConfig({ host: '127.0.0.1', port }));
    await check(message('josé@example.com'));
    await check(message('jörg@example.com'));
    expect(commands.filter((command) => command.startsWith('EHLO'))).toHaveLength(1);
  });

  it('rejects with the connection error when the server closes before its greeting, instead of blaming the address', async () => {
    const { port } = await scriptedServer((socket) => socket.end());
    const check = createSmtpUtf8Check(resolvedConfig({ host: '127.0.0.1', port }));
    const error = await Promise.resolve(check(message('josé@example.com'))).catch((caught: unknown) => caught);
    expect(isMailerError(error)).toBe(false);
    expect(error).toMatchObject({ code: 'ECONNECTION' });
  });
});
