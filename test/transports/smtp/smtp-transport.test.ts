import { hostname } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResolvedMailerConfig } from '../../../src/config/mailer-config.js';
import type { MailerError } from '../../../src/errors/mailer-error.js';
import { createSmtpTransport } from '../../../src/transports/smtp/smtp-transport.js';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../../../src/testing/smtp-sink.js';
import type { Transport } from '../../../src/types/transport.js';
import { failureOf } from '../../helpers/failure-of.js';
import { freePort } from '../../helpers/free-port.js';
import { resolvedConfig } from './resolved-config.js';
import { mailMessage } from '../../helpers/mail-message.js';

const PASSWORD = 'correct horse battery staple';
const message = mailMessage();

let sink: SmtpSink | undefined;
let transport: Transport | undefined;

afterEach(async () => {
  await transport?.close?.();
  await sink?.close();
  transport = undefined;
  sink = undefined;
});

async function setUp(sinkOptions: SmtpSinkOptions = {}, overrides: Parameters<typeof resolvedConfig>[1] = {}) {
  sink = await startSmtpSink(sinkOptions);
  transport = createSmtpTransport(resolvedConfig(sink.config, overrides));
  return { sink, transport };
}

function send(target: Transport, signal = new AbortController().signal) {
  return target.send(message, { signal });
}

/** Sends one message through a fresh sink and transport, then closes both. */
async function sendOnce(...options: Parameters<typeof setUp>): Promise<void> {
  const { transport: sending, sink: server } = await setUp(...options);
  await send(sending);
  await sending.close!();
  await server.close();
}

/** Runs `work` and returns everything it wrote with `console.log`, one call a line. */
async function consoleLogOf(work: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    await work();
  } finally {
    log.mockRestore();
  }
  return lines.join('\n');
}

/** Every rendering of an error a user might log. */
function everythingSaid(error: MailerError): string {
  const cause = error.cause as Error & Record<string, unknown>;
  return [error.message, error.hint, JSON.stringify(error), String(error.stack), cause.message, JSON.stringify(cause)].join('\n');
}

function secretForms(user: string, pass: string): string[] {
  const base64 = (value: string) => Buffer.from(value).toString('base64');
  return [pass, base64(pass), base64(`\u0000${user}\u0000${pass}`)];
}

describe('createSmtpTransport', () => {
  it('reuses one pooled connection across sends', async () => {
    const { sink, transport } = await setUp();
    for (let count = 0; count < 4; count += 1) await send(transport);
    expect(sink.messages).toHaveLength(4);
    expect(sink.connectionCount).toBe(1);
  });

  it("introduces itself in EHLO as documented for `name`: the host name if it has a dot, else [127.0.0.1]", async () => {
    const { sink, transport } = await setUp();
    await send(transport);
    const host = hostname();
    const expected = !host.includes('.') ? '[127.0.0.1]' : /^\d{1,3}(\.\d{1,3}){3}$/.test(host) ? `[${host}]` : host;
    expect(sink.messages[0]?.session.clientName).toBe(expected);
  });

  it('introduces itself in EHLO with `name` when it is set', async () => {
    const { sink, transport } = await setUp({}, { smtp: { name: 'mailer.acme.test' } });
    await send(transport);
    expect(sink.messages[0]?.session.clientName).toBe('mailer.acme.test');
  });

  it('reports the accepted recipients, the Message-ID and the final reply', async () => {
    const { sink, transport } = await setUp();
    const result = await send(transport);
    const [received] = await sink.waitForMessages(1);
    expect(result).toMatchObject({ accepted: ['ada@example.com'], rejected: [] });
    expect(result.response).toMatch(/^250 /);
    expect(received?.messageId).toBe(result.messageId);
  });

  it.each(['PLAIN', 'LOGIN'] as const)('logs in with AUTH %s', async (method) => {
    const { sink, transport } = await setUp(
      { authenticate: { user: 'mailer', pass: PASSWORD }, authMethods: [method] },
      { auth: { type: 'login', user: 'mailer', pass: PASSWORD } },
    );
    await send(transport);
    const [received] = await sink.waitForMessages(1);
    expect(received?.session.user).toBe('mailer');
  });

  it.each(['PLAIN', 'LOGIN'] as const)(
    'reports refused AUTH %s credentials as AuthFailed without the password',
    async (method) => {
      const { transport } = await setUp(
        { authenticate: { user: 'mailer', pass: 'the-right-one' }, authMethods: [method] },
        { auth: { type: 'login', user: 'mailer', pass: PASSWORD } },
      );
      const error = await failureOf(send(transport));
      expect(error.code).toBe('AuthFailed');
      expect(error.retryable).toBe(false);
      expect(error.responseCode).toBe(535);
      expect(error.message).toContain('send SignIn to ada@example.com');
      expect(error.hint).toMatch(/app password/);
      const said = everythingSaid(error);
      for (const secret of secretForms('mailer', PASSWORD)) expect(said).not.toContain(secret);
    },
  );

  it('reports refused credentials on verify as AuthFailed', async () => {
    const { transport } = await setUp(
      { authenticate: { user: 'mailer', pass: 'the-right-one' } },
      { auth: { type: 'login', user: 'mailer', pass: PASSWORD } },
    );
    const error = await failureOf(transport.verify!());
    expect(error.code).toBe('AuthFailed');
    expect(everythingSaid(error)).not.toContain(PASSWORD);
  });

  it('reports a 550 at RCPT TO as Rejected with the reply code and text', async () => {
    const { sink, transport } = await setUp({ onRcptTo: () => ({ code: 550, message: 'No such mailbox here' }) });
    const error = await failureOf(send(transport));
    expect(error).toMatchObject({ code: 'Rejected', responseCode: 550, retryable: false });
    expect(error.message).toContain('No such mailbox here');
    expect(error.message).toContain(`127.0.0.1:${sink.port}`);
  });

  it('reports a 451 at DATA as Unavailable', async () => {
    const { transport } = await setUp({ onData: () => ({ code: 451, message: 'Try again later' }) });
    const error = await failureOf(send(transport));
    expect(error).toMatchObject({ code: 'Unavailable', responseCode: 451, retryable: true });
  });

  it('reports a dead port as Unavailable with a hint', async () => {
    const port = await freePort();
    transport = createSmtpTransport(resolvedConfig({ host: '127.0.0.1', port }));
    const error = await failureOf(send(transport));
    expect(error.code).toBe('Unavailable');
    expect(error.hint).toBe(`nothing listens on 127.0.0.1:${port}: check host and port (587 for STARTTLS, 465 for implicit TLS)`);
  });

  it('rejects promptly when the signal aborts while the server holds the message', async () => {
    let release = (): void => {};
    const held = new Promise<undefined>((resolve) => (release = () => resolve(undefined)));
    const { sink, transport } = await setUp({ onData: () => held });
    const controller = new AbortController();
    const sending = send(transport, controller.signal);
    sink.waitForMessages(1).catch(() => undefined);
    await vi.waitFor(() => expect(sink.openConnectionCount).toBe(1));
    controller.abort();
    const error = await failureOf(sending);
    release();
    expect(error.code).toBe('Unavailable');
    expect(error.message).toMatch(/aborted/);
  });

  it('leaves no socket open once closed', async () => {
    const { sink, transport } = await setUp();
    await send(transport);
    await send(transport);
    await transport.close!();
    await sink.close();
    // A closed server's listening handle is released by libuv a moment after its 'close' event, so
    // only connections are counted; the sink's own ones are awaited by sink.close().
    expect(process.getActiveResourcesInfo()).not.toContain('TCPSocketWrap');
  });

  it('waits for sends in flight before closing', async () => {
    const { sink, transport } = await setUp();
    const sending = send(transport);
    await transport.close!();
    await expect(sending).resolves.toMatchObject({ accepted: ['ada@example.com'] });
    expect(sink.messages).toHaveLength(1);
  });

  it('logs through a logger that never prints credentials', async () => {
    const output = await consoleLogOf(async () => {
      for (const method of ['PLAIN', 'LOGIN'] as const) {
        await sendOnce(
          { authenticate: { user: 'mailer', pass: PASSWORD }, authMethods: [method] },
          { auth: { type: 'login', user: 'mailer', pass: PASSWORD }, smtp: { logger: true, debug: true } },
        );
      }
    });
    expect(output).toMatch(/C: AUTH PLAIN/);
    expect(output).toMatch(/C: AUTH LOGIN/);
    expect(output).toMatch(/authenticated/);
    for (const secret of secretForms('mailer', PASSWORD)) expect(output).not.toContain(secret);
  });
});

describe('the redacting logger with an OAuth2 token', () => {
  it('never prints the access token', async () => {
    const token = 'ya29.a0AfH6SMC-secret-token-value';
    const auth: ResolvedMailerConfig['auth'] = { type: 'OAuth2', user: 'mailer@example.com', accessToken: token };
    const output = await consoleLogOf(() =>
      sendOnce(
        { authenticate: { user: 'mailer@example.com', accessToken: token }, authMethods: ['XOAUTH2'] },
        { auth, smtp: { logger: true, debug: true } },
      ),
    );
    expect(output).toMatch(/AUTH XOAUTH2/);
    const xoauth = Buffer.from(`user=mailer@example.com\u0001auth=Bearer ${token}\u0001\u0001`).toString('base64');
    expect(output).not.toContain(token);
    expect(output).not.toContain(xoauth);
  });
});
