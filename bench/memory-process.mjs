// Memory figures, in a process of their own started with --expose-gc (by bench/memory.mjs):
// heap held per queued send, and RSS after 5,000 and 50,000 sends.
import process from 'node:process';
import { setImmediate } from 'node:timers/promises';
import { payloadFor } from './fixture.mjs';
import { createAuthMailerSubject, createNodemailerPoolSubject, runSends } from './subjects.mjs';

const port = Number(process.argv[2]);
const QUEUED = 10_000;

function settledHeap() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/** Fires QUEUED sends at once, holding only their promises; measures the heap once every send has been handed to the transport. */
async function heapPerQueuedSend(subject) {
  await runSends(subject, 10, 5);
  const before = settledHeap();
  let done = 0;
  const sends = Array.from({ length: QUEUED }, (_, i) => subject.fire(i).then(() => (done += 1)));
  // Let every send get through its own async steps (template lookup, render) into the pool's queue.
  for (let turn = 0; turn < 3; turn += 1) await setImmediate();
  const during = settledHeap();
  const stillQueued = QUEUED - done;
  subject.measured?.();
  await Promise.all(sends);
  return { bytesPerSend: (during - before) / QUEUED, stillQueued };
}

/**
 * The caller's own share: what heapPerQueuedSend itself holds per send (a promise handler, its
 * promise and closure, an array slot) when the library holds nothing: every send gets one shared
 * pending promise, answered once measured, and its payload is dropped at once.
 */
function createCallerOnlySubject() {
  let answer;
  const unanswered = new Promise((resolve) => (answer = resolve));
  return {
    send: async (i) => void payloadFor(i),
    fire: (i) => (payloadFor(i), unanswered),
    measured: () => answer(),
  };
}

const a = createAuthMailerSubject(port);
const b = await createNodemailerPoolSubject(port);
const queued = {
  caller: await heapPerQueuedSend(createCallerOnlySubject()),
  a: await heapPerQueuedSend(a),
  b: await heapPerQueuedSend(b),
};
await b.close();

const rssAfter = {};
globalThis.gc();
await runSends(a, 5_000, 50, 0);
globalThis.gc();
rssAfter[5_000] = process.memoryUsage().rss;
await runSends(a, 45_000, 50, 5_000);
globalThis.gc();
rssAfter[50_000] = process.memoryUsage().rss;
await a.close();
process.send({ queued, rssAfter });
