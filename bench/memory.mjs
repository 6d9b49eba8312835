// Runs bench/memory-process.mjs in a fresh process with --expose-gc and returns its figures.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * @param {number} port - The sink's plain port.
 * @returns {Promise<{ queued: Record<'a'|'b', { bytesPerSend: number, stillQueued: number }>, rssAfter: Record<number, number> }>}
 */
export function measureMemory(port) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./memory-process.mjs', import.meta.url)), [String(port)], {
      execArgv: ['--expose-gc'],
    });
    let result;
    child.once('message', (message) => (result = message));
    child.once('error', reject);
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`the memory bench exited with ${code}`))));
  });
}
