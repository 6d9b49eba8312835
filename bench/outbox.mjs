// The Redis outbox: enqueue latency and rate, and end to end messages/s with 1 and 3 worker
// processes, next to direct pooled `send()` of the same messages to the same sink.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createRedisOutbox } from 'auth-mailer/redis';
import { payloadFor, TO } from './fixture.mjs';
import { startRedisServer } from './redis-server.mjs';
import { createAuthMailerSubject, runSends } from './subjects.mjs';

const WORKER = fileURLToPath(new URL('./outbox-worker-process.mjs', import.meta.url));
const CONCURRENCY = 50;

function startWorker(redisUrl, port) {
  const child = fork(WORKER, [JSON.stringify({ redisUrl, port, concurrency: CONCURRENCY })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`an outbox worker exited with ${code}`)));
    child.once('message', () => {
      child.removeAllListeners('exit');
      resolve(child);
    });
  });
}

function closeWorker(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.send('close');
  });
}

/**
 * @param {number} port - The sink's plain port.
 * @param {{ count: () => Promise<{ received: number }> }} sink - Counts what the sink received.
 * @param {{ sends: number, appendfsync: 'always' | 'everysec' }} options
 */
export async function measureOutbox(port, sink, { sends, appendfsync }) {
  const redis = await startRedisServer({ appendfsync });
  const request = (i) => ({ to: TO, type: 'SignIn', payload: payloadFor(i) });
  try {
    // Enqueue alone (no worker): one at a time for latency, 50 in flight for the rate.
    const producer = createRedisOutbox({ connection: redis.url, queueName: 'enqueue-only' });
    for (let i = 0; i < 200; i += 1) await producer.enqueue(request(i)); // warm-up
    const latencies = [];
    for (let i = 0; i < sends; i += 1) {
      const start = performance.now();
      await producer.enqueue(request(i));
      latencies.push(performance.now() - start);
    }
    const enqueueMs = await runSends({ send: (i) => producer.enqueue(request(i)) }, sends, CONCURRENCY);
    await producer.close();

    // End to end: from the first enqueue until the sink counted the last message.
    const endToEnd = {};
    for (const workers of [1, 3]) {
      const children = await Promise.all(Array.from({ length: workers }, () => startWorker(redis.url, port)));
      const outbox = createRedisOutbox({ connection: redis.url, queueName: 'bench' });
      await outbox.enqueue(request(0)); // connects
      const before = (await sink.count()).received;
      const start = performance.now();
      await runSends({ send: (i) => outbox.enqueue(request(i)) }, sends, CONCURRENCY);
      while ((await sink.count()).received < before + sends + 1) await sleep(5);
      endToEnd[workers] = (sends / (performance.now() - start)) * 1000;
      await outbox.close();
      await Promise.all(children.map(closeWorker));
    }

    // Direct pooled send() of the same messages, in the same run.
    const direct = createAuthMailerSubject(port);
    await direct.mailer.verify();
    const directMs = await runSends(direct, sends, CONCURRENCY);
    await direct.close();

    return {
      appendfsync,
      sends,
      enqueueLatency: latencies,
      enqueueRate: (sends / enqueueMs) * 1000,
      endToEnd,
      direct: (sends / directMs) * 1000,
    };
  } finally {
    await redis.stop();
  }
}
