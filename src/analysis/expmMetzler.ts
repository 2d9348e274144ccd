// exp(M t) of a small Metzler matrix (off-diagonal entries >= 0, as every mean matrix of a
// birth-death-switching-mutation process is), by scaling and squaring with a Taylor series
// (Moler & Van Loan 2003, SIAM Rev 45:3, method 3). The series runs on M t / 2^s with
// ||M t / 2^s|| <= 1/4, where 14 terms leave a relative error below 1e-17; squaring a
// non-negative matrix adds no cancellation, so the result is accurate to rounding.
import { identity, multiply } from './denseMatrix.js';
const TERMS = 14;
const SCALE_NORM = 0.25;

/** exp(M t) for an n x n matrix in row-major order. */
export function expmMetzler(M: ArrayLike<number>, n: number, t: number): Float64Array {
  let norm = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += Math.abs(M[i * n + j] * t);
    norm = Math.max(norm, row);
  }
  const s = norm > SCALE_NORM ? Math.ceil(Math.log2(norm / SCALE_NORM)) : 0;
  const h = t / 2 ** s;
  const X = Float64Array.from({ length: n * n }, (_, k) => M[k] * h);
  let result = identity(n);
  let term = identity(n);
  for (let k = 1; k <= TERMS; k++) {
    term = multiply(term, X, n);
    for (let q = 0; q < n * n; q++) term[q] /= k;
    for (let q = 0; q < n * n; q++) result[q] += term[q];
  }
  for (let k = 0; k < s; k++) result = multiply(result, result, n);
  return result;
}
