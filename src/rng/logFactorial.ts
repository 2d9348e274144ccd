// ln k! for the rejection samplers (BTRS, PTRS): a table for k < 256 and Stirling's series
// above it (Abramowitz & Stegun 1964, 6.1.37-6.1.41). logFactorialRatio gives ln(a!/b!)
// without subtracting two log-factorials of ~3e13 (k ~ 1e12), which would leave only ~1e-2
// absolute accuracy for the acceptance tests.

const TABLE_SIZE = 256;
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

const table = new Float64Array(TABLE_SIZE);
let carry = 0; // Kahan summation: plain summation drifts by a few ulps by k ~ 100
for (let k = 2; k < TABLE_SIZE; k++) {
  const term = Math.log(k) - carry;
  table[k] = table[k - 1] + term;
  carry = table[k] - table[k - 1] - term;
}

/**
 * ln k! - [(k + 1/2) ln k - k + ln sqrt(2 pi)], the tail of Stirling's series, for k >= 256.
 * The first omitted term, 1/(1188 k^9), is below 1e-24 there.
 */
export function stirlingRemainder(k: number): number {
  const r = 1 / k;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)));
}

/** ln k! for an integer k >= 0. */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return table[k];
  return (k + 0.5) * Math.log(k) - k + LN_SQRT_2PI + stirlingRemainder(k);
}

/** ln(a! / b!) for integers a, b >= 0, accurate to a few ulps of the result even when a, b ~ 2^53. */
export function logFactorialRatio(a: number, b: number): number {
  if (a < TABLE_SIZE || b < TABLE_SIZE) return logFactorial(a) - logFactorial(b);
  // Difference of the two Stirling forms, rearranged so the O(k ln k) parts cancel exactly:
  // (a + 1/2) ln a - (b + 1/2) ln b - (a - b) = (b + 1/2) ln(a/b) + (a - b)(ln a - 1).
  const d = a - b;
  return (b + 0.5) * Math.log1p(d / b) + d * (Math.log(a) - 1) + stirlingRemainder(a) - stirlingRemainder(b);
}
