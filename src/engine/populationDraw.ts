// Multinomial draws for the leap of the population engine: Multinomial(n, probs) by chained
// conditional binomials (Davis 1993, Comput Stat Data Anal 16:205; rng/multinomial.ts,
// without its argument checks: the leap's probabilities are valid by construction), or, for
// a few cells, one categorical draw per cell (the multinomial is the sum of n independent
// categoricals; one uniform per cell instead of one binomial per category).
import { binomial } from '../rng/binomial.js';
import type { RandomStream } from '../rng/stream.js';

/** Up to this many cells, the multinomial is drawn cell by cell. */
export const CATEGORICAL_BELOW = 8;

/** Multinomial(n, probs / sum(probs)) into out[0 .. probs.length - 1]; n a non-negative integer. */
export function drawMultinomial(rng: RandomStream, n: number, probs: Float64Array, out: Float64Array): void {
  const K = probs.length;
  let rest = 0;
  for (let k = 0; k < K; k++) rest += probs[k];
  if (n <= CATEGORICAL_BELOW) {
    out.fill(0);
    for (let c = 0; c < n; c++) {
      let u = rng.double() * rest;
      let k = 0;
      while (k < K - 1 && u >= probs[k]) u -= probs[k++];
      out[k]++;
    }
    return;
  }
  let left = n;
  for (let k = 0; k < K - 1; k++) {
    const p = probs[k];
    if (left === 0 || p === 0) {
      out[k] = 0;
    } else {
      const x = p >= rest ? left : binomial(rng, left, p / rest);
      out[k] = x;
      left -= x;
    }
    rest -= p;
  }
  out[K - 1] = left;
}

/** The expected counts n probs / sum(probs) (the mean-field pilot). */
export function expectedMultinomial(n: number, probs: Float64Array, out: Float64Array): void {
  let rest = 0;
  for (let k = 0; k < probs.length; k++) rest += probs[k];
  for (let k = 0; k < probs.length; k++) out[k] = (n * probs[k]) / rest;
}
