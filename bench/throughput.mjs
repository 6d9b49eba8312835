// Interleaved throughput rounds: every round runs each subject once, in turn, so drift (CPU
// frequency, the sink's heap) spreads over all of them alike. The order rotates from round to round
// (a b c, b c a, c a b) and each run starts after a pause and a full GC (with --expose-gc): what one
// subject leaves behind (its garbage, connections closing, timers) must not land in the run of the
// subject after it, always the same one otherwise.
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { runSends } from './subjects.mjs';

const SETTLE_MS = 50;

/**
 * Runs `rounds` interleaved rounds after one discarded warm-up round.
 *
 * @param {Array<{ key: string, subject: { send: (i: number) => Promise<void> }, count: number }>} entries
 * @param {{ concurrency: number, rounds: number }} options
 * @returns {Promise<{ rates: Record<string, number[]>, cpu: Record<string, number[]> }>} by key, per
 *   round: messages per second, and this (the client's) process's CPU time per message in µs (user
 *   + system; the sink runs in its own process), which machine noise moves less than wall time.
 */
export async function interleavedRounds(entries, { concurrency, rounds }) {
  const rates = Object.fromEntries(entries.map(({ key }) => [key, []]));
  const cpu = Object.fromEntries(entries.map(({ key }) => [key, []]));
  let offset = 0;
  for (let round = -1; round < rounds; round += 1) {
    const first = (round + 1) % entries.length;
    for (const { key, subject, count } of [...entries.slice(first), ...entries.slice(0, first)]) {
      await sleep(SETTLE_MS);
      globalThis.gc?.();
      const cpuBefore = process.cpuUsage();
      const elapsed = await runSends(subject, count, concurrency, offset);
      const { user, system } = process.cpuUsage(cpuBefore);
      offset += count;
      if (round < 0) continue;
      rates[key].push((count * 1000) / elapsed);
      cpu[key].push((user + system) / count);
    }
  }
  return { rates, cpu };
}

/** Per-round ratios `x[i] / y[i]` of two interleaved series. */
export function roundRatios(x, y) {
  return x.map((value, i) => value / y[i]);
}
