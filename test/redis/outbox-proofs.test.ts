// The outbox's guarantees, proved with real processes: three worker processes on one Redis (AOF
// on) and one SMTP sink, workers killed with SIGKILL and Redis restarted mid-run. Runs the built
// package (`npm run build` first). Each proof prints its counts.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedisOutbox } from '../../src/redis/index.js';
import { startSmtpSink, type ReceivedMessage, type SmtpSink } from '../../src/testing/index.js';
import { startRedis, type RedisInstance } from '../helpers/redis-server.js';
import { redisContents } from './redis-contents.js';
import { recordTakeBacks, type TakeBacks } from './take-backs.js';

const SCRIPT = fileURLToPath(new URL('./outbox-process.mjs', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/redis/index.js', import.meta.url));
const CONCURRENCY = 8;
const LOCK_DURATION = 2000;

let redis: RedisInstance;
let sink: SmtpSink;
const children = new Set<ChildProcess>();
let takeBacks: TakeBacks | undefined;

beforeEach(async () => {
  expect(existsSync(BUILT), 'run `npm run build` first').toBe(true);
  redis = await startRedis({ appendonly: true });
  sink = await startSmtpSink();
});
afterEach(async () => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  await takeBacks?.close();
  takeBacks = undefined;
  await sink.close();
  await redis.stop();
});

interface Worker {
  readonly child: ChildProcess;
}

/** Forks a worker process and resolves once it takes jobs. */
function startWorker(): Promise<Worker> {
  const child = fork(SCRIPT, [JSON.stringify({ role: 'worker', redisUrl: redis.url, smtpPort: sink.port, concurrency: CONCURRENCY, lockDuration: LOCK_DURATION })], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const worker: Worker = { child };
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before it was ready`)));
    child.on('message', (message: { kind: string }) => {
      if (message.kind === 'ready') resolve(worker);
    });
  });
}

async function killWorker(worker: Worker): Promise<void> {
  const exited = new Promise((resolve) => worker.child.once('exit', resolve));
  worker.child.kill('SIGKILL');
  await exited;
}

async function closeWorker(worker: Worker): Promise<void> {
  const exited = new Promise((resolve) => worker.child.once('exit', resolve));
  worker.child.send('close');
  await exited;
}

interface Outcome {
  id?: string;
  duplicate?: boolean;
  error?: string;
}

/** Runs an enqueueing process and resolves with the outcome of each request. */
function enqueueFrom(requests: Array<{ to: string; code: string; idempotencyKey?: string }>, rateLimit?: unknown): Promise<Outcome[]> {
  const child = fork(SCRIPT, [JSON.stringify({ role: 'enqueue', redisUrl: redis.url, requests, rateLimit })], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      children.delete(child);
      if (code !== 0) reject(new Error(`the enqueueing process exited with ${code}`));
    });
    child.on('message', (message: { kind: string; outcomes: Outcome[] }) => resolve(message.outcomes));
  });
}

/** Waits until `done()` holds, polling; fails after `timeout` ms with `what` in the message. */
async function until(done: () => boolean, what: string, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const codeOf = (index: number): string => `Q${String(index).padStart(6, '0')}Z`;
const codeIn = (message: ReceivedMessage): string => /Code (\S+)/.exec(message.text ?? '')?.[1] ?? '';

describe('the Redis outbox across processes', () => {
  it('delivers every one of 2,000 sends through worker kills (SIGKILL, twice), a Redis restart and a frozen worker; duplicates only for sends taken back in flight, with their Message-ID', { timeout: 120_000 }, async () => {
    const TOTAL = 2000;
    const producer = createRedisOutbox({ connection: redis.url, enqueueTimeout: 10_000 });
    const ids = new Map<string, string>(); // job id -> code
    for (let batch = 0; batch < TOTAL; batch += 200) {
      const enqueued = await Promise.all(
        Array.from({ length: 200 }, (_, offset) => {
          const code = codeOf(batch + offset);
          return producer.enqueue({ to: `user${batch + offset}@example.com`, type: 'SignIn', payload: { code } }).then(({ id }) => [id, code] as const);
        }),
      );
      for (const [id, code] of enqueued) ids.set(id, code);
    }
    await producer.close();
    expect(ids.size).toBe(TOTAL);

    // A job is sent again only once it was taken back from its worker in flight: the kills and the
    // restart do that, and so does a busy machine that freezes a live worker past its lock.
    takeBacks = await recordTakeBacks(redis.url);
    const workers = await Promise.all([startWorker(), startWorker(), startWorker()]);
    const runs: Worker[] = [...workers];
    const received = () => new Set(sink.messages.map((message) => message.messageId)).size;

    await until(() => received() >= 400, '400 messages');
    await killWorker(workers[0] as Worker);
    workers[0] = await startWorker();
    runs.push(workers[0]);

    await until(() => received() >= 900, '900 messages');
    await redis.restart();

    await until(() => received() >= 1400, '1,400 messages');
    await killWorker(workers[0]);
    workers[0] = await startWorker();
    runs.push(workers[0]);

    // A live worker frozen (SIGSTOP, as a starved CPU does) until another takes its jobs back.
    await until(() => received() >= 1700, '1,700 messages');
    const before = takeBacks.live();
    workers[1]?.child.kill('SIGSTOP');
    await until(() => takeBacks?.live() !== before || received() >= TOTAL, 'the frozen worker\'s jobs taken back');
    workers[1]?.child.kill('SIGCONT');

    await until(() => received() >= TOTAL, 'all 2,000 messages', 90_000);
    await Promise.all(workers.map(closeWorker));

    const copies = new Map<string, ReceivedMessage[]>();
    for (const message of sink.messages) copies.set(message.messageId ?? '', [...(copies.get(message.messageId ?? '') ?? []), message]);
    const takenBack = await takeBacks.count();
    const duplicates = sink.messages.length - copies.size;
    console.log(
      `[crash proof] enqueued ${TOTAL}, received ${sink.messages.length} messages, ${copies.size} distinct Message-IDs, ${duplicates} duplicates; ` +
        `${[...takenBack.values()].reduce((sum, count) => sum + count, 0)} take-backs of ${takenBack.size} jobs in flight, ${runs.length} worker processes run`,
    );
    // Every job arrived, under the Message-ID fixed at its enqueue, with its own code.
    for (const [id, code] of ids) {
      const messages = copies.get(`<${id}@acme.test>`);
      expect(messages?.length, `job ${id}`).toBeGreaterThanOrEqual(1);
      expect(messages?.map(codeIn)).toEqual(messages?.map(() => code));
    }
    expect(copies.size).toBe(TOTAL);
    // Each copy past the first is a run after a take-back of its job in flight, never a second run otherwise.
    for (const [id] of ids) expect(copies.get(`<${id}@acme.test>`)?.length, `copies of job ${id}`).toBeLessThanOrEqual(1 + (takenBack.get(id) ?? 0));
    const contents = (await redisContents(redis.url)).join('\n');
    expect(contents.match(/Q\d{6}Z/g) ?? []).toEqual([]);
  });

  it('sends one email for one idempotency key enqueued ten times from three processes', { timeout: 60_000 }, async () => {
    const request = { to: 'ada@example.com', code: 'IDEM42', idempotencyKey: 'signup-7f3a' };
    const outcomes = (
      await Promise.all([enqueueFrom([request, request, request, request]), enqueueFrom([request, request, request]), enqueueFrom([request, request, request])])
    ).flat();
    const worker = await startWorker();
    await sink.waitForMessages(1);
    // Enqueued again after the send: still the same job.
    const [late] = await enqueueFrom([request]);
    await closeWorker(worker);
    console.log(
      `[idempotency proof] ${outcomes.length} enqueues from 3 processes: ${new Set(outcomes.map((outcome) => outcome.id)).size} job, ` +
        `${outcomes.filter((outcome) => outcome.duplicate === false).length} new, ${sink.messages.length} email`,
    );
    expect(outcomes).toHaveLength(10);
    expect(new Set(outcomes.map((outcome) => outcome.id)).size).toBe(1);
    expect(outcomes.filter((outcome) => outcome.duplicate === false)).toHaveLength(1);
    expect(late).toMatchObject({ id: outcomes[0]?.id, duplicate: true });
    expect(sink.messages).toHaveLength(1);
  });

  it('never accepts more than the limit for one address hit round-robin from three processes with case and +tag variants', { timeout: 60_000 }, async () => {
    const LIMIT = 5;
    const variants = ['ada@example.com', 'ADA@Example.com', 'ada+1@example.com', 'Ada+Promo@EXAMPLE.COM', 'Ada <ada+x@example.com>', 'ada@EXAMPLE.com'];
    const rateLimit = { limit: LIMIT, window: 60_000, foldSubaddresses: true };
    const perProcess = [0, 1, 2].map((process) =>
      Array.from({ length: 20 }, (_, index) => ({ to: variants[(index * 3 + process) % variants.length] as string, code: `RL${process}-${index}` })),
    );
    const outcomes = (await Promise.all(perProcess.map((requests) => enqueueFrom(requests, rateLimit)))).flat();
    const accepted = outcomes.filter((outcome) => outcome.id !== undefined);
    const limited = outcomes.filter((outcome) => outcome.error === 'RateLimited');
    console.log(`[rate-limit proof] ${outcomes.length} enqueues from 3 processes, ${variants.length} variants: ${accepted.length} accepted, ${limited.length} RateLimited (limit ${LIMIT})`);
    expect(accepted).toHaveLength(LIMIT);
    expect(limited).toHaveLength(outcomes.length - LIMIT);
  });
});
