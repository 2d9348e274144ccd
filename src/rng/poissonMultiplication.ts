// Poisson variates by multiplying uniforms until the product falls to e^-mean (Knuth,
// The Art of Computer Programming vol. 2, section 3.4.1). Expected cost mean + 1
// uniforms, so poisson.ts uses it only for mean < 10.
import type { RandomStream } from './stream.js';

/** Poisson(mean) for small mean (the caller's responsibility). */
export function poissonMultiplication(rng: RandomStream, mean: number): number {
  const limit = Math.exp(-mean);
  let x = 0;
  let product = rng.double();
  while (product > limit) {
    product *= rng.double();
    x++;
  }
  return x;
}
