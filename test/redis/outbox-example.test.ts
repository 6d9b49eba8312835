// examples/redis-outbox, run as its README says: a worker process and two web processes on one
// Redis, against an SMTP sink. Runs the built package (`npm run build` first).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../src/testing/index.js';
import { startRedis, type RedisInstance } from '../helpers/redis-server.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/redis-outbox/', import.meta.url));

let redis: RedisInstance;
let sink: SmtpSink;
const children: ChildProcess[] = [];

beforeEach(async () => {
  redis = await startRedis();
  sink = await startSmtpSink();
});
afterEach(async () => {
  await Promise.all(
    children.splice(0).map((child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    }),
  );
  await sink.close();
  await redis.stop();
});

/** Starts one of the example's scripts and resolves with the first stdout line matching `ready`. */
function run(script: string, env: Record<string, string>, ready: RegExp): Promise<RegExpMatchArray> {
  const child = spawn(process.execPath, [script], {
    cwd: EXAMPLE,
    env: { ...process.env, REDIS_URL: redis.url, SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolve(match);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${output}`)));
  });
}

describe('examples/redis-outbox', () => {
  it('sends one email for a request retried on another web process, and answers 429 past the limit', { timeout: 60_000 }, async () => {
    await run('worker.mjs', {}, /worker ready/);
    const [first, second] = await Promise.all([
      run('web.mjs', { PORT: '0' }, /listening on (\S+)/),
      run('web.mjs', { PORT: '0' }, /listening on (\S+)/),
    ]);
    const post = (base: string, email: string, key: string) =>
      fetch(`${base}/sign-in/code?email=${encodeURIComponent(email)}`, { method: 'POST', headers: { 'idempotency-key': key } });

    const answers = await Promise.all([post(first?.[1] as string, 'ada@example.com', 'r1'), post(second?.[1] as string, 'ada@example.com', 'r1')]);
    const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as Array<{ id: string; duplicate: boolean }>;
    expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
    expect(bodies[0]?.id).toBe(bodies[1]?.id);
    const [received] = await sink.waitForMessages(1);
    expect(received?.messageId).toBe(`<${bodies[0]?.id}@acme.test>`);

    const statuses = [];
    for (const [index, email] of ['Ada@example.com', 'ada+1@example.com', 'ADA+2@example.com', 'ada@EXAMPLE.com', 'ada+3@example.com'].entries()) {
      statuses.push((await post((index % 2 === 0 ? first : second)?.[1] as string, email, `r${index + 2}`)).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 429]);
    await sink.waitForMessages(5);
    expect(sink.messages).toHaveLength(5);
  });
});
