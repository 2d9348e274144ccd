// Binomial(n, p) variates for tau-leaping over compartments of 0 to 2^53 cells: inversion
// (Kachitvichyanukul & Schmeiser 1988) while min(p, 1-p) * n < 10, transformed rejection
// (Hörmann 1993) above, and X = n - Binomial(n, 1 - p) for p > 1/2.
import { binomialBtrs } from './binomialBtrs.js';
import { binomialInversion } from './binomialInversion.js';
import type { RandomStream } from './stream.js';

/** n * min(p, 1-p) below which inversion is used; BTRS is only valid at or above 10. */
export const BINOMIAL_INVERSION_LIMIT = 10;

const MAX_N = 2 ** 53;

export function binomial(rng: RandomStream, n: number, p: number): number {
  if (!(Number.isInteger(n) && n >= 0 && n <= MAX_N)) {
    throw new RangeError(`binomial: n must be an integer in [0, 2^53], got ${n}`);
  }
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial: p must be in [0, 1], got ${p}`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const flip = p > 0.5;
  const r = flip ? 1 - p : p;
  const x = n * r < BINOMIAL_INVERSION_LIMIT ? binomialInversion(rng, n, r) : binomialBtrs(rng, n, r);
  return flip ? n - x : x;
}
