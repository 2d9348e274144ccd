// The sample median and its distribution-free 95% confidence interval from order statistics
// (Conover 1999, Practical Nonparametric Statistics, 3rd ed., sec. 3.2): [x(j), x(n+1-j)]
// with j the largest rank such that P(Binomial(n, 1/2) <= j - 1) <= 0.025, which covers the
// population median with probability at least 95%. With n <= 5 no such j exists: the limits
// are null.
import { logFactorial } from '../rng/logFactorial.js';

export interface Estimate {
  readonly value: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
}

export const NO_ESTIMATE: Estimate = Object.freeze({ value: null, lo: null, hi: null });

/** Rank j (1-based) of the lower limit, or 0 when n is too small for a 95% interval. */
export function lowerRank(n: number, alpha = 0.05): number {
  const logHalfN = n * Math.log(0.5);
  let cdf = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    cdf += Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + logHalfN);
    if (cdf > alpha / 2) break;
    j = k + 1;
  }
  return j;
}

export function medianWithInterval(xs: readonly number[]): Estimate {
  const n = xs.length;
  if (n === 0) return NO_ESTIMATE;
  const s = [...xs].sort((a, b) => a - b);
  const m = n >> 1;
  const value = n % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  const j = lowerRank(n);
  return j === 0 ? { value, lo: null, hi: null } : { value, lo: s[j - 1], hi: s[n - j] };
}
