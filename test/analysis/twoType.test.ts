import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  apply2,
  eigenvalues2,
  expm2,
  meanMatrix,
  modeAmplitudes,
  mul2,
  relaxationRate,
  stationaryPersisterFraction,
  twoTypeMatrix,
  type Mat2,
} from '../../src/analysis/twoType.js';

/** |actual - expected| within half a unit of the `digits`-th significant digit of expected. */
function expectSignificant(actual: number, expected: number, digits: number): void {
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(expected))) - digits + 1);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(unit / 2);
}

// SCIENCE.md D1: lS = -1, lP = -0.05, a = 0.001, b = 0.01 per day, m(0) = (997000, 3000).
const D1 = twoTypeMatrix(-1, -0.05, 0.001, 0.01);

describe('SCIENCE.md D1: mean of the two-type process', () => {
  it.each([
    [1, 366_430, 3_434],
    [10, 68.48, 2_228],
    [30, 7.133, 671.2],
  ])('m(%d d) = (%d, %d) to 4 significant digits', (t, mS, mP) => {
    const [s, p] = apply2(expm2(D1, t), 997_000, 3_000);
    expectSignificant(s, mS, 4);
    expectSignificant(p, mP, 4);
  });

  it('has eigenvalues -1.00101 and -0.059989 per day', () => {
    const [lo, hi] = eigenvalues2(D1);
    expectSignificant(lo, -1.00101, 6);
    expectSignificant(hi, -0.059989, 5);
  });

  it('builds A = [[lS - a, b], [a, lP - b]] from cell rates', () => {
    const A = meanMatrix({ divisionS: 0.5, deathS: 1.5, entry: 0.001, divisionP: 0.05, deathP: 0.1, exit: 0.01, stress: 1 });
    expect(A[0]).toBeCloseTo(-1.001, 12);
    expect(A[1]).toBe(0.01);
    expect(A[2]).toBe(0.001);
    expect(A[3]).toBeCloseTo(-0.06, 12);
  });
});

describe('expm2', () => {
  const rate = fc.double({ min: -2, max: 2, noNaN: true });
  const switchRate = fc.double({ min: 0, max: 0.5, noNaN: true });
  const matrices = fc.tuple(rate, rate, switchRate, switchRate).map(([lS, lP, a, b]) => twoTypeMatrix(lS, lP, a, b));

  it('has the semigroup property exp(A s) exp(A t) = exp(A (s + t))', () => {
    fc.assert(
      fc.property(matrices, fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (A, s, t) => {
        const lhs = mul2(expm2(A, s), expm2(A, t));
        const rhs = expm2(A, s + t);
        for (let i = 0; i < 4; i++) expect(Math.abs(lhs[i] - rhs[i])).toBeLessThanOrEqual(1e-11 * (1 + Math.abs(rhs[i])));
      }),
    );
  });

  it('matches a Taylor series for small t and has d/dt exp(At) = A at t = 0', () => {
    fc.assert(
      fc.property(matrices, (A) => {
        const t = 1e-3;
        const E = expm2(A, t);
        const A2 = mul2(A, A);
        const A3 = mul2(A2, A);
        const A4 = mul2(A3, A);
        const I: Mat2 = [1, 0, 0, 1];
        for (let i = 0; i < 4; i++) {
          const taylor = I[i] + A[i] * t + (A2[i] * t * t) / 2 + (A3[i] * t ** 3) / 6 + (A4[i] * t ** 4) / 24;
          expect(Math.abs(E[i] - taylor)).toBeLessThanOrEqual(1e-14);
        }
      }),
    );
  });

  it('is continuous as the eigenvalue gap D goes to 0 (no 0/0)', () => {
    // Equal diagonal and no switching in one direction: D = 0 exactly; exp(At) = e^{at}[[1, b t], [0, 1]].
    const A: Mat2 = [-0.3, 0.2, 0, -0.3];
    const E = expm2(A, 2);
    const e = Math.exp(-0.6);
    expect(E[0]).toBeCloseTo(e, 14);
    expect(E[1]).toBeCloseTo(e * 0.4, 14);
    expect(E[2]).toBe(0);
    expect(E[3]).toBeCloseTo(e, 14);
    const near: Mat2 = [-0.3, 0.2, 1e-20, -0.3];
    const En = expm2(near, 2);
    for (let i = 0; i < 4; i++) expect(Math.abs(En[i] - E[i])).toBeLessThan(1e-15);
  });

  it('keeps every entry relatively accurate when the modes differ by orders of magnitude', () => {
    const E = expm2(twoTypeMatrix(-1, 0, 0, 0), 30);
    expect(E[0] / Math.exp(-30)).toBeCloseTo(1, 13);
    expect(E[3]).toBeCloseTo(1, 15);
    const F = expm2(twoTypeMatrix(0, -1, 0, 0), 30);
    expect(F[3] / Math.exp(-30)).toBeCloseTo(1, 13);
    // With switching, the decaying diagonal entry against the direct spectral sum.
    const [lo, hi] = eigenvalues2(D1);
    const G = expm2(D1, 30);
    const a11 = ((D1[0] - lo) * Math.exp(hi * 30) + (hi - D1[0]) * Math.exp(lo * 30)) / (hi - lo);
    expect(G[0] / a11).toBeCloseTo(1, 8);
  });

  it('does not overflow for a strongly decaying matrix over a long time', () => {
    const E = expm2(D1, 1e4);
    for (const x of E) expect(Number.isFinite(x)).toBe(true);
    expect(E[3]).toBeGreaterThan(0);
  });
});

describe('SCIENCE.md D2: stationary persister fraction', () => {
  it('is a/(a+b) = 0.0909 with equal growth (a = 0.01, b = 0.1)', () => {
    expect(stationaryPersisterFraction(twoTypeMatrix(0.2, 0.2, 0.01, 0.1))).toBeCloseTo(0.01 / 0.11, 14);
    expect(relaxationRate(twoTypeMatrix(0.2, 0.2, 0.01, 0.1))).toBeCloseTo(0.11, 14);
  });

  it('is 0.024842 when S grows 0.3 per day faster (Riccati root)', () => {
    expectSignificant(stationaryPersisterFraction(twoTypeMatrix(0.3, 0, 0.01, 0.1)), 0.024842, 5);
  });

  it('equals the Riccati root [-(a+b-delta) + sqrt((a+b-delta)^2 + 4 delta a)] / (2 delta)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        (delta, a, b) => {
          fc.pre(Math.abs(delta) > 1e-3);
          const c = a + b - delta;
          const root = (-c + Math.sqrt(c * c + 4 * delta * a)) / (2 * delta);
          expect(stationaryPersisterFraction(twoTypeMatrix(0, delta, a, b))).toBeCloseTo(root, 9);
        },
      ),
    );
  });

  it('is the share the mean converges to', () => {
    const A = twoTypeMatrix(0.3, 0, 0.01, 0.1);
    const [s, p] = apply2(expm2(A, 400), 1, 0);
    expect(p / (s + p)).toBeCloseTo(stationaryPersisterFraction(A), 12);
  });
});

describe('SCIENCE.md D3: the two modes of the kill curve', () => {
  it('decomposes N(t) into low e^{mu- t} + high e^{mu+ t}', () => {
    const amp = modeAmplitudes(D1, 997_000, 3_000)!;
    const [lo, hi] = eigenvalues2(D1);
    for (const t of [0, 1, 10, 30]) {
      const [s, p] = apply2(expm2(D1, t), 997_000, 3_000);
      expect(amp.low * Math.exp(lo * t) + amp.high * Math.exp(hi * t)).toBeCloseTo(s + p, 6);
    }
  });

  it('is (1 - f0) e^{lS t} + f0 e^{lP t} exactly without switching', () => {
    expect(modeAmplitudes(twoTypeMatrix(-1, -0.05, 0, 0), 997_000, 3_000)).toEqual({ low: 997_000, high: 3_000 });
    expect(modeAmplitudes(twoTypeMatrix(-1, -1, 0, 0), 1, 1)).toBeNull();
  });
});
