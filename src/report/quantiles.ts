// Pointwise quantiles across replicates at each record time: the median and the 10-90%
// band drawn on the charts. Quantiles interpolate linearly between order statistics
// (Hyndman & Fan 1996 type 7, R's default). Values that are NaN (e.g. a persister fraction
// of an extinct tumour) are left out; a time with no value gives NaN.

export interface Band {
  readonly lower: Float64Array;
  readonly median: Float64Array;
  readonly upper: Float64Array;
}

export const BAND_LOW = 0.1;
export const BAND_HIGH = 0.9;

/** Type-7 quantile of sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Median and 10-90% band of value(replicate, k) over replicates, at each k < length. */
export function bandOver(replicates: number, length: number, value: (r: number, k: number) => number): Band {
  const lower = new Float64Array(length);
  const median = new Float64Array(length);
  const upper = new Float64Array(length);
  const column: number[] = [];
  for (let k = 0; k < length; k++) {
    column.length = 0;
    for (let r = 0; r < replicates; r++) {
      const v = value(r, k);
      if (!Number.isNaN(v)) column.push(v);
    }
    column.sort((a, b) => a - b);
    lower[k] = quantileSorted(column, BAND_LOW);
    median[k] = quantileSorted(column, 0.5);
    upper[k] = quantileSorted(column, BAND_HIGH);
  }
  return { lower, median, upper };
}
