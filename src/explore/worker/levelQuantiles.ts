// Evenly spaced quantiles of a pool's FOSL1 levels, for colouring the dish: a dot at rank u
// in its state takes the u-quantile, so the dots show the distribution of the levels without
// a dot per cell. Large pools are read at an even stride (at most MAX_READ values), which
// needs no random numbers.
const MAX_READ = 4096;

export function levelQuantiles(levels: Float64Array, n: number): Float32Array {
  const count = levels.length;
  if (count === 0) return new Float32Array(0);
  const stride = Math.max(1, Math.floor(count / MAX_READ));
  const sample = new Float64Array(Math.ceil(count / stride));
  for (let i = 0, j = 0; i < count; i += stride, j++) sample[j] = levels[i];
  sample.sort();
  const out = new Float32Array(n);
  for (let q = 0; q < n; q++) {
    const h = (q / (n - 1)) * (sample.length - 1);
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, sample.length - 1);
    out[q] = sample[lo] + (h - lo) * (sample[hi] - sample[lo]);
  }
  return out;
}
