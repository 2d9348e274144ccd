// Long-run growth rate of the mean under a periodic schedule (Floquet exponent, SCIENCE.md
// D13): for phases (A_1, t_1), ..., (A_k, t_k) repeating with period T = sum t_i,
//   Lambda = (1/T) ln rho(exp(A_k t_k) ... exp(A_1 t_1)),  rho the spectral radius.
// The mean is controlled iff Lambda < 0. Works for any n x n mean matrix (mathjs expm and
// eigs); the product is renormalised as it goes so long periods neither under- nor overflow.
// Imports mathjs: only explain.ts (loaded lazily by the CLI) and tests may import this file.
import { eigs, expm, matrix, multiply, type Matrix } from 'mathjs';

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

/** Largest ||A t|| handed to expm in one piece. */
const MAX_EXPONENT = 30;

export function monodromy(phases: readonly FloquetPhase[]): Monodromy {
  const n = phases.length > 0 ? phases[0].A.length : 0;
  let product: Matrix = matrix(identity(n));
  let logScale = 0;
  let periodH = 0;
  for (const { A, durationH } of phases) {
    periodH += durationH;
    const norm = Math.max(0, ...A.map((row) => row.reduce((acc, x) => acc + Math.abs(x), 0)));
    const pieces = Math.max(1, Math.ceil((norm * durationH) / MAX_EXPONENT));
    const step = expm(matrix(A.map((row) => row.map((x) => (x * durationH) / pieces))));
    for (let p = 0; p < pieces; p++) {
      product = multiply(step, product);
      const m = product.toArray() as number[][];
      const big = Math.max(...m.map((row) => Math.max(...row.map(Math.abs))));
      if (big > 0 && Number.isFinite(big)) {
        logScale += Math.log(big);
        product = matrix(m.map((row) => row.map((x) => x / big)));
      }
    }
  }
  return { matrix: product.toArray() as number[][], logScale, periodH };
}

/** Spectral radius of a square matrix (eigenvalues may be complex). */
export function spectralRadius(M: readonly (readonly number[])[]): number {
  const values = eigs(M.map((row) => [...row]), { eigenvectors: false }).values;
  const list = (Array.isArray(values) ? values : values.toArray()) as unknown[];
  let rho = 0;
  for (const v of list) {
    const abs = typeof v === 'number' ? Math.abs(v) : Math.hypot((v as { re: number }).re, (v as { im: number }).im);
    if (abs > rho) rho = abs;
  }
  return rho;
}

/** Lambda, per hour: the mean's long-run exponential growth rate when the phases repeat forever. */
export function floquetExponent(phases: readonly FloquetPhase[]): number {
  const { matrix: M, logScale, periodH } = monodromy(phases);
  if (!(periodH > 0)) throw new RangeError('floquetExponent: the period must be positive');
  return (logScale + Math.log(spectralRadius(M))) / periodH;
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}
