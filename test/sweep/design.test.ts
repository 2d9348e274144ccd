// Design expansion: a full grid in a fixed order, and a Latin hypercube that hits every
// stratum of every dimension exactly once, reproducibly from the seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/rng/stream.js';
import { expandDesign, gridPoints, lhsPoints, parseSample, type Dimension } from '../../src/sweep/design.js';
import { latinHypercube } from '../../src/sweep/lhs.js';
import { SpecError, parseSpec } from '../../src/sweep/spec.js';

const dim = (path: string, spec: string): Dimension => ({ path, spec, parsed: parseSpec(spec) });

describe('grid', () => {
  it('is the full product, the first dimension varying slowest', () => {
    const points = gridPoints([dim('a', '1,2'), dim('b', '0..1:lin:3')]);
    expect(points.map((p) => p.values)).toEqual([[1, 0], [1, 0.5], [1, 1], [2, 0], [2, 0.5], [2, 1]]);
    expect(points[4]).toEqual({ index: 4, values: [2, 0.5], sets: ['a=2', 'b=0.5'] });
  });

  it('passes values with their unit to --set', () => {
    const points = gridPoints([dim('time.horizon', '1d..3d:lin:3'), dim('switch.exit_rate', '0.01/h,0.02/h')]);
    expect(points.map((p) => p.sets.join(' '))).toEqual([
      'time.horizon=1d switch.exit_rate=0.01/h', 'time.horizon=1d switch.exit_rate=0.02/h',
      'time.horizon=2d switch.exit_rate=0.01/h', 'time.horizon=2d switch.exit_rate=0.02/h',
      'time.horizon=3d switch.exit_rate=0.01/h', 'time.horizon=3d switch.exit_rate=0.02/h',
    ]);
  });

  it('property: size is the product of the axis lengths, and every combination appears once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), (lengths) => {
        const dims = lengths.map((n, j) => dim(`p${j}`, Array.from({ length: n }, (_, k) => String(k)).join(',')));
        const points = gridPoints(dims);
        expect(points).toHaveLength(lengths.reduce((a, b) => a * b, 1));
        expect(new Set(points.map((p) => p.sets.join('&'))).size).toBe(points.length);
        points.forEach((p, i) => expect(p.index).toBe(i));
      }),
    );
  });

  it('a range of 1e9 points is refused before its values are listed (it crashed Node: heap exhausted)', () => {
    const t0 = performance.now();
    expect(() => gridPoints([dim('population.initial', '100..200:1000000000')])).toThrow('the range has 1000000000 points, more than the 1000000 a sweep may have');
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('a range on a grid needs its number of points', () => {
    expect(() => gridPoints([dim('a', '0..1')])).toThrow(/needs its number of points/);
  });
});

describe('Latin hypercube', () => {
  it('property: in every dimension each of the n strata holds exactly one point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 1e6 }), (n, d, seed) => {
        const u = latinHypercube(n, d, streamFor(seed, 0, 'sweep-lhs'));
        expect(u).toHaveLength(n);
        for (let j = 0; j < d; j++) {
          const strata = u.map((row) => Math.floor(row[j] * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: n }, (_, k) => k));
        }
      }),
    );
  });

  it('property: points on a log range stratify its logarithm', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 0, max: 1e6 }), (n, seed) => {
        const points = lhsPoints([dim('a', '1e-5..1e-1:log'), dim('b', '2..4')], n, seed);
        const all = Array.from({ length: n }, (_, k) => k);
        // Position in strata units, sorted: the k-th lies in [k, k + 1) up to the rounding of exp(log(x)).
        const a = points.map((p) => ((Math.log10(p.values[0] as number) + 5) / 4) * n).sort((x, y) => x - y);
        a.forEach((x, k) => {
          expect(x).toBeGreaterThanOrEqual(k - 1e-9);
          expect(x).toBeLessThan(k + 1 + 1e-9);
        });
        expect(points.map((p) => Math.floor((((p.values[1] as number) - 2) / 2) * n)).sort((x, y) => x - y)).toEqual(all);
      }),
      { numRuns: 50 },
    );
  });

  it('is a function of the seed: same seed same design, another seed another', () => {
    const dims = [dim('a', '0..1'), dim('b', '1d..10d')];
    expect(lhsPoints(dims, 10, 3)).toEqual(lhsPoints(dims, 10, 3));
    expect(lhsPoints(dims, 10, 4)).not.toEqual(lhsPoints(dims, 10, 3));
    expect(lhsPoints(dims, 3, 3)[0].sets[1]).toMatch(/^b=[\d.]+d$/);
  });

  it('samples ranges only', () => {
    expect(() => lhsPoints([dim('a', '0,1')], 5, 1)).toThrow(SpecError);
  });
});

describe('sampling plans', () => {
  it('reads grid and lhs:N and refuses anything else', () => {
    expect(parseSample('grid')).toEqual({ kind: 'grid' });
    expect(parseSample('lhs:25')).toEqual({ kind: 'lhs', n: 25 });
    for (const bad of ['lhs', 'lhs:0', 'random:5', 'lhs:-2']) expect(() => parseSample(bad)).toThrow(/not a sampling plan/);
  });

  it('expandDesign dispatches on the plan', () => {
    expect(expandDesign([dim('a', '0..1:lin:3')], { kind: 'grid' }, 1)).toHaveLength(3);
    expect(expandDesign([dim('a', '0..1:lin:3')], { kind: 'lhs', n: 7 }, 1)).toHaveLength(7);
  });
});
