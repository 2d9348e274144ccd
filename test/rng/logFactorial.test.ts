// ln k! against exact BigInt factorials (and a Lanczos ln Gamma for large k);
// ln(a!/b!) against sums of logarithms.
import { describe, expect, it } from 'vitest';
import { logFactorial, logFactorialRatio } from '../../src/rng/logFactorial.js';
import { lnGamma } from './stats.js';

function close(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
}

/** ln x to double precision, from the leading 53 bits of a BigInt. */
function lnBigInt(x: bigint): number {
  const shift = Math.max(0, x.toString(2).length - 53);
  return Math.log(Number(x >> BigInt(shift))) + shift * Math.LN2;
}

describe('logFactorial', () => {
  it('matches ln k! on the table, across its edge and on the Stirling side', () => {
    let factorial = 1n;
    for (let k = 0; k <= 2000; k++) {
      if (k > 0) factorial *= BigInt(k);
      close(logFactorial(k), lnBigInt(factorial), 1e-15);
    }
    for (const k of [1e4, 123457, 1e6, 1e9]) close(logFactorial(k), lnGamma(k + 1), 1e-13);
    close(logFactorial(256) - logFactorial(255), Math.log(256), 1e-12);
  });

  it('gives ln(a!/b!) to ~1e-13 relative where a difference of log-factorials would lose digits', () => {
    for (const a of [300, 1e4, 1e6, 1e12, 2 ** 40 + 3, 2 ** 52]) {
      for (const d of [1, 7, 100]) {
        let sum = 0;
        for (let i = 0; i < d; i++) sum += Math.log(a - i);
        close(logFactorialRatio(a, a - d), sum, 1e-13);
        close(logFactorialRatio(a - d, a), -sum, 1e-13);
      }
    }
    close(logFactorialRatio(1000, 10), logFactorial(1000) - logFactorial(10), 1e-14);
    expect(logFactorialRatio(1e12, 1e12)).toBe(0);
  });
});
