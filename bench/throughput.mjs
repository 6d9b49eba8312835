// Interleaved throughput rounds: every round runs each subject once, in turn (a, b, c, a, b, c...),
// so drift (CPU frequency, the sink's heap) spreads over all of them alike.
import { runSends } from './subjects.mjs';

/**
 * Runs `rounds` interleaved rounds after one discarded warm-up round.
 *
 * @param {Array<{ key: string, subject: { send: (i: number) => Promise<void> }, count: number }>} entries
 * @param {{ concurrency: number, rounds: number }} options
 * @returns {Promise<Record<string, number[]>>} messages per second, per round, by key
 */
export async function interleavedRounds(entries, { concurrency, rounds }) {
  const rates = Object.fromEntries(entries.map(({ key }) => [key, []]));
  let offset = 0;
  for (let round = -1; round < rounds; round += 1) {
    for (const { key, subject, count } of entries) {
      const elapsed = await runSends(subject, count, concurrency, offset);
      offset += count;
      if (round >= 0) rates[key].push((count * 1000) / elapsed);
    }
  }
  return rates;
}

/** Per-round ratios `x[i] / y[i]` of two interleaved series. */
export function roundRatios(x, y) {
  return x.map((value, i) => value / y[i]);
}
