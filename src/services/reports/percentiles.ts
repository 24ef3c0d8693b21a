/** The nearest-rank percentile (0 < p <= 1) of values sorted ascending; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** Rounded to one decimal, for figures people read. */
export function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

/** part / whole rounded to four decimals; null when there is no whole. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null;
}
