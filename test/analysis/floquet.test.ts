import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { floquetExponent, monodromy, spectralRadius, type FloquetPhase } from '../../src/analysis/floquet.js';
import { eigenvalues2, expm2, mul2, twoTypeMatrix, type Mat2 } from '../../src/analysis/twoType.js';

const DAY = 24;
/** A per-day Mat2 as a per-hour matrix (rows). */
const perHour = (A: Mat2) => [
  [A[0] / DAY, A[1] / DAY],
  [A[2] / DAY, A[3] / DAY],
];

// SCIENCE.md D13: on drug as in D1, off drug lS = 0.3, lP = 0, a = 0.001, b = 0.01 per day.
const ON = twoTypeMatrix(-1, -0.05, 0.001, 0.01);
const OFF = twoTypeMatrix(0.3, 0, 0.001, 0.01);
const schedule = (onDays: number, offDays: number): FloquetPhase[] => [
  { A: perHour(ON), durationH: onDays * DAY },
  { A: perHour(OFF), durationH: offDays * DAY },
];

describe('SCIENCE.md D13: long-run growth under periodic schedules', () => {
  it.each([
    ['14/7', 14, 7, -0.0433],
    ['7/7', 7, 7, -0.0349],
    ['7/14', 7, 14, -0.026],
  ])('%s on/off gives Lambda = %s ... %f per day', (_, on, off, lambda) => {
    expect(floquetExponent(schedule(on, off)) * DAY).toBeCloseTo(lambda, 4);
  });

  it('continuous treatment gives the dominant eigenvalue, -0.0600 per day', () => {
    expect(floquetExponent([{ A: perHour(ON), durationH: 21 * DAY }]) * DAY).toBeCloseTo(-0.06, 4);
    expect(floquetExponent([{ A: perHour(ON), durationH: 21 * DAY }]) * DAY).toBeCloseTo(eigenvalues2(ON)[1], 12);
  });

  it('stays finite over very long periods (renormalised product)', () => {
    const closedForm = spectralRadiusOf(mul2(expm2(OFF, 100), expm2(ON, 5000)));
    expect(floquetExponent(schedule(5000, 100)) * DAY).toBeCloseTo(Math.log(closedForm) / 5100, 10);
    // e^{-6000}: the unnormalised product would underflow to 0.
    const lambda = floquetExponent(schedule(100_000, 100)) * DAY;
    expect(lambda).toBeCloseTo((100_000 * eigenvalues2(ON)[1] + 100 * eigenvalues2(OFF)[1]) / 100_100, 3);
  });
});

/** Perron root of a non-negative 2x2 matrix. */
function spectralRadiusOf(M: Mat2): number {
  const h = (M[0] - M[3]) / 2;
  return (M[0] + M[3]) / 2 + Math.sqrt(h * h + M[1] * M[2]);
}

describe('monodromy agrees with the closed-form 2x2 exponentials', () => {
  const rate = fc.double({ min: -1, max: 1, noNaN: true });
  const sw = fc.double({ min: 0, max: 0.2, noNaN: true });
  const mat = fc.tuple(rate, rate, sw, sw).map(([a, b, c, d]) => twoTypeMatrix(a, b, c, d));
  it('exp(A2 t2) exp(A1 t1)', () => {
    fc.assert(
      fc.property(mat, mat, fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (A1, A2, t1, t2) => {
        const M = monodromy([
          { A: perHour(A1), durationH: t1 * DAY },
          { A: perHour(A2), durationH: t2 * DAY },
        ]);
        const P = mul2(expm2(A2, t2), expm2(A1, t1));
        const scale = Math.exp(M.logScale);
        for (let i = 0; i < 4; i++) {
          const got = M.matrix[i >> 1][i & 1] * scale;
          expect(Math.abs(got - P[i])).toBeLessThanOrEqual(1e-9 * Math.max(...P.map(Math.abs)));
        }
        expect(M.periodH).toBeCloseTo((t1 + t2) * DAY, 9);
      }),
      { numRuns: 50 },
    );
  });

  it('spectral radius handles complex eigenvalues', () => {
    expect(spectralRadius([[0, -2], [2, 0]])).toBeCloseTo(2, 12);
  });
});
