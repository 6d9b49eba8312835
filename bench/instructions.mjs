// Instructions per message, counted by valgrind's callgrind: unlike time, the count does not move
// with what else the machine runs. Opt-in (`npm run bench -- --instructions`): it takes minutes.
import { spawn, spawnSync } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./instructions-process.mjs', import.meta.url));

/** Runs `count` sends of `which` under callgrind; resolves with the instructions the process executed. */
function countInstructions(which, count) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'valgrind',
      ['--tool=callgrind', '--smc-check=all-non-file', '--callgrind-out-file=/dev/null', process.execPath, script, which, String(count)],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      const collected = /Collected : (\d+)/.exec(stderr);
      if (code === 0 && collected) resolve(Number(collected[1]));
      else reject(new Error(`callgrind run of ${which} × ${count} failed (${code}): ${stderr.slice(-500)}`));
    });
  });
}

/**
 * Instructions per message of (a) and (b) in steady state: a run of `long` sends minus a run of
 * `short` sends (start-up, JIT warm-up and the first connections cancel out), divided by
 * `long - short`. (a) and (b) run side by side, one process each.
 *
 * @param {{ short?: number, long?: number }} [options]
 * @returns {Promise<{ a: number, b: number, sends: number } | undefined>} undefined without valgrind
 */
export async function measureInstructions({ short = 1200, long = 2700 } = {}) {
  if (spawnSync('valgrind', ['--version']).status !== 0) return undefined;
  const [aShort, bShort] = await Promise.all([countInstructions('a', short), countInstructions('b', short)]);
  const [aLong, bLong] = await Promise.all([countInstructions('a', long), countInstructions('b', long)]);
  const sends = long - short;
  return { a: (aLong - aShort) / sends, b: (bLong - bShort) / sends, sends };
}
