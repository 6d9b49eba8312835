import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMailer, type Mailer, type MailerOptions } from '../../src/index.js';
import type { MailMessage, Transport, TransportResult } from '../../src/types/transport.js';
import { failureOf } from '../helpers/failure-of.js';
import { logtoTemplates } from '../helpers/logto-config.js';

const CONFIG = { host: 'smtp.example.com', port: 587, fromEmail: 'no-reply@acme.test', templates: logtoTemplates() };
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/**
 * A transport that holds every message until the test releases it, and counts how many it holds
 * at once. A held message rejects when its signal aborts, as a real transport does.
 */
function heldTransport(): Transport & {
  held: Array<{ message: MailMessage; release: () => void }>;
  mostAtOnce: number;
  sent: number;
  closedWith: number | undefined;
} {
  const transport = {
    held: [] as Array<{ message: MailMessage; release: () => void }>,
    mostAtOnce: 0,
    closedWith: undefined as number | undefined,
    sent: 0,
    send(message: MailMessage, { signal }: { signal: AbortSignal }): Promise<TransportResult> {
      return new Promise((resolve, reject) => {
        const entry = {
          message,
          release: () => {
            transport.held.splice(transport.held.indexOf(entry), 1);
            transport.sent += 1;
            resolve({ messageId: `<${message.to}>`, accepted: [message.to] });
          },
        };
        transport.held.push(entry);
        transport.mostAtOnce = Math.max(transport.mostAtOnce, transport.held.length);
        signal.addEventListener('abort', () => {
          transport.held.splice(transport.held.indexOf(entry), 1);
          reject(signal.reason);
        });
      });
    },
    async close(): Promise<void> {
      transport.closedWith = transport.sent;
    },
  };
  return transport;
}

function mailerWith(transport: Transport, options: MailerOptions = {}): Mailer {
  const mailer = createMailer(CONFIG, { transport, retry: { attempts: 1 }, ...options });
  cleanups.push(async () => {
    for (const entry of [...((transport as ReturnType<typeof heldTransport>).held ?? [])]) entry.release();
    await mailer.close();
  });
  return mailer;
}

const sendTo = (mailer: Mailer, index: number, options = {}) =>
  mailer.send({ to: `user${index}@example.com`, type: 'SignIn', payload: { code: String(index) } }, options);

describe('the in-flight window', () => {
  it('hands the transport at most maxInFlight sends at once, first in first out, and runs the rest as slots free', async () => {
    const transport = heldTransport();
    const mailer = mailerWith(transport, { maxInFlight: 3 });
    const sends = Array.from({ length: 10 }, (_, index) => sendTo(mailer, index));
    await vi.waitFor(() => expect(transport.held).toHaveLength(3));
    expect(transport.held.map((entry) => entry.message.to)).toEqual(['user0@example.com', 'user1@example.com', 'user2@example.com']);
    transport.held[1]!.release();
    await vi.waitFor(() => expect(transport.held.map((entry) => entry.message.to)).toContain('user3@example.com'));
    expect(transport.held).toHaveLength(3);
    while (transport.held.length > 0) {
      transport.held[0]!.release();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const results = await Promise.all(sends);
    expect(results.map((result) => result.accepted[0])).toEqual(Array.from({ length: 10 }, (_, index) => `user${index}@example.com`));
    expect(transport.mostAtOnce).toBe(3);
  });

  it('defaults to 64 for a transport of your own', async () => {
    const transport = heldTransport();
    const mailer = mailerWith(transport);
    const sends = Array.from({ length: 100 }, (_, index) => sendTo(mailer, index));
    await vi.waitFor(() => expect(transport.held).toHaveLength(64));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(transport.held).toHaveLength(64);
    for (const entry of [...transport.held]) entry.release();
    await vi.waitFor(() => expect(transport.held).toHaveLength(36));
    for (const entry of [...transport.held]) entry.release();
    expect(await Promise.all(sends)).toHaveLength(100);
  });

  it("follows the transport's own maxInFlight, and your option over it", async () => {
    const declared = Object.assign(heldTransport(), { maxInFlight: 2 });
    const mailer = mailerWith(declared);
    const sends = Array.from({ length: 5 }, (_, index) => sendTo(mailer, index));
    await vi.waitFor(() => expect(declared.held).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(declared.held).toHaveLength(2);
    while (declared.held.length > 0) {
      declared.held[0]!.release();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(sends)).toHaveLength(5);
    expect(declared.mostAtOnce).toBe(2);

    const overridden = Object.assign(heldTransport(), { maxInFlight: 2 });
    const wider = mailerWith(overridden, { maxInFlight: 4 });
    const more = Array.from({ length: 5 }, (_, index) => sendTo(wider, index));
    await vi.waitFor(() => expect(overridden.held).toHaveLength(4));
    for (const entry of [...overridden.held]) entry.release();
    await vi.waitFor(() => expect(overridden.held).toHaveLength(1));
    overridden.held[0]!.release();
    expect(await Promise.all(more)).toHaveLength(5);
  });

  it('refuses a maxInFlight that is not a whole number of at least 1, naming it', () => {
    for (const maxInFlight of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      let thrown: unknown;
      try {
        createMailer(CONFIG, { maxInFlight });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ code: 'InvalidConfig', issues: [{ path: 'maxInFlight' }] });
    }
  });
});

describe('a queued send', () => {
  it('is not rendered until it gets a slot: its payload is read only then', async () => {
    const transport = heldTransport();
    const mailer = mailerWith(transport, { maxInFlight: 1 });
    const first = sendTo(mailer, 0);
    let reads = 0;
    const payload = {
      get code(): string {
        reads += 1;
        return '424242';
      },
    };
    const second = mailer.send({ to: 'ada@example.com', type: 'SignIn', payload });
    await vi.waitFor(() => expect(transport.held).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).toBe(0);
    transport.held[0]!.release();
    await vi.waitFor(() => expect(transport.held[0]?.message.to).toBe('ada@example.com'));
    expect(reads).toBeGreaterThan(0);
    expect(transport.held[0]!.message.text).toContain('424242');
    transport.held[0]!.release();
    await Promise.all([first, second]);
  });

  it('still fails at once for a bad recipient or request, without waiting for a slot', async () => {
    const transport = heldTransport();
    const mailer = mailerWith(transport, { maxInFlight: 1 });
    const first = sendTo(mailer, 0);
    await vi.waitFor(() => expect(transport.held).toHaveLength(1));
    expect((await failureOf(mailer.send({ to: 'a@example.com, b@example.com', type: 'SignIn', payload: { code: '1' } }))).code).toBe(
      'InvalidRecipient',
    );
    expect((await failureOf(mailer.send({ to: 'a@example.com', type: '' }))).code).toBe('TemplateNotFound');
    expect(transport.held).toHaveLength(1);
    transport.held[0]!.release();
    await first;
  });

  it('rejects Unavailable with attempts 0, untried, when its deadline passes while it waits', async () => {
    const transport = heldTransport();
    const mailer = mailerWith(transport, { maxInFlight: 1, retry: { attempts: 1, deadline: 100 } });
    // Both sends get the same deadline: on a loaded machine the clock could otherwise tick between
    // them, and the first's earlier deadline would free the slot before the second's passed.
    const now = performance.now();
    const clock = vi.spyOn(performance, 'now').mockReturnValue(now);
    const first = failureOf(sendTo(mailer, 0));
    const queued = failureOf(sendTo(mailer, 1));
    clock.mockRestore();
    const waited = await queued;
    expect(waited).toMatchObject({ code: 'Unavailable', retryable: true, attempts: 0 });
    expect(waited.message).toMatch(/gave up after 100 ms before its first attempt/);
    // The send in flight was aborted by the same deadline, during its attempt.
    expect(await first).toMatchObject({ code: 'Unavailable', attempts: 1 });
    expect((await first).message).toMatch(/gave up after 100 ms/);
    expect(transport.sent).toBe(0);
    expect(transport.mostAtOnce).toBe(1);
  });

  it('leaves the queue at once when its signal aborts, and the one behind it moves up', async () => {
    const transport = heldTransport();
    const mailer = mailerWith(transport, { maxInFlight: 1 });
    const first = sendTo(mailer, 0);
    const controller = new AbortController();
    const aborted = failureOf(sendTo(mailer, 1, { signal: controller.signal }));
    const third = sendTo(mailer, 2);
    await vi.waitFor(() => expect(transport.held).toHaveLength(1));
    controller.abort();
    expect(await aborted).toMatchObject({ code: 'Unavailable', attempts: 0 });
    expect((await aborted).message).toMatch(/aborted/);
    transport.held[0]!.release();
    await vi.waitFor(() => expect(transport.held[0]?.message.to).toBe('user2@example.com'));
    transport.held[0]!.release();
    await Promise.all([first, third]);
    expect(transport.sent).toBe(2);
  });

  it('is aborted during its attempt by its signal once it runs', async () => {
    const transport = heldTransport();
    const mailer = mailerWith(transport, { maxInFlight: 1 });
    const controller = new AbortController();
    const sending = failureOf(sendTo(mailer, 0, { signal: controller.signal }));
    await vi.waitFor(() => expect(transport.held).toHaveLength(1));
    controller.abort();
    expect(await sending).toMatchObject({ code: 'Unavailable', attempts: 1 });
    expect(transport.held).toHaveLength(0);
  });
});

describe('close', () => {
  it('stops taking sends, lets every queued send run, then closes the transport', async () => {
    const transport = heldTransport();
    const mailer = mailerWith(transport, { maxInFlight: 2 });
    const sends = Array.from({ length: 6 }, (_, index) => sendTo(mailer, index));
    const closing = mailer.close();
    expect((await failureOf(sendTo(mailer, 99))).code).toBe('Closed');
    while (transport.sent < 6) {
      await vi.waitFor(() => expect(transport.held.length).toBeGreaterThan(0));
      transport.held[0]!.release();
    }
    const results = await Promise.all(sends);
    await closing;
    expect(results.map((result) => result.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(transport.closedWith).toBe(6);
  });
});
