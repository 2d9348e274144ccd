// The fluctuation test's statistic (Luria & Delbrueck 1943): the cells left at the end in
// each replicate culture, their mean, and the dispersion index variance / mean. Survivors
// made by the drug scatter like a Poisson law (index 1, standard error sqrt(2 / (n - 1)) for
// n cultures); survivors that arose during growth and kept their state come in jackpots
// (index far above 1, most cultures below the mean).

export interface Dispersion {
  readonly cultures: number;
  readonly mean: number;
  /** Sample variance (n - 1). */
  readonly variance: number;
  /** variance / mean; null when the mean is 0. */
  readonly index: number | null;
  /** Standard error of the index under a Poisson law. */
  readonly poissonSe: number;
  readonly median: number;
  readonly max: number;
  /** Cultures below the mean. */
  readonly belowMean: number;
}

/** Null for fewer than two cultures. */
export function dispersionOf(counts: readonly number[]): Dispersion | null {
  const n = counts.length;
  if (n < 2) return null;
  const mean = counts.reduce((a, b) => a + b, 0) / n;
  const variance = counts.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  const s = [...counts].sort((a, b) => a - b);
  const m = n >> 1;
  return {
    cultures: n,
    mean,
    variance,
    index: mean > 0 ? variance / mean : null,
    poissonSe: Math.sqrt(2 / (n - 1)),
    median: n % 2 ? s[m] : (s[m - 1] + s[m]) / 2,
    max: s[n - 1],
    belowMean: counts.filter((x) => x < mean).length,
  };
}

/** One line: "mean 22.1, variance/mean 44.7 (a Poisson law gives 1 +- 0.16 at 2 SE), median 14, max 180, 225/300 below the mean". */
export function dispersionText(d: Dispersion): string {
  const g = (x: number) => String(Number(x.toPrecision(3)));
  const index = d.index === null ? 'undefined (no survivors)' : g(d.index);
  return `mean ${g(d.mean)}, variance/mean ${index} (Poisson: 1 +- ${g(2 * d.poissonSe)} at 2 SE), median ${g(d.median)}, max ${g(d.max)}, ${d.belowMean}/${d.cultures} below the mean`;
}
