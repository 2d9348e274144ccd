// Long-run growth rate of the mean under a periodic schedule (Floquet exponent, SCIENCE.md
// D13): for phases (A_1, t_1), ..., (A_k, t_k) repeating with period T = sum t_i,
//   Lambda = (1/T) ln rho(exp(A_k t_k) ... exp(A_1 t_1)),  rho the spectral radius.
// The mean is controlled iff Lambda < 0. Works for any n x n mean matrix (Metzler: its
// off-diagonal entries are rates, >= 0), with expmMetzler for the exponentials and
// eigen.ts for rho; the product is renormalised as it goes so long periods neither under-
// nor overflow.
import { spectralRadius } from './eigen.js';
import { expmMetzler } from './expmMetzler.js';
import { identity, multiply } from './denseMatrix.js';

export { spectralRadius } from './eigen.js';

export interface FloquetPhase {
  /** Mean matrix, per hour (rows and columns in the same type order for every phase). */
  readonly A: readonly (readonly number[])[];
  readonly durationH: number;
}

export interface Monodromy {
  /** The period's propagator divided by e^{logScale}. */
  matrix: number[][];
  logScale: number;
  periodH: number;
}

/** Largest ||A t|| exponentiated in one piece. */
const MAX_EXPONENT = 30;

export function monodromy(phases: readonly FloquetPhase[]): Monodromy {
  const n = phases.length > 0 ? phases[0].A.length : 0;
  let product = identity(n);
  let logScale = 0;
  let periodH = 0;
  for (const { A, durationH } of phases) {
    periodH += durationH;
    const norm = Math.max(0, ...A.map((row) => row.reduce((acc, x) => acc + Math.abs(x), 0)));
    const pieces = Math.max(1, Math.ceil((norm * durationH) / MAX_EXPONENT));
    const step = expmMetzler(A.flat(), n, durationH / pieces);
    for (let p = 0; p < pieces; p++) {
      product = multiply(step, product, n);
      let big = 0;
      for (const x of product) big = Math.max(big, Math.abs(x));
      if (big > 0 && Number.isFinite(big)) {
        logScale += Math.log(big);
        for (let q = 0; q < product.length; q++) product[q] /= big;
      }
    }
  }
  const rows = Array.from({ length: n }, (_, i) => Array.from(product.subarray(i * n, (i + 1) * n)));
  return { matrix: rows, logScale, periodH };
}

/** Lambda, per hour: the mean's long-run exponential growth rate when the phases repeat forever. */
export function floquetExponent(phases: readonly FloquetPhase[]): number {
  const { matrix: M, logScale, periodH } = monodromy(phases);
  if (!(periodH > 0)) throw new RangeError('floquetExponent: the period must be positive');
  return (logScale + Math.log(spectralRadius(M))) / periodH;
}
