import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSmtpDelivery } from '../../../src/transports/smtp/smtp-delivery.js';
import type * as SmtpDeliveryModule from '../../../src/transports/smtp/smtp-delivery.js';
import { createSmtpTransport } from '../../../src/transports/smtp/smtp-transport.js';
import { startSmtpSink, type SmtpSink } from '../../../src/testing/smtp-sink.js';
import type { MailMessage } from '../../../src/types/transport.js';
import { failureOf } from '../../helpers/failure-of.js';
import { resolvedConfig } from './resolved-config.js';
import { mailMessage } from '../../helpers/mail-message.js';

// The real implementation, counted: how often the transport loaded and created it.
vi.mock('../../../src/transports/smtp/smtp-delivery.js', async (importOriginal) => {
  const original = await importOriginal<typeof SmtpDeliveryModule>();
  return { createSmtpDelivery: vi.fn(original.createSmtpDelivery) };
});
const created = vi.mocked(createSmtpDelivery);

const message = (to: string): MailMessage => mailMessage({ to });
const signal = (): AbortSignal => new AbortController().signal;

let sink: SmtpSink | undefined;

afterEach(async () => {
  await sink?.close();
  sink = undefined;
  created.mockClear();
});

describe('the SMTP transport before and at first use', () => {
  it('closes before first use without loading its implementation, then refuses sends as Closed', async () => {
    const transport = createSmtpTransport(resolvedConfig({ host: '127.0.0.1', port: 9 }));
    await transport.close!();
    const error = await failureOf(transport.send(message('ada@example.com'), { signal: signal() }));
    expect(error.code).toBe('Closed');
    expect(created).not.toHaveBeenCalled();
  });

  it('shares one load and one nodemailer transport between concurrent first sends', async () => {
    sink = await startSmtpSink();
    const transport = createSmtpTransport(resolvedConfig(sink.config));
    const recipients = ['a@example.com', 'b@example.com', 'c@example.com'];
    const results = await Promise.all(recipients.map((to) => transport.send(message(to), { signal: signal() })));
    expect(results.map((result) => result.accepted)).toEqual([['a@example.com'], ['b@example.com'], ['c@example.com']]);
    expect(created).toHaveBeenCalledTimes(1);
    await transport.close!();
  });

  it('waits for a send still loading its implementation before closing, and delivers it', async () => {
    sink = await startSmtpSink();
    const transport = createSmtpTransport(resolvedConfig(sink.config));
    const sending = transport.send(message('ada@example.com'), { signal: signal() });
    await transport.close!();
    await expect(sending).resolves.toMatchObject({ accepted: ['ada@example.com'] });
    expect(await sink.waitForMessages(1)).toHaveLength(1);
  });

  it('loads on verify as on send, once', async () => {
    sink = await startSmtpSink();
    const transport = createSmtpTransport(resolvedConfig(sink.config));
    await Promise.all([transport.verify!(), transport.send(message('ada@example.com'), { signal: signal() })]);
    expect(created).toHaveBeenCalledTimes(1);
    await transport.close!();
  });
});
