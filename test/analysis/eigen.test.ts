// eigen.ts against closed forms: matrices built from chosen eigenvalues with exact
// (dyadic) entries, so the expected values are exact, including badly scaled ones where
// mathjs 15's eigs lost most of the small eigenvalue's digits.
import { describe, expect, it } from 'vitest';
import { det2, eigenvalues2x2, spectralRadius } from '../../src/analysis/eigen.js';

const relErr = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

/** [[mu1 - s, s], [mu1 - mu2 - s, mu2 + s]]: trace mu1 + mu2, determinant mu1 mu2, a12 a21 >= 0 for 0 <= s <= mu1 - mu2. */
function withEigenvalues(mu1: number, mu2: number, s: number): [number, number, number, number] {
  return [mu1 - s, s, mu1 - mu2 - s, mu2 + s];
}

/** Exact value of a d - b c for doubles, as a double (BigInt over a common power of two). */
function exactDet(a: number, b: number, c: number, d: number): number {
  const SHIFT = 1100n;
  const big = (x: number): bigint => {
    if (x === 0) return 0n;
    let v = Math.abs(x);
    let exp = 0;
    while (v !== Math.floor(v)) { v *= 2; exp++; }
    return BigInt(Math.sign(x)) * BigInt(v) * 2n ** (SHIFT - BigInt(exp));
  };
  const num = big(a) * big(d) - big(b) * big(c); // scaled by 2^(2 SHIFT)
  const neg = num < 0n;
  let mag = neg ? -num : num;
  let exp = -2 * Number(SHIFT);
  while (mag >= 2n ** 60n) { mag >>= 1n; exp++; }
  return (neg ? -1 : 1) * Number(mag) * 2 ** exp;
}

describe('eigenvalues2x2: the closed form, to rounding, however badly scaled', () => {
  const cases: [number, number, number][] = [
    [-0.01, -1, 0.25],
    [0.3, -0.011, 0.001],
    [2 ** -40, -1024, 0.25], // eigenvalues 12 orders of magnitude apart
    [1024, -(2 ** -36), 2 ** -20],
    [-(2 ** -30), -(2 ** 12), 3 * 2 ** -8],
    [2 ** 10, 2 ** 10 - 2 ** -20, 2 ** -22], // nearly equal eigenvalues
    [5, 5, 0], // equal eigenvalues (a Jordan-free diagonal)
  ];
  it.each(cases)('eigenvalues %s and %s (s = %s)', (mu1, mu2, s) => {
    const A = withEigenvalues(mu1, mu2, s);
    const [lo, hi] = eigenvalues2x2(...A);
    expect(relErr(hi, mu1)).toBeLessThan(1e-14);
    expect(mu2 === 0 ? Math.abs(lo) : relErr(lo, mu2)).toBeLessThan(1e-14);
  });

  it('keeps the small eigenvalue of a matrix where mathjs eigs was 290% off', () => {
    // Found by comparing mathjs 15.2 eigs with the closed form on random badly scaled mean matrices:
    // eigs gave 9.09e-13 for the small eigenvalue, the closed form 2.333e-13.
    const A: [number, number, number, number] = [6.5339056166513855e-12, 0.0000051748783776177555, 0.001476067939455062, 1212.3449972512276];
    const [lo, hi] = eigenvalues2x2(...A);
    // The large eigenvalue has no cancellation; the small one is det / large, det exact.
    const det = exactDet(...A);
    expect(relErr(lo * hi, det)).toBeLessThan(1e-14);
    expect(relErr(lo + hi, A[0] + A[3])).toBeLessThan(1e-15);
    expect(lo).toBeCloseTo(2.3332939362935e-13, 25);
  });

  it('det2 is exact to rounding where a d - b c cancels', () => {
    const A: [number, number, number, number] = [6.5339056166513855e-12, 0.0000051748783776177555, 0.001476067939455062, 1212.3449972512276];
    const det = exactDet(...A);
    expect(relErr(det2(...A), det)).toBeLessThan(1e-15);
  });

  it('[[1 + e, 1], [1, 1 - e]]: 1 +/- sqrt(1 + e^2), where a d - b c rounds to 0', () => {
    const e = 2 ** -30;
    expect((1 + e) * (1 - e) - 1).toBe(0); // the naive determinant
    const [lo, hi] = eigenvalues2x2(1 + e, 1, 1, 1 - e);
    expect(relErr(lo, -(e * e) / (1 + Math.sqrt(1 + e * e)))).toBeLessThan(1e-15);
    expect(relErr(hi, 1 + Math.sqrt(1 + e * e))).toBeLessThan(1e-15);
  });

  it('refuses a complex spectrum', () => {
    expect(() => eigenvalues2x2(0, -1, 1, 0)).toThrow(RangeError);
  });
});

/** S D S^-1 with S = [[1,1,0],[0,1,1],[0,0,1]] (integer inverse), rescaled by T = diag(1, 2^k, 2^-k): exact entries, eigenvalues those of D. */
function conjugated(D: readonly (readonly number[])[], k: number): number[][] {
  const S = [[1, 1, 0], [0, 1, 1], [0, 0, 1]];
  const Si = [[1, -1, 1], [0, 1, -1], [0, 0, 1]];
  const mul = (X: number[][] | readonly (readonly number[])[], Y: number[][] | readonly (readonly number[])[]) =>
    X.map((row) => Y[0].map((_, j) => row.reduce((acc, x, m) => acc + x * Y[m][j], 0)));
  const A = mul(mul(S, D), Si);
  const t = [1, 2 ** k, 2 ** -k];
  return A.map((row, i) => row.map((x, j) => (x * t[i]) / t[j]));
}

const diag = (a: number, b: number, c: number) => [[a, 0, 0], [0, b, 0], [0, 0, c]];

describe('spectralRadius: closed forms for 2x2 and 3x3', () => {
  it.each([
    ['distinct real', diag(0.5, -3, 2), 3],
    ['a dominant pair of opposite sign', diag(2, -2, 1), 2],
    ['nearly equal moduli', diag(1, 1 - 2 ** -30, 0.25), 1],
    ['tiny', diag(2 ** -40, 2 ** -41, -(2 ** -42)), 2 ** -40],
    ['huge', diag(2 ** 40, 3, -5), 2 ** 40],
  ])('%s eigenvalues, scaled by 2^0 and 2^30', (_, D, rho) => {
    for (const k of [0, 30]) expect(relErr(spectralRadius(conjugated(D, k)), rho)).toBeLessThan(1e-13);
  });

  it('complex eigenvalues: a rotation block (rho 2) and a 3x3 with 1 +/- 2i', () => {
    expect(relErr(spectralRadius([[0, -2], [2, 0]]), 2)).toBeLessThan(1e-14);
    // [[1, -2, 0], [2, 1, 0], [0, 0, 0.5]] conjugated: eigenvalues 1 +/- 2i and 0.5.
    const R = conjugated([[1, -2, 0], [2, 1, 0], [0, 0, 0.5]], 20);
    expect(relErr(spectralRadius(R), Math.sqrt(5))).toBeLessThan(1e-13);
  });

  it('a Jordan block and a nilpotent matrix', () => {
    expect(relErr(spectralRadius([[2, 1], [0, 2]]), 2)).toBeLessThan(1e-14);
    expect(spectralRadius([[0, 1], [0, 0]])).toBe(0);
  });

  it('the Perron root of a badly scaled non-negative 2x2 (the closed form)', () => {
    const M = [[1e-9, 3e-3], [2e5, 7.5]];
    const h = (M[0][0] - M[1][1]) / 2;
    const perron = (M[0][0] + M[1][1]) / 2 + Math.sqrt(h * h + M[0][1] * M[1][0]);
    expect(relErr(spectralRadius(M), perron)).toBeLessThan(1e-14);
  });
});
