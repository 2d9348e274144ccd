// Poisson variates by transformed rejection with squeeze, algorithm PTRS of Hörmann 1993,
// "The transformed rejection method for generating Poisson random variables", Insurance:
// Mathematics and Economics 12:39-45. Uniformly fast and valid for mean >= 10.
import { logFactorial, stirlingRemainder } from './logFactorial.js';
import type { RandomStream } from './stream.js';

const LN_2PI = Math.log(2 * Math.PI);

/** ln P(X = k) for X ~ Poisson(mean), without the cancellation of -mean + k ln mean - ln k! at large k. */
function logPmf(k: number, mean: number, logMean: number): number {
  if (k < 256) return -mean + k * logMean - logFactorial(k);
  const d = k - mean;
  return d - k * Math.log1p(d / mean) - 0.5 * (LN_2PI + Math.log(k)) - stirlingRemainder(k);
}

/** Poisson(mean) for mean >= 10 (the caller's responsibility). */
export function poissonPtrs(rng: RandomStream, mean: number): number {
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.double() - 0.5;
    const v = rng.double();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (k < 0) continue;
    if (us >= 0.07 && v <= vr) return k;
    if (us < 0.013 && v > us) continue;
    if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= logPmf(k, mean, logMean)) return k;
  }
}
