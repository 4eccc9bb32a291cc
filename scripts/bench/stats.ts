/** Nearest-rank percentile (p in 0..100) of samples, which need not be sorted. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('No samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Microseconds elapsed since `start` (from `process.hrtime.bigint()`). */
export function microsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1000;
}

/** Rounds for display and for the JSON figures: 3 significant digits is all a benchmark can claim. */
export function round(value: number): number {
  return Number(value.toPrecision(3));
}
