// The mean matrix of the linear two-type (sensitive S, persister P) birth-death-switching
// process and its closed-form spectral quantities, without dependencies (fast enough for
// tests, charts and the per-step mean trajectory):
//   A = [[lS - a, b], [a, lP - b]],  lX = division - death of X, a = entry, b = exit;
//   exp(A t) = e^{tau t} [cosh(D t) I + sinh(D t)/D (A - tau I)], mu = tau -/+ D
//   (SCIENCE.md D1), the stationary persister fraction (D2) and the two amplitudes of the
//   biphasic kill curve (D3). Rates in, rates out: the caller chooses the time unit.
// A's off-diagonal entries are rates, hence >= 0, so D is real (no oscillation).
import type { CellRates } from '../model/rates.js';

/** A 2x2 matrix in row-major order [a11, a12, a21, a22]. */
export type Mat2 = [number, number, number, number];

export function twoTypeMatrix(lambdaS: number, lambdaP: number, entry: number, exit: number): Mat2 {
  return [lambdaS - entry, exit, entry, lambdaP - exit];
}

/** The mean matrix for per-cell rates (crowding is not part of the linear process). */
export function meanMatrix(r: Readonly<Omit<CellRates, 'block' | 'promote' | 'divisionR' | 'deathR'>>): Mat2 {
  return twoTypeMatrix(r.divisionS - r.deathS, r.divisionP - r.deathP, r.entry, r.exit);
}

/** tau = tr(A)/2, h = (a11 - a22)/2 and D = sqrt(h^2 + a12 a21), the half-gap of the eigenvalues. */
function halves(A: Readonly<Mat2>): { tau: number; h: number; d: number } {
  const h = (A[0] - A[3]) / 2;
  return { tau: (A[0] + A[3]) / 2, h, d: Math.hypot(h, Math.sqrt(Math.max(0, A[1] * A[2]))) };
}

/** Eigenvalues [mu-, mu+] (ascending). */
export function eigenvalues2(A: Readonly<Mat2>): [number, number] {
  const { tau, d } = halves(A);
  return [tau - d, tau + d];
}

/**
 * exp(A t), written as e^{mu+ t} [(1 + e^{-x})/2 I + t g(x) (A - tau I)] with x = 2 D t and
 * g(x) = (1 - e^{-x})/x: no 0/0 as D -> 0 and no overflow beyond the result's. The smaller
 * diagonal entry uses the equal form [(D - |h|) + e^{-x} (D + |h|)] / (2 D), with
 * D - |h| = a12 a21 / (D + |h|), so every entry is a sum of non-negative terms and keeps
 * its relative accuracy even when the two modes differ by many orders of magnitude.
 */
export function expm2(A: Readonly<Mat2>, t: number, out: Mat2 = [0, 0, 0, 0]): Mat2 {
  const { tau, h, d } = halves(A);
  const x = 2 * d * t;
  const g = Math.abs(x) > 1e-12 ? -Math.expm1(-x) / x : 1 - x / 2;
  const scale = Math.exp((tau + d) * t);
  const ex = Math.exp(-x);
  const k = Math.abs(h);
  const s = scale * t * g;
  const larger = (scale * (1 + ex)) / 2 + s * k;
  const smaller = k > 0 ? (scale * ((A[1] * A[2]) / (d + k) + ex * (d + k))) / (2 * d) : larger;
  out[0] = h >= 0 ? larger : smaller;
  out[1] = s * A[1];
  out[2] = s * A[2];
  out[3] = h >= 0 ? smaller : larger;
  return out;
}

/** A B. `out` may alias either argument. */
export function mul2(A: Readonly<Mat2>, B: Readonly<Mat2>, out: Mat2 = [0, 0, 0, 0]): Mat2 {
  const m0 = A[0] * B[0] + A[1] * B[2];
  const m1 = A[0] * B[1] + A[1] * B[3];
  const m2 = A[2] * B[0] + A[3] * B[2];
  const m3 = A[2] * B[1] + A[3] * B[3];
  out[0] = m0;
  out[1] = m1;
  out[2] = m2;
  out[3] = m3;
  return out;
}

/** M v for v = (v0, v1). */
export function apply2(M: Readonly<Mat2>, v0: number, v1: number): [number, number] {
  return [M[0] * v0 + M[1] * v1, M[2] * v0 + M[3] * v1];
}

/**
 * Persister share v_P / (v_S + v_P) of the dominant eigenvector of A: the fraction the
 * population settles to (D2; the attracting root of the Riccati equation, a/(a+b) when both
 * types grow equally). The two algebraically equal forms are chosen to avoid 0/0.
 * NaN when no switching and equal growth leave the fraction wherever it starts.
 */
export function stationaryPersisterFraction(A: Readonly<Mat2>): number {
  const { h, d } = halves(A);
  const entry = A[2];
  const exit = A[1];
  if (h >= 0) return entry / (h + d + entry);
  return (d - h) / (exit + d - h);
}

/** mu+ - mu-: the rate at which the S/P composition relaxes to its stationary value (a + b at equal growth). */
export function relaxationRate(A: Readonly<Mat2>): number {
  return 2 * halves(A).d;
}

/**
 * Amplitudes of the total count along the two modes, N(t) = low e^{mu- t} + high e^{mu+ t},
 * from m(0) = (mS, mP) (D3: `high` is the persister plateau's intercept). Uses the spectral
 * projector (A - mu- I)/(mu+ - mu-); null when the eigenvalues coincide.
 */
export function modeAmplitudes(A: Readonly<Mat2>, mS: number, mP: number): { low: number; high: number } | null {
  const { h, d } = halves(A);
  if (!(d > 0)) return null;
  const high = ((h + d + A[2]) * mS + (A[1] + d - h) * mP) / (2 * d);
  return { low: mS + mP - high, high };
}
