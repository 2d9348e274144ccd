// Eigenvalues for `persim explain`, without a matrix library, accurate on badly scaled
// matrices (rates from 1e-12 to 1e3 per hour side by side).
// - eigenvalues2x2: the eigenvalues of a 2x2 matrix with real spectrum (every mean matrix
//   of a two-type birth-death-switching process: a12 a21 >= 0). The larger-magnitude root
//   is tau + sign(tau) D, a sum without cancellation; the other is det / that root, with
//   the determinant by Kahan's algorithm (Dekker's exact products, Dekker 1971, Numer. Math.
//   18:224), so both keep their relative accuracy (Higham 2002, Accuracy and Stability of
//   Numerical Algorithms, 2nd ed., sec. 1.8 and problem 2.14).
// - spectralRadius: rho(M) of any small square matrix by Gelfand's formula,
//   rho = lim ||M^(2^k)||^(2^-k), squaring and renormalising (Horn & Johnson 2013, Matrix
//   Analysis, cor. 5.6.14). For a non-negative matrix (the one-period propagator of Floquet
//   theory) the squares involve no cancellation; the log of each norm is divided by 2^k, so
//   the rounding of late squarings does not reach the result.
import { multiply } from './denseMatrix.js';

/** [a11, a12, a21, a22] -> its two eigenvalues, ascending; requires a12 a21 >= 0. */
export function eigenvalues2x2(a11: number, a12: number, a21: number, a22: number): [number, number] {
  if (a12 * a21 < 0) throw new RangeError('eigenvalues2x2: complex eigenvalues (a12 a21 < 0)');
  const tau = (a11 + a22) / 2;
  const d = Math.hypot((a11 - a22) / 2, Math.sqrt(a12 * a21));
  const big = tau >= 0 ? tau + d : tau - d;
  if (big === 0) return [0, 0];
  const small = det2(a11, a12, a21, a22) / big;
  return big < small ? [big, small] : [small, big];
}

/** a d - b c to within a few ulps of the result (Kahan's algorithm). */
export function det2(a: number, b: number, c: number, d: number): number {
  const [p, pe] = twoProduct(a, d);
  const [q, qe] = twoProduct(b, c);
  return p - q + (pe - qe);
}

const SPLIT = 134217729; // 2^27 + 1

/** x y = p + e exactly (Dekker), barring overflow. */
function twoProduct(x: number, y: number): [number, number] {
  const p = x * y;
  const [xh, xl] = split(x);
  const [yh, yl] = split(y);
  const e = xl * yl - (((p - xh * yh) - xl * yh) - xh * yl);
  return [p, e];
}

function split(x: number): [number, number] {
  const c = SPLIT * x;
  const hi = c - (c - x);
  return [hi, x - hi];
}

/** Squarings: 2^-SQUARINGS of log ||M^(2^k)|| leaves nothing of its constant factor. */
const SQUARINGS = 64;

/** Spectral radius of an n x n matrix (rows), whatever its eigenvalues (complex included). */
export function spectralRadius(M: readonly (readonly number[])[]): number {
  const n = M.length;
  let X: Float64Array = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) X[i * n + j] = M[i][j];
  let logRho = 0;
  let weight = 1;
  let big = maxAbs(X);
  if (big === 0) return 0;
  for (let k = 0; k < SQUARINGS; k++) {
    // X = M^(2^k) / e^{c_k}, logRho = sum over earlier scales; rescale, then square.
    for (let q = 0; q < X.length; q++) X[q] /= big;
    logRho += weight * Math.log(big);
    X = multiply(X, X, n);
    weight /= 2;
    big = maxAbs(X);
    if (big === 0) return 0; // nilpotent
  }
  return Math.exp(logRho + weight * Math.log(big));
}

function maxAbs(X: Float64Array): number {
  let m = 0;
  for (const x of X) m = Math.max(m, Math.abs(x));
  return m;
}
