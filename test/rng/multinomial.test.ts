// Multinomial by conditional binomials: the joint distribution against the exact pmf, marginal
// moments at large n, exact sums, zero-weight categories, argument checks and properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logFactorial } from '../../src/rng/logFactorial.js';
import { multinomialInto } from '../../src/rng/multinomial.js';
import { streamFor } from '../../src/rng/stream.js';
import { gofOverSeeds, momentZ } from './stats.js';

describe('multinomial', () => {
  it('joint counts of Multinomial(10; 0.2, 0.5, 0.3) fit the exact pmf over 200 seeds', () => {
    const n = 10;
    const probs = [0.2, 0.5, 0.3];
    const cellProbs = new Float64Array((n + 1) * (n + 1)); // cell x0 * (n + 1) + x1
    for (let a = 0; a <= n; a++) {
      for (let b = 0; a + b <= n; b++) {
        const c = n - a - b;
        const logP = logFactorial(n) - logFactorial(a) - logFactorial(b) - logFactorial(c);
        cellProbs[a * (n + 1) + b] = Math.exp(logP + a * Math.log(0.2) + b * Math.log(0.5) + c * Math.log(0.3));
      }
    }
    const out = new Float64Array(3);
    const r = gofOverSeeds('multinomial joint', 200, 1000, { cellOf: (x) => x, probs: cellProbs }, (rng) => {
      multinomialInto(rng, n, probs, out);
      return out[0] * (n + 1) + out[1];
    });
    expect(r.rejections).toBeLessThanOrEqual(r.limit);
    expect(r.pooledP).toBeGreaterThan(1e-4);
  });

  it.each([1e9, 1e12])('n = %s: each count has its binomial mean and variance (4 SE), sums are exact', (n) => {
    const probs = [0.1, 0, 0.25, 1e-9, 0.65 - 1e-9];
    const out = new Float64Array(probs.length);
    const N = 20_000;
    const samples = Array.from({ length: N }, (_, i) => {
      multinomialInto(streamFor(4, i, `multinomial ${n}`), n, probs, out);
      return Array.from(out);
    });
    expect(samples.filter((s) => s.reduce((a, b) => a + b, 0) !== n)).toEqual([]);
    expect(samples.filter((s) => s[1] !== 0)).toEqual([]);
    for (const k of [0, 2, 3, 4]) {
      const p = probs[k];
      const v = n * p * (1 - p);
      let i = 0;
      const { zMean, zVar } = momentZ(() => samples[i++][k], N, n * p, v, v * (1 + 3 * (n - 2) * p * (1 - p)));
      expect(Math.abs(zMean), `category ${k}`).toBeLessThan(4);
      expect(Math.abs(zVar), `category ${k}`).toBeLessThan(4);
    }
  });

  it('weights need not sum to 1: scaling them by 4 gives the same draws', () => {
    const a = new Float64Array(4);
    const b = new Float64Array(4);
    for (let i = 0; i < 100; i++) {
      multinomialInto(streamFor(5, i, 'scale'), 1000, [0.1, 0.2, 0.3, 0.4], a);
      multinomialInto(streamFor(5, i, 'scale'), 1000, [0.4, 0.8, 1.2, 1.6], b);
      expect(Array.from(b)).toEqual(Array.from(a));
    }
  });

  it('edges: n = 0, a single category, trailing zero weights, a longer out', () => {
    const rng = streamFor(6, 0, 'edges');
    const out = new Float64Array(5).fill(-1);
    expect(Array.from(multinomialInto(rng, 0, [0, 0, 0], out))).toEqual([0, 0, 0, -1, -1]);
    expect(Array.from(multinomialInto(rng, 2 ** 53, [3], out)).slice(0, 1)).toEqual([2 ** 53]);
    expect(Array.from(multinomialInto(rng, 1e12, [0, 1, 0, 0], out)).slice(0, 4)).toEqual([0, 1e12, 0, 0]);
  });

  it('rejects bad arguments with a RangeError', () => {
    const rng = streamFor(6, 0, 'errors');
    const out = new Float64Array(3);
    expect(() => multinomialInto(rng, 5, [0.5, 0.5, 0, 0], out)).toThrow(RangeError);
    expect(() => multinomialInto(rng, 5, [0.5, -0.1, 0.6], out)).toThrow(RangeError);
    expect(() => multinomialInto(rng, 5, [0.5, NaN, 0.5], out)).toThrow(RangeError);
    expect(() => multinomialInto(rng, 5, [0, 0, 0], out)).toThrow(RangeError);
    expect(() => multinomialInto(rng, 5, [1e308, 1e308, 1e308], out)).toThrow(RangeError);
    expect(() => multinomialInto(rng, -1, [1], out)).toThrow(RangeError);
    expect(() => multinomialInto(rng, 2.5, [1], out)).toThrow(RangeError);
  });

  it('property: counts are non-negative integers summing to n, zero weights get nothing', () => {
    const weight = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 1e-300, max: 1e-200, noNaN: true }));
    const probs = fc.array(weight, { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0));
    const n = fc.oneof(fc.nat(50), fc.maxSafeNat(), fc.constant(2 ** 53));
    fc.assert(
      fc.property(fc.nat(), n, probs, (seed, n, probs) => {
        const out = new Float64Array(probs.length);
        multinomialInto(streamFor(seed, 0, 'property'), n, probs, out);
        let sum = 0;
        for (let k = 0; k < probs.length; k++) {
          if (!(Number.isInteger(out[k]) && out[k] >= 0)) return false;
          if (probs[k] === 0 && out[k] !== 0) return false;
          sum += out[k];
        }
        return sum === n;
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
