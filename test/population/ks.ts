// The two-sample Kolmogorov-Smirnov test (Smirnov 1939) for the agreement of the two engines'
// relapse-time distributions. A replicate that never relapses counts as +Infinity, so the
// statistic also compares the relapse probabilities. p-value from Kolmogorov's limiting
// distribution at the effective size n m / (n + m), with Stephens' (1970) small-sample
// correction sqrt(ne) + 0.12 + 0.11 / sqrt(ne) (as in Numerical Recipes' kstwo).

/** sup |F1 - F2| over the two empirical distribution functions. */
export function ksStatistic(a: readonly number[], b: readonly number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/** Kolmogorov's Q(lambda) = 2 sum_{k>=1} (-1)^{k-1} exp(-2 k^2 lambda^2). */
export function kolmogorovQ(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = 2 * (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
  }
  return Math.min(1, Math.max(0, sum));
}

export function ksTest(a: readonly number[], b: readonly number[]): { d: number; p: number } {
  const d = ksStatistic(a, b);
  const ne = Math.sqrt((a.length * b.length) / (a.length + b.length));
  return { d, p: kolmogorovQ((ne + 0.12 + 0.11 / ne) * d) };
}

/** One-sample test of draws against a continuous distribution function (no ties). */
export function ksOneSample(xs: readonly number[], cdf: (x: number) => number): { d: number; p: number } {
  const x = [...xs].sort((p, q) => p - q);
  const n = x.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(x[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  const ne = Math.sqrt(n);
  return { d, p: kolmogorovQ((ne + 0.12 + 0.11 / ne) * d) };
}
