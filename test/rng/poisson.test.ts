// Poisson sampler: moments, chi-square goodness of fit over many seeds, the multiplication/PTRS
// threshold, edges up to mean 1e12, argument checks, properties and a snapshot of draws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POISSON_MULTIPLICATION_LIMIT, poisson } from '../../src/rng/poisson.js';
import { poissonMultiplication } from '../../src/rng/poissonMultiplication.js';
import { poissonPtrs } from '../../src/rng/poissonPtrs.js';
import { streamFor } from '../../src/rng/stream.js';
import { gofOverSeeds, momentZ, normalCells, poissonPmf } from './stats.js';

const SEEDS = 200;
const PER_SEED = 1000;

function expectGof(r: { rejections: number; limit: number; pooledP: number }): void {
  expect(r.rejections).toBeLessThanOrEqual(r.limit);
  expect(r.pooledP).toBeGreaterThan(1e-4);
}

function expectMoments(name: string, mean: number, draw: (rng: ReturnType<typeof streamFor>) => number): void {
  const rng = streamFor(1, 0, name);
  // Poisson: variance = mean, 4th central moment = mean (1 + 3 mean).
  const { zMean, zVar } = momentZ(() => draw(rng), 50_000, mean, mean, mean * (1 + 3 * mean));
  expect(Math.abs(zMean)).toBeLessThan(4);
  expect(Math.abs(zVar)).toBeLessThan(4);
}

const MEANS = [0.01, 1, 5, 9.99, 10, 10.01, 30, 100, 1e4];

describe('poisson: moments (mean and variance within 4 SE; the SE of the variance comes from the 4th central moment)', () => {
  it.each([...MEANS, 1e12, 2 ** 52])('mean = %s', (mean) => {
    expectMoments(`moments ${mean}`, mean, (rng) => poisson(rng, mean));
  });
});

describe(`poisson: chi-square against the exact pmf, ${SEEDS} seeds x ${PER_SEED} draws, 1% rejections <= Binomial(${SEEDS}, 0.01) 99.9% quantile`, () => {
  it.each(MEANS)('mean = %s', (mean) => {
    expectGof(gofOverSeeds(`gof ${mean}`, SEEDS, PER_SEED, poissonPmf(mean), (rng) => poisson(rng, mean)));
  });

  it('mean = 1e12 against normal cells (skewness 1e-6)', () => {
    const mean = 1e12;
    expectGof(gofOverSeeds(`gof ${mean}`, 50, PER_SEED, normalCells(mean, Math.sqrt(mean)), (rng) => poisson(rng, mean)));
  });
});

describe(`poisson: continuity across mean = ${POISSON_MULTIPLICATION_LIMIT}`, () => {
  it('just below (multiplication) and at/just above (PTRS) both fit their pmf and mean', () => {
    for (const mean of [9.99, 10, 10.01]) {
      expectGof(gofOverSeeds(`threshold ${mean}`, SEEDS, PER_SEED, poissonPmf(mean), (rng) => poisson(rng, mean)));
      expectMoments(`threshold ${mean}`, mean, (rng) => poisson(rng, mean));
    }
  });

  it.each([10, 15, 40])('both samplers fit the pmf where both are valid: mean = %s', (mean) => {
    const table = poissonPmf(mean);
    expectGof(gofOverSeeds(`multiplication ${mean}`, SEEDS, PER_SEED, table, (rng) => poissonMultiplication(rng, mean)));
    expectGof(gofOverSeeds(`ptrs ${mean}`, SEEDS, PER_SEED, table, (rng) => poissonPtrs(rng, mean)));
  });
});

describe('poisson: edges', () => {
  const rng = streamFor(3, 0, 'edges');

  it('mean 0 gives 0; mean 1e-300 gives 0 (P(X > 0) ~ 1e-300)', () => {
    for (let i = 0; i < 100; i++) {
      expect(poisson(rng, 0)).toBe(0);
      expect(poisson(rng, 1e-300)).toBe(0);
    }
  });

  it('mean 1e12: non-negative integers with the right mean (4 SE)', () => {
    const mean = 1e12;
    const xs = Array.from({ length: 20_000 }, () => poisson(rng, mean));
    expect(xs.filter((x) => !(Number.isInteger(x) && x >= 0))).toEqual([]);
    const avg = xs.reduce((s, x) => s + (x - mean), 0) / xs.length;
    expect(Math.abs(avg)).toBeLessThan(4 * Math.sqrt(mean / xs.length));
  });

  it('rejects bad means with a RangeError', () => {
    for (const mean of [-1, -1e-300, NaN, Infinity]) expect(() => poisson(rng, mean)).toThrow(RangeError);
  });
});

describe('poisson: properties', () => {
  it('draws are non-negative integers for any mean in [0, 1e15]', () => {
    const mean = fc.oneof(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 1e15, noNaN: true }));
    fc.assert(
      fc.property(fc.nat(), mean, (seed, mean) => {
        const rng = streamFor(seed, 0, 'property');
        for (let i = 0; i < 5; i++) {
          const x = poisson(rng, mean);
          if (!(Number.isInteger(x) && x >= 0)) return false;
        }
        return true;
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('poisson: first 10 draws at a fixed seed (a change of algorithm shows here)', () => {
  const draws = (mean: number) => {
    const rng = streamFor(7, 0, 'snapshot');
    return Array.from({ length: 10 }, () => poisson(rng, mean));
  };
  it('multiplication, mean = 3', () => {
    expect(draws(3)).toEqual([3, 3, 2, 3, 1, 3, 5, 1, 2, 3]);
  });
  it('PTRS, mean = 100', () => {
    expect(draws(100)).toEqual([95, 96, 123, 88, 77, 104, 99, 83, 96, 95]);
  });
  it('PTRS, mean = 1e12', () => {
    expect(draws(1e12)).toEqual([999999512416, 999999584501, 1000002306180, 999998806451, 1000000252426, 999997635991, 1000000425968, 999999870158, 999998296715, 999999599726]);
  });
});
