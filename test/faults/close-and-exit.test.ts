import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type SendResult } from '../../src/index.js';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../../src/testing/index.js';
import { failureOf } from '../helpers/failure-of.js';
import { freePort } from '../helpers/free-port.js';
import { logtoTemplates } from '../helpers/logto-config.js';
import { expectNoUnhandledRejections, outcomeOf } from './send-outcome.js';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

const cleanups: Array<() => Promise<void>> = [];
expectNoUnhandledRejections();
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function sinkWith(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const sink = await startSmtpSink(options);
  cleanups.push(() => sink.close());
  return sink;
}

const configFor = (port: number) => ({ host: '127.0.0.1', port, fromEmail: 'no-reply@acme.test', templates: logtoTemplates() });
const requestFor = (index: number) => ({ to: `user${index}@example.com`, type: 'SignIn', payload: { code: String(index) } });

/** Counts each kind of active handle and request (sockets, timers, ...). */
function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** How many listeners the process has for each event. */
function processListenerCounts(): Record<string, number> {
  return Object.fromEntries(process.eventNames().map((name) => [String(name), process.listenerCount(name)]));
}

describe('close', () => {
  it('waits for every send in flight, retries included, then refuses new sends', async () => {
    let rcpts = 0;
    // Every third RCPT is refused once, so some sends are in their backoff when close is called.
    const sink = await sinkWith({ onRcptTo: () => (++rcpts % 3 === 0 ? { code: 451 } : undefined) });
    const mailer = createMailer(configFor(sink.port), { retry: { attempts: 5, baseDelay: 20, maxDelay: 40 } });
    const sends = Array.from({ length: 12 }, (_, index) => outcomeOf(mailer.send(requestFor(index))));
    await mailer.close();
    const settled = await Promise.all(sends);
    expect(settled.map((outcome) => outcome.error?.message)).toEqual(Array(12).fill(undefined));
    expect(settled.some((outcome) => (outcome.result as SendResult).attempts > 1)).toBe(true);
    expect(sink.messages.map((message) => message.envelope.to[0]).sort()).toEqual(
      Array.from({ length: 12 }, (_, index) => `user${index}@example.com`).sort(),
    );
    expect((await failureOf(mailer.send(requestFor(99)))).code).toBe('Closed');
  });

  it('leaves no socket behind, and no timer or listener beyond a moment', async () => {
    const sink = await sinkWith();
    const unused = await freePort();
    const before = activeResources();
    const processListeners = processListenerCounts();
    const mailer = createMailer(configFor(sink.port), { retry: { baseDelay: 1, maxDelay: 2 } });
    await Promise.all([0, 1, 2, 3].map((index) => mailer.send(requestFor(index))));
    const failing = createMailer(configFor(unused), { retry: { baseDelay: 1, maxDelay: 2 } });
    await failureOf(failing.send(requestFor(9)));
    await mailer.close();
    await failing.close();
    expect(processListenerCounts()).toEqual(processListeners);
    // close() resolves once every socket is gone.
    expect(activeResources().get('TCPSocketWrap') ?? 0).toBe(before.get('TCPSocketWrap') ?? 0);
    // nodemailer's pool schedules a 100 ms no-op check after a connection closes; it is not ours to cancel.
    // (vi.waitFor would count its own timer, so this polls by hand.)
    let grown: Array<[string, number]> = [];
    for (let poll = 0; poll < 50; poll += 1) {
      grown = [...activeResources()].filter(([kind, count]) => count > (before.get(kind) ?? 0));
      if (grown.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(grown).toEqual([]);
  });
});

describe('a process that closes its mailer', () => {
  beforeAll(async () => {
    // `npm test` builds first; a bare `vitest run` builds here.
    if (!existsSync(entry)) await exec('npx', ['tsup'], { cwd: root, timeout: 120_000 });
  }, 120_000);

  /** Runs a module that imports the built package as `lib`, with PORT set; resolves its exit code and output. */
  async function runScript(body: string, port: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const source = `import * as lib from ${JSON.stringify(pathToFileURL(entry).href)};\nconst port = Number(process.env.PORT);\n${body}`;
    try {
      const { stdout, stderr } = await exec(process.execPath, ['--input-type=module', '--eval', source], {
        env: { ...process.env, PORT: String(port) },
        timeout: 8_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number | null; stdout: string; stderr: string; killed?: boolean };
      return { code: failed.killed ? null : failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  const mailerSource = `const mailer = lib.createMailer({ host: '127.0.0.1', port, fromEmail: 'no-reply@acme.test' }, { retry: { baseDelay: 1, maxDelay: 2 } });`;

  it('exits on its own with code 0 after sends, delivered before close resolved', async () => {
    const sink = await sinkWith();
    const result = await runScript(
      `${mailerSource}
const sends = [0, 1, 2].map((i) => mailer.send({ to: 'user' + i + '@example.com', type: 'SignIn', payload: { code: String(i) } }));
await mailer.close();
const results = await Promise.all(sends);
console.log(JSON.stringify(results.map((r) => r.attempts)));`,
      sink.port,
    );
    expect(result).toEqual({ code: 0, stdout: '[1,1,1]\n', stderr: '' });
    expect(sink.messages).toHaveLength(3);
  }, 20_000);

  it('exits on its own with code 0 after a send that failed', async () => {
    const result = await runScript(
      `${mailerSource}
const error = await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } }).catch((e) => e);
await mailer.close();
console.log(error.code, error.attempts);`,
      await freePort(),
    );
    expect(result).toEqual({ code: 0, stdout: 'Unavailable 3\n', stderr: '' });
  }, 20_000);

  // A transport whose send never settles and holds no socket or timer: nothing else keeps the process alive.
  const stalledSource = `const mailer = lib.createMailer({ host: '127.0.0.1', port, fromEmail: 'no-reply@acme.test' }, {
  transport: { send: () => new Promise(() => {}) },
  retry: { deadline: 200 },
});`;

  it('stays alive until a send whose transport never settles rejects at its deadline', async () => {
    const result = await runScript(
      `${stalledSource}
mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } }).then(
  () => console.log('sent'),
  (error) => console.log(error.code, error.retryable, error.attempts),
);`,
      await freePort(),
    );
    expect(result).toEqual({ code: 0, stdout: 'Unavailable true 1\n', stderr: '' });
  }, 20_000);

  it('is not kept alive by a mailer whose sends have all settled, long before their deadline', async () => {
    const result = await runScript(
      `const mailer = lib.createMailer({ host: '127.0.0.1', port, fromEmail: 'no-reply@acme.test' }, {
  transport: { send: async () => ({ messageId: '<1@acme.test>' }) },
  retry: { deadline: 3_600_000 },
});
const sent = await mailer.send({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } });
console.log(sent.messageId);`,
      await freePort(),
    );
    // runScript kills the process after 8 s (code null): an hour-long deadline must not hold it.
    expect(result).toEqual({ code: 0, stdout: '<1@acme.test>\n', stderr: '' });
  }, 20_000);
});
