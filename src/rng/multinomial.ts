// Multinomial counts by chained conditional binomials: category k receives
// Binomial(cells left, p_k / (p_k + ... + p_K)) (Davis 1993, "The computer generation of
// multinomial random variates", Comput Stat Data Anal 16:205-217), so the counts sum to n exactly.
import { binomial } from './binomial.js';
import type { RandomStream } from './stream.js';

/**
 * Writes Multinomial(n, probs) counts into out[0 .. probs.length - 1] and returns out. probs are
 * non-negative weights, normalised by their sum; at least one must be positive unless n = 0.
 */
export function multinomialInto(
  rng: RandomStream,
  n: number,
  probs: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  const K = probs.length;
  if (out.length < K) throw new RangeError(`multinomialInto: out has ${out.length} slots for ${K} categories`);
  if (!(Number.isInteger(n) && n >= 0 && n <= 2 ** 53)) {
    throw new RangeError(`multinomialInto: n must be an integer in [0, 2^53], got ${n}`);
  }
  // out[k] first holds the suffix sum p_k + ... + p_K, summed from the end so each is rounded once per term.
  let rest = 0;
  let last = -1;
  for (let k = K - 1; k >= 0; k--) {
    const w = probs[k];
    if (!(w >= 0 && w < Infinity)) throw new RangeError(`multinomialInto: probs[${k}] = ${w} is not a finite weight >= 0`);
    if (w > 0 && last < 0) last = k;
    rest += w;
    out[k] = rest;
  }
  if (rest === Infinity) throw new RangeError('multinomialInto: the weights sum to more than the largest double');
  if (last < 0 && n > 0) throw new RangeError('multinomialInto: no category has positive probability');
  let left = n;
  for (let k = 0; k < K; k++) {
    if (left === 0 || k > last) {
      out[k] = 0;
    } else if (k === last) {
      out[k] = left;
      left = 0;
    } else {
      const w = probs[k];
      const x = w === 0 ? 0 : binomial(rng, left, w / out[k]); // w <= out[k], so the ratio is <= 1
      out[k] = x;
      left -= x;
    }
  }
  return out;
}
