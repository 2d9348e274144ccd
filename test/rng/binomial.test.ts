// Binomial sampler: moments, chi-square goodness of fit over many seeds, the inversion/BTRS
// threshold, edges up to n = 2^53, argument checks, properties and a snapshot of draws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BINOMIAL_INVERSION_LIMIT, binomial } from '../../src/rng/binomial.js';
import { binomialBtrs } from '../../src/rng/binomialBtrs.js';
import { binomialInversion } from '../../src/rng/binomialInversion.js';
import type { RandomStream } from '../../src/rng/stream.js';
import { streamFor } from '../../src/rng/stream.js';
import { binomialPmf, gofOverSeeds, momentZ, normalCells } from './stats.js';

const SEEDS = 200;
const PER_SEED = 1000;

function binomialMoments(rng: RandomStream, n: number, p: number, N: number) {
  const v = n * p * (1 - p);
  return momentZ(() => binomial(rng, n, p), N, n * p, v, v * (1 + 3 * (n - 2) * p * (1 - p)));
}

function expectGof(r: { rejections: number; limit: number; pooledP: number }): void {
  expect(r.rejections).toBeLessThanOrEqual(r.limit);
  expect(r.pooledP).toBeGreaterThan(1e-4);
}

// n, p: inversion (n*min(p,1-p) < 10), the threshold, BTRS, the p > 1/2 mirror, huge n.
const CASES: [number, number][] = [
  [1, 0.3],
  [20, 0.3],
  [1000, 0.005],
  [30, 0.9],
  [1000, 0.00999],
  [1000, 0.01],
  [100, 0.3],
  [50, 0.8],
  [1e5, 0.3],
  [1e12, 1e-12],
  [2 ** 40, 1e-12],
];

describe('binomial: moments (mean and variance within 4 SE; the SE of the variance comes from the 4th central moment)', () => {
  it.each([...CASES, [1e6, 0.4], [1e12, 0.3], [2 ** 40, 0.5], [2 ** 53, 0.25]] as [number, number][])(
    'n = %s, p = %s',
    (n, p) => {
      const { zMean, zVar } = binomialMoments(streamFor(1, 0, `moments ${n} ${p}`), n, p, 50_000);
      expect(Math.abs(zMean)).toBeLessThan(4);
      expect(Math.abs(zVar)).toBeLessThan(4);
    },
  );
});

describe(`binomial: chi-square against the exact pmf, ${SEEDS} seeds x ${PER_SEED} draws, 1% rejections <= Binomial(${SEEDS}, 0.01) 99.9% quantile`, () => {
  it.each(CASES)('n = %s, p = %s', (n, p) => {
    expectGof(gofOverSeeds(`gof ${n} ${p}`, SEEDS, PER_SEED, binomialPmf(n, p), (rng) => binomial(rng, n, p)));
  });

  it.each([
    [1e12, 0.3],
    [2 ** 40, 0.5],
  ])('n = %s, p = %s against normal cells (skewness < 1e-6)', (n, p) => {
    const table = normalCells(n * p, Math.sqrt(n * p * (1 - p)));
    expectGof(gofOverSeeds(`gof ${n} ${p}`, 50, PER_SEED, table, (rng) => binomial(rng, n, p)));
  });
});

describe(`binomial: continuity across n * min(p, 1-p) = ${BINOMIAL_INVERSION_LIMIT}`, () => {
  const pairs: [number, number, number][] = [
    [1000, 0.00999, 0.01],
    [20, 0.49, 0.5],
    [40, 0.76, 0.74],
  ];
  it.each(pairs)('n = %s: p = %s (inversion) and p = %s (BTRS) both fit their pmf and mean', (n, below, above) => {
    expect(n * Math.min(below, 1 - below)).toBeLessThan(BINOMIAL_INVERSION_LIMIT);
    expect(n * Math.min(above, 1 - above)).toBeGreaterThanOrEqual(BINOMIAL_INVERSION_LIMIT);
    for (const p of [below, above]) {
      expectGof(gofOverSeeds(`threshold ${n} ${p}`, SEEDS, PER_SEED, binomialPmf(n, p), (rng) => binomial(rng, n, p)));
      const { zMean, zVar } = binomialMoments(streamFor(2, 0, `threshold ${n} ${p}`), n, p, 50_000);
      expect(Math.abs(zMean)).toBeLessThan(4);
      expect(Math.abs(zVar)).toBeLessThan(4);
    }
  });

  it.each([
    [1000, 0.01],
    [20, 0.5],
    [200, 0.06],
  ])('both samplers fit the pmf where both are valid: n = %s, p = %s', (n, p) => {
    const table = binomialPmf(n, p);
    expectGof(gofOverSeeds(`inversion ${n} ${p}`, SEEDS, PER_SEED, table, (rng) => binomialInversion(rng, n, p)));
    expectGof(gofOverSeeds(`btrs ${n} ${p}`, SEEDS, PER_SEED, table, (rng) => binomialBtrs(rng, n, p)));
  });
});

describe('binomial: edges', () => {
  const rng = streamFor(3, 0, 'edges');

  it('n = 0, p = 0 and p = 1 are exact', () => {
    for (const p of [0, 1e-300, 0.3, 0.5, 1]) expect(binomial(rng, 0, p)).toBe(0);
    for (const n of [1, 17, 1e12, 2 ** 53]) {
      expect(binomial(rng, n, 0)).toBe(0);
      expect(binomial(rng, n, 1)).toBe(n);
    }
  });

  it.each([
    [2 ** 40, 1e-12],
    [2 ** 40, 0.5],
    [1e12, 1e-12],
    [1e12, 0.5],
    [1e12, 1 - 1e-12],
  ])('n = %s, p = %s: integers in [0, n] with the right mean (4 SE)', (n, p) => {
    const xs = Array.from({ length: 20_000 }, () => binomial(rng, n, p));
    expect(xs.filter((x) => !(Number.isInteger(x) && x >= 0 && x <= n))).toEqual([]);
    const mean = xs.reduce((s, x) => s + (x - n * p), 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / xs.length));
  });

  it('n = 2^53 stays an exact integer in range at p = 1/2, 1e-15 and 1 - 1e-15', () => {
    const n = 2 ** 53;
    for (const p of [0.5, 1e-15, 1 - 1e-15, 0.3]) {
      for (let i = 0; i < 200; i++) {
        const x = binomial(rng, n, p);
        expect(Number.isInteger(x) && x >= 0 && x <= n).toBe(true);
      }
    }
  });

  it('rejects bad arguments with a RangeError', () => {
    for (const n of [-1, 1.5, NaN, Infinity, 2 ** 53 + 2]) expect(() => binomial(rng, n, 0.5)).toThrow(RangeError);
    for (const p of [-0.1, 1.1, NaN, -Infinity]) expect(() => binomial(rng, 10, p)).toThrow(RangeError);
  });
});

describe('binomial: properties', () => {
  it('draws are integers in [0, n] for any n <= 2^53 and p in [0, 1]', () => {
    const n = fc.oneof(fc.nat(100), fc.nat(1e6), fc.maxSafeNat(), fc.constant(2 ** 53));
    const p = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.5, 1e-12, 1 - 1e-12));
    fc.assert(
      fc.property(fc.nat(), n, p, (seed, n, p) => {
        const rng = streamFor(seed, 0, 'property');
        for (let i = 0; i < 5; i++) {
          const x = binomial(rng, n, p);
          if (!(Number.isInteger(x) && x >= 0 && x <= n)) return false;
        }
        return true;
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('binomial: first 10 draws at a fixed seed (a change of algorithm shows here)', () => {
  const draws = (n: number, p: number) => {
    const rng = streamFor(7, 0, 'snapshot');
    return Array.from({ length: 10 }, () => binomial(rng, n, p));
  };
  it('inversion, n = 20, p = 0.3', () => {
    expect(draws(20, 0.3)).toEqual([5, 7, 5, 6, 9, 7, 4, 4, 6, 11]);
  });
  it('inversion mirrored, n = 30, p = 0.9', () => {
    expect(draws(30, 0.9)).toEqual([28, 26, 28, 27, 24, 26, 29, 29, 27, 23]);
  });
  it('inversion, n = 1e12, p = 1e-12', () => {
    expect(draws(1e12, 1e-12)).toEqual([0, 1, 0, 1, 3, 1, 0, 0, 1, 4]);
  });
  it('BTRS mirrored, n = 50, p = 0.8', () => {
    expect(draws(50, 0.8)).toEqual([41, 39, 41, 40, 35, 39, 43, 43, 39, 34]);
  });
  it('BTRS, n = 1000, p = 0.3', () => {
    expect(draws(1000, 0.3)).toEqual([293, 294, 333, 283, 266, 306, 298, 275, 294, 293]);
  });
  it('BTRS, n = 2^40, p = 0.5', () => {
    expect(draws(2 ** 40, 0.5)).toEqual([549755558294, 549755596079, 549757022253, 549755188315, 549755946215, 549754575238, 549756037185, 549755745821, 549754921285, 549755604060]);
  });
});
