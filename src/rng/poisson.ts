// Poisson(mean) variates: Knuth's multiplication method for mean < 10, Hörmann's PTRS
// transformed rejection (1993) from 10 up.
import { poissonMultiplication } from './poissonMultiplication.js';
import { poissonPtrs } from './poissonPtrs.js';
import type { RandomStream } from './stream.js';

/** Mean below which the multiplication method is used; PTRS is only valid at or above 10. */
export const POISSON_MULTIPLICATION_LIMIT = 10;

export function poisson(rng: RandomStream, mean: number): number {
  if (!(mean >= 0 && mean < Infinity)) throw new RangeError(`poisson: mean must be finite and >= 0, got ${mean}`);
  if (mean === 0) return 0;
  return mean < POISSON_MULTIPLICATION_LIMIT ? poissonMultiplication(rng, mean) : poissonPtrs(rng, mean);
}
