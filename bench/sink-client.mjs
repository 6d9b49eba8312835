// Forks bench/sink-process.mjs and talks to it over IPC.
import process from 'node:process';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Starts the sink in its own process.
 *
 * @param {{ relayDelayMs?: number }} [options]
 * @returns {Promise<{ ports: { plain: number, starttls: number, relay: number }, count: () => Promise<{ received: number, bytes: number }>, close: () => Promise<void> }>}
 */
export async function startSinkProcess({ relayDelayMs = 25 } = {}) {
  const child = fork(fileURLToPath(new URL('./sink-process.mjs', import.meta.url)), [], {
    env: { ...process.env, BENCH_RELAY_DELAY_MS: String(relayDelayMs) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map();
  let nextId = 0;
  const ports = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the sink process exited with ${code}`)));
    child.on('message', (message) => {
      if (message.type === 'ready') resolve(message.ports);
      if (message.type === 'count') {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    });
  });
  child.removeAllListeners('exit');
  return {
    ports,
    count: () =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        child.send({ type: 'count', id });
      }),
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'close' });
      }),
  };
}
