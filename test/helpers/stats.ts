// Sample statistics for the statistical tests: mean and standard error of the mean.
export function meanAndSe(xs: ArrayLike<number>): { mean: number; se: number } {
  const n = xs.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += xs[i];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (xs[i] - m) ** 2;
  v /= n - 1;
  return { mean: m, se: Math.sqrt(v / n) };
}

/** Standard error of a proportion p estimated from n trials. */
export function proportionSe(p: number, n: number): number {
  return Math.sqrt(Math.max(p * (1 - p), 1 / n) / n);
}
