// Binomial variates by inversion with sequential search from 0 (algorithm BINV of
// Kachitvichyanukul & Schmeiser 1988, "Binomial random variate generation", CACM 31:216-222).
// Expected cost is n*p + 1 steps, so binomial.ts uses it only while n*p < 10.
import type { RandomStream } from './stream.js';

// P(X > 110) < 1e-60 when n*p < 10; a search that gets this far only ran past the total
// mass through rounding, and starts again with a new uniform (as in BINV).
const MAX_STEPS = 110;

/** Binomial(n, p) for p <= 1/2 and small n*p (the caller's responsibility). */
export function binomialInversion(rng: RandomStream, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const f0 = Math.exp(n * Math.log1p(-p)); // q^n without the rounding of pow(q, n) for tiny p
  const bound = Math.min(n, MAX_STEPS);
  search: for (;;) {
    let u = rng.double();
    let f = f0;
    let x = 0;
    while (u > f) {
      u -= f;
      if (++x > bound) continue search;
      f *= a / x - s; // f(x)/f(x-1) = (n - x + 1) p / (x q)
    }
    return x;
  }
}
