import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, type Mailer, type MailerConfig } from '../../../src/index.js';
import { startSmtpSink } from '../../../src/testing/index.js';
import { startCuttingProxy, type CuttingProxy } from '../../faults/fault-servers.js';
import { logtoTemplates } from '../../helpers/logto-config.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A mailer talking to a sink through a proxy that records what each connection sent. */
async function recordedMailer(extra: Partial<MailerConfig> = {}): Promise<{ proxy: CuttingProxy; mailer: Mailer }> {
  const sink = await startSmtpSink({ authenticate: { user: 'mailer', pass: 'secret' } });
  cleanups.push(() => sink.close());
  const proxy = await startCuttingProxy(sink.port, []);
  cleanups.push(() => proxy.close());
  const mailer = createMailer({
    host: '127.0.0.1',
    port: proxy.port,
    auth: { user: 'mailer', pass: 'secret' },
    fromEmail: 'no-reply@acme.test',
    templates: logtoTemplates(),
    ...extra,
  });
  cleanups.push(() => mailer.close());
  return { proxy, mailer };
}

const sendTo = (mailer: Mailer, to: string) => mailer.send({ to, type: 'SignIn', payload: { code: '123456' } });

/** The commands of a session, without the message text. */
function commandsOf(session: string): string[] {
  return session
    .replace(/\r\nDATA\r\n[\s\S]*?\r\n\.\r\n/g, '\r\nDATA\r\n')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(' ')[0]!.toUpperCase());
}

describe('every SMTP session ends with QUIT (RFC 5321 4.1.1.10)', () => {
  it('when the pool is closed', async () => {
    const { proxy, mailer } = await recordedMailer();
    await sendTo(mailer, 'ada@example.com');
    await mailer.close();
    expect(proxy.sessions).toHaveLength(1);
    expect(commandsOf(proxy.sessions[0]!).at(-1)).toBe('QUIT');
  });

  it('with pool: false, after each message', async () => {
    const { proxy, mailer } = await recordedMailer({ pool: false });
    await sendTo(mailer, 'ada@example.com');
    await sendTo(mailer, 'grace@example.com');
    await mailer.close();
    expect(proxy.sessions).toHaveLength(2);
    for (const session of proxy.sessions) expect(commandsOf(session).slice(-2)).toEqual(['DATA', 'QUIT']);
  });

  it('when a pooled connection reaches maxMessages', async () => {
    const { proxy, mailer } = await recordedMailer({ maxMessages: 2 });
    for (const name of ['ada', 'grace', 'alan']) await sendTo(mailer, `${name}@example.com`);
    expect(proxy.sessions).toHaveLength(2);
    expect(commandsOf(proxy.sessions[0]!).filter((command) => command === 'DATA')).toHaveLength(2);
    expect(commandsOf(proxy.sessions[0]!).at(-1)).toBe('QUIT');
  });

  it('still closes when the server never answers the QUIT', async () => {
    const server = await mute221Server();
    const mailer = createMailer({ host: '127.0.0.1', port: server.port, fromEmail: 'no-reply@acme.test', templates: logtoTemplates() });
    await sendTo(mailer, 'ada@example.com');
    await mailer.close();
    expect(server.received).toMatch(/\r\nQUIT\r\n$/);
    await expect.poll(() => server.openSockets).toBe(0);
  });
});

/** A server that accepts mail and ignores QUIT: the client must close on its own. */
async function mute221Server(): Promise<{ port: number; readonly received: string; readonly openSockets: number }> {
  const sockets = new Set<Socket>();
  let received = '';
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.write('220 mute.test ESMTP\r\n');
    let inData = false;
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      buffered += chunk.toString('latin1');
      let end: number;
      while ((end = buffered.indexOf('\r\n')) !== -1) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            socket.write('250 OK queued\r\n');
          }
        } else if (/^EHLO/i.test(line)) socket.write('250 mute.test\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (!/^QUIT/i.test(line)) socket.write('250 OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return {
    port: (server.address() as { port: number }).port,
    get received() {
      return received;
    },
    get openSockets() {
      return sockets.size;
    },
  };
}
