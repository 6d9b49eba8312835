import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMailer, type Mailer, type MailerConfig, type RetryOptions } from '../../src/index.js';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../../src/testing/index.js';
import { failureOf } from '../helpers/failure-of.js';
import { logtoTemplates } from '../helpers/logto-config.js';
import { startCuttingProxy, type CuttingProxy } from './fault-servers.js';
import { expectNoUnhandledRejections } from './send-outcome.js';

const cleanups: Array<() => Promise<void>> = [];
expectNoUnhandledRejections();
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function sinkWith(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const sink = await startSmtpSink(options);
  cleanups.push(() => sink.close());
  return sink;
}

function mailerFor(port: number, retry: RetryOptions, extra: Partial<MailerConfig> = {}): Mailer {
  const mailer = createMailer(
    { host: '127.0.0.1', port, fromEmail: 'no-reply@acme.test', templates: logtoTemplates(), ...extra },
    { retry },
  );
  cleanups.push(() => mailer.close());
  return mailer;
}

const request = { to: 'ada@example.com', type: 'SignIn', payload: { code: '123456' } } as const;

/** A promise the test settles by hand, to hold a server's reply. */
function gate(): { held: Promise<undefined>; release: () => void } {
  let release = (): void => undefined;
  const held = new Promise<undefined>((resolve) => (release = () => resolve(undefined)));
  return { held, release };
}

describe('attempts tell the truth', () => {
  it('counts every attempt of a send that succeeds on its third', async () => {
    let rcpts = 0;
    const sink = await sinkWith({ onRcptTo: () => (++rcpts <= 2 ? { code: 451 } : undefined) });
    const result = await mailerFor(sink.port, { attempts: 3, baseDelay: 1, maxDelay: 2 }).send(request);
    expect(result.attempts).toBe(3);
    expect(rcpts).toBe(3);
    expect(sink.messages).toHaveLength(1);
  });

  it('counts every attempt of a send that runs out of them', async () => {
    let rcpts = 0;
    const refusing = await sinkWith({ onRcptTo: () => ((rcpts += 1), { code: 452 }) });
    const error = await failureOf(mailerFor(refusing.port, { attempts: 4, baseDelay: 1, maxDelay: 2 }).send(request));
    expect(error).toMatchObject({ code: 'Unavailable', retryable: true, responseCode: 452, attempts: 4 });
    expect(rcpts).toBe(4);
    expect(refusing.messages).toHaveLength(0);
  });
});

describe('abort', () => {
  it('rejects at once when aborted during the backoff, and sends nothing more', async () => {
    let rcpts = 0;
    const sink = await sinkWith({ onRcptTo: () => ((rcpts += 1), { code: 451 }) });
    // Every backoff is drawn as 3/4 of its ceiling: 45 s, far beyond the test's timeout, and a delay
    // no timer of nodemailer's uses (its greeting timeout is 30 s).
    vi.spyOn(Math, 'random').mockReturnValue(0.75);
    const mailer = mailerFor(sink.port, { attempts: 3, baseDelay: 60_000, maxDelay: 60_000, deadline: 120_000 });
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const controller = new AbortController();
    const sending = mailer.send(request, { signal: controller.signal });
    // In the backoff: the client got the 451 and armed the 45 s wait (the server counting the RCPT
    // is not enough: the abort could land before its reply arrives).
    await vi.waitFor(() => expect(timers.mock.calls.some(([, delay]) => delay === 45_000)).toBe(true));
    controller.abort();
    const error = await failureOf(sending);
    expect(error).toMatchObject({ code: 'Unavailable', responseCode: 451, attempts: 1 });
    await mailer.close();
    expect(rcpts).toBe(1);
    expect(sink.messages).toHaveLength(0);
  }, 10_000);

  it('rejects at once when aborted during an attempt, and sends nothing more', async () => {
    const { held, release } = gate();
    let rcpts = 0;
    const sink = await sinkWith({ onRcptTo: () => ((rcpts += 1), held) });
    cleanups.push(async () => release());
    const mailer = mailerFor(sink.port, { attempts: 3, baseDelay: 1, maxDelay: 2 });
    const controller = new AbortController();
    const sending = mailer.send(request, { signal: controller.signal });
    await vi.waitFor(() => expect(rcpts).toBe(1));
    controller.abort();
    const error = await failureOf(sending);
    expect(error).toMatchObject({ code: 'Unavailable', attempts: 1 });
    expect(error.message).toMatch(/aborted/);
    release();
    await mailer.close();
    await vi.waitFor(() => expect(sink.openConnectionCount).toBe(0));
    expect(rcpts).toBe(1);
    expect(sink.messages).toHaveLength(0);
  }, 10_000);

  it('sends nothing for a signal aborted before the send', async () => {
    const sink = await sinkWith();
    const error = await failureOf(mailerFor(sink.port, {}).send(request, { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ code: 'Unavailable', attempts: 0 });
    expect(sink.connectionCount).toBe(0);
  });
});

describe('the overall deadline', () => {
  it('ends a send whose server keeps answering 4xx, however many attempts remain', async () => {
    let rcpts = 0;
    const sink = await sinkWith({ onRcptTo: () => ((rcpts += 1), { code: 451 }) });
    const error = await failureOf(mailerFor(sink.port, { attempts: 1000, deadline: 300, baseDelay: 20, maxDelay: 40 }).send(request));
    expect(error).toMatchObject({ code: 'Unavailable', retryable: true });
    // The deadline may cut the last attempt before its RCPT reached the server.
    expect([rcpts, rcpts + 1]).toContain(error.attempts);
    expect(rcpts).toBeLessThan(1000);
    expect(sink.messages).toHaveLength(0);
  }, 10_000);

  it('ends an attempt the server holds forever', async () => {
    const { held, release } = gate();
    const sink = await sinkWith({ onRcptTo: () => held });
    cleanups.push(async () => release());
    const error = await failureOf(mailerFor(sink.port, { deadline: 300 }).send(request));
    expect(error).toMatchObject({ code: 'Unavailable', retryable: true, attempts: 1 });
    expect(error.message).toMatch(/gave up after 300 ms/);
    expect(sink.messages).toHaveLength(0);
  }, 10_000);
});

describe('a pooled connection the server dropped', () => {
  async function pooledThroughProxy(): Promise<{ sink: SmtpSink; proxy: CuttingProxy; mailer: Mailer; log: string[] }> {
    const sink = await sinkWith();
    const proxy = await startCuttingProxy(sink.port, []);
    cleanups.push(() => proxy.close());
    const log: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void log.push(args.join(' ')));
    const mailer = mailerFor(proxy.port, { attempts: 3, baseDelay: 1, maxDelay: 2 }, { logger: true });
    await expect(mailer.send(request)).resolves.toMatchObject({ attempts: 1 });
    return { sink, proxy, mailer, log };
  }

  it('is noticed while idle and replaced: the next send takes one attempt on a fresh connection', async () => {
    const { sink, proxy, mailer, log } = await pooledThroughProxy();
    proxy.dropAll();
    await vi.waitFor(() => expect(log.join('\n')).toMatch(/Connection #1 was closed/));
    await expect(mailer.send(request)).resolves.toMatchObject({ attempts: 1 });
    expect(proxy.connectionCount).toBe(2);
    expect(sink.messages).toHaveLength(2);
  });

  it('is never used twice when a send races the drop: delivered once, in at most two attempts', async () => {
    const { sink, proxy, mailer } = await pooledThroughProxy();
    proxy.dropAll();
    const result = await mailer.send(request);
    expect(result.attempts).toBeLessThanOrEqual(2);
    expect(proxy.connectionCount).toBe(2);
    expect(sink.messages).toHaveLength(2);
  });
});
