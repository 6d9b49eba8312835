/**
 * Finds the known key a misspelt one was meant to be.
 *
 * @module
 */

/**
 * The optimal-string-alignment distance between two strings: insertions, deletions,
 * substitutions and swaps of two neighbours each cost one.
 */
function editDistance(a: string, b: string): number {
  // rows[i][j] is the distance between the first i characters of a and the first j of b.
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * Suggests the known key closest to an unknown one: the same key in another case, one a few
 * edits away (`prot` → `port`), or one it starts with, abbreviates or ends (`password` → `pass`,
 * `selector` → `keySelector`).
 *
 * @param key - The unknown key as written.
 * @param knownKeys - The keys allowed at that place.
 * @returns The nearest known key, or `undefined` when none is close enough to be a likely typo.
 */
export function suggestKey(key: string, knownKeys: readonly string[]): string | undefined {
  const wanted = key.toLowerCase();
  const threshold = Math.max(1, Math.floor(wanted.length / 3));
  let best: { key: string; distance: number } | undefined;
  for (const known of knownKeys) {
    const candidate = known.toLowerCase();
    const related =
      Math.min(candidate.length, wanted.length) >= 3 &&
      (wanted.startsWith(candidate) || candidate.startsWith(wanted) || candidate.endsWith(wanted));
    const distance = editDistance(wanted, candidate);
    if ((distance <= threshold || related) && (best === undefined || distance < best.distance)) {
      best = { key: known, distance };
    }
  }
  return best?.key;
}
