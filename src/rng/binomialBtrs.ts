// Binomial variates by transformed rejection with squeeze, algorithm BTRS of Hörmann 1993,
// "The generation of binomial random variates", J Stat Comput Simul 46:101-110. Uniformly
// fast (about 1.15 loop turns per draw) and valid for n*p >= 10 with p <= 1/2.
import { logFactorialRatio } from './logFactorial.js';
import type { RandomStream } from './stream.js';

/** Binomial(n, p) for p <= 1/2 and n*p >= 10 (the caller's responsibility). */
export function binomialBtrs(rng: RandomStream, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p); // the mode
  for (;;) {
    const u = rng.double() - 0.5;
    const v = rng.double();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    // ln f(k)/f(m) = ln m!/k! + ln (n-m)!/(n-k)! + (k - m) ln(p/q)
    const logRatio = logFactorialRatio(m, k) + logFactorialRatio(n - m, n - k) + (k - m) * lpq;
    if (Math.log((v * alpha) / (a / (us * us) + b)) <= logRatio) return k;
  }
}
