import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer } from '../../../src/index.js';
import { settlesOnAbort } from '../../../src/shared/settles-on-abort.js';
import { createSmtpTransport } from '../../../src/transports/smtp/smtp-transport.js';
import type { Transport } from '../../../src/types/transport.js';
import { failureOf } from '../../helpers/failure-of.js';
import { resolvedConfig } from './resolved-config.js';
import { mailMessage } from '../../helpers/mail-message.js';

/** A server that accepts TCP connections and never greets: an SMTPUTF8 probe to it waits forever. */
interface SilentServer {
  port: number;
  /** Connections accepted so far. */
  connections: number;
  /** Bytes the clients wrote. */
  received: number;
  close(): Promise<void>;
}

async function silentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    silent.connections += 1;
    socket.on('data', (chunk: Buffer) => void (silent.received += chunk.length));
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const silent: SilentServer = {
    port: address.port,
    connections: 0,
    received: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return silent;
}

// Long enough that only the signal can end the probe within the test's timeout.
const PATIENT = { connectionTimeout: 60_000, greetingTimeout: 60_000, socketTimeout: 60_000 };
const internationalized = mailMessage({ to: 'josé@example.com' });

let server: SilentServer | undefined;
let transport: Transport | undefined;

afterEach(async () => {
  await server?.close();
  await transport?.close?.();
  server = undefined;
  transport = undefined;
});

/** Waits until the silent server has accepted `count` connections. */
async function connected(silent: SilentServer, count: number): Promise<void> {
  while (silent.connections < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('the SMTPUTF8 probe and the signal', () => {
  it('is marked as settling on abort, so the mailer awaits its sends without a race', () => {
    transport = createSmtpTransport(resolvedConfig({ host: '127.0.0.1', port: 9 }));
    expect(settlesOnAbort(transport)).toBe(true);
  });

  it('rejects a send as Unavailable when its signal aborts during the probe, and sends nothing', async () => {
    server = await silentServer();
    transport = createSmtpTransport(resolvedConfig({ host: '127.0.0.1', port: server.port }, { smtp: PATIENT }));
    const controller = new AbortController();
    const sending = transport.send(internationalized, { signal: controller.signal });
    await connected(server, 1);
    controller.abort();
    const error = await failureOf(sending);
    expect(error.code).toBe('Unavailable');
    expect(error.message).toMatch(/abort/i);
    expect(error.message).toContain('josé@example.com');
    // The probe's connection only: nodemailer never connected, and no command was written.
    expect(server.connections).toBe(1);
    expect(server.received).toBe(0);
  });

  it('ends a mailer send at its retry deadline while the probe waits for a greeting', async () => {
    server = await silentServer();
    const mailer = createMailer(
      {
        host: '127.0.0.1',
        port: server.port,
        fromEmail: 'no-reply@example.com',
        ...PATIENT,
        templates: [{ usageType: 'SignIn', contentType: 'text/plain', subject: 'Your code', content: 'Code: {{code}}' }],
      },
      { retry: { attempts: 1, deadline: 200 } },
    );
    try {
      const error = await failureOf(mailer.send({ to: 'josé@example.com', type: 'SignIn', payload: { code: '123456' } }));
      expect(error.code).toBe('Unavailable');
      expect(server.connections).toBe(1);
      expect(server.received).toBe(0);
    } finally {
      await server.close();
      await mailer.close();
    }
  });

  it('rejects at once, connecting nowhere, when the signal has already aborted', async () => {
    server = await silentServer();
    transport = createSmtpTransport(resolvedConfig({ host: '127.0.0.1', port: server.port }, { smtp: PATIENT }));
    const error = await failureOf(transport.send(internationalized, { signal: AbortSignal.abort() }));
    expect(error.code).toBe('Unavailable');
    expect(server.connections).toBe(0);
  });
});
