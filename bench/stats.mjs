// Small statistics for the bench: medians, quartiles, spread, formatting.

/** @param {number[]} values @param {number} q 0..1 @returns {number} linear-interpolated quantile */
export function quantile(values, q) {
  const sorted = [...values].sort((x, y) => x - y);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** @param {number[]} values @returns {number} */
export const median = (values) => quantile(values, 0.5);

/** @param {number[]} values @returns {{ median: number, min: number, max: number, q1: number, q3: number, n: number }} */
export function summarize(values) {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    n: values.length,
  };
}

/** Formats a number with `digits` significant decimals, thousands grouped. */
export function fmt(value, digits = 2) {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? Math.min(digits, 1) : digits;
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** `median (min–max)` */
export function fmtSpread(summary, digits = 2, unit = '') {
  return `${fmt(summary.median, digits)}${unit} (${fmt(summary.min, digits)}–${fmt(summary.max, digits)})`;
}
