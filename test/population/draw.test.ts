// The leap's multinomial draws (engine/populationDraw.ts): cell by cell up to 8 cells, chained
// binomials above. Both paths fit the exact joint pmf of Multinomial(n; 0.2, 0.5, 0.3) by
// chi-square over 200 seeds; counts sum to n exactly, weights need not sum to 1, a zero
// weight gets nothing; the expected counts are n p.
import { describe, expect, it } from 'vitest';
import { CATEGORICAL_BELOW, drawMultinomial, expectedMultinomial } from '../../src/engine/populationDraw.js';
import { logFactorial } from '../../src/rng/logFactorial.js';
import { streamFor } from '../../src/rng/stream.js';
import { gofOverSeeds } from '../rng/stats.js';

function jointPmf(n: number, p: ArrayLike<number>): Float64Array {
  const cells = new Float64Array((n + 1) * (n + 1));
  for (let a = 0; a <= n; a++) {
    for (let b = 0; a + b <= n; b++) {
      const c = n - a - b;
      cells[a * (n + 1) + b] = Math.exp(logFactorial(n) - logFactorial(a) - logFactorial(b) - logFactorial(c) + a * Math.log(p[0]) + b * Math.log(p[1]) + c * Math.log(p[2]));
    }
  }
  return cells;
}

describe('drawMultinomial', () => {
  for (const n of [CATEGORICAL_BELOW - 3, CATEGORICAL_BELOW, CATEGORICAL_BELOW + 1, 25]) {
    it(`n = ${n} (${n <= CATEGORICAL_BELOW ? 'cell by cell' : 'chained binomials'}): joint counts fit the exact pmf over 200 seeds`, () => {
      const probs = Float64Array.of(0.2, 0.5, 0.3);
      const out = new Float64Array(3);
      const r = gofOverSeeds(`draw ${n}`, 200, 1000, { cellOf: (x) => x, probs: jointPmf(n, probs) }, (rng) => {
        drawMultinomial(rng, n, probs, out);
        return out[0] * (n + 1) + out[1];
      });
      expect(r.rejections).toBeLessThanOrEqual(r.limit);
      expect(r.pooledP).toBeGreaterThan(1e-4);
    });
  }

  it('counts are non-negative integers summing to n; unnormalised weights; a zero weight gets nothing', () => {
    const rng = streamFor(2, 0, 'draw edges');
    const probs = Float64Array.of(0.4, 0, 1.2, 2.4);
    const out = new Float64Array(4);
    for (const n of [0, 1, 3, 8, 9, 100, 1e12, 2 ** 53]) {
      for (let i = 0; i < 50; i++) {
        drawMultinomial(rng, n, probs, out);
        expect(out[0] + out[1] + out[2] + out[3]).toBe(n);
        expect(out[1]).toBe(0);
        for (const x of out) expect(Number.isInteger(x) && x >= 0).toBe(true);
      }
    }
  });

  it('the expected counts are n p / sum p', () => {
    const out = new Float64Array(3);
    expectedMultinomial(10, Float64Array.of(1, 2, 1), out);
    expect(Array.from(out)).toEqual([2.5, 5, 2.5]);
  });
});
