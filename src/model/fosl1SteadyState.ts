// The drug-free steady state of a growing tumour under the FOSL1 switch, from which
// `initial_level: stationary` draws every cell's level and phenotype: the stable
// distribution of the branching process, in which the density of sensitive cells s(x) and
// of persisters p(x) keep their shape while the total grows at rate Lambda.
//
// Each density obeys a Fokker-Planck equation with growth,
//   ds/dt = -(f s)' + D_S s'' + lambda_S s,   dp/dt = -(f p)' + D_P p'' + lambda_P p,
// with D = noise^2 / 2 + division x inheritance_noise^2 (a division replaces the mother by two
// daughters displaced by N(0, inheritance_noise^2), which adds that much diffusion), the flux
// of sensitive cells through the on threshold feeding the persisters and the flux of
// persisters through the off threshold feeding the sensitive cells. On a grid of GRID cells
// this becomes a Markov chain with Scharfetter-Gummel rates (Scharfetter & Gummel 1969, IEEE
// Trans Electron Devices 16:64), h^-2 D B(-/+ f h / D) with B(z) = z / (e^z - 1), which keep the
// exact ratio exp(f h / D) of the stationary density between neighbouring cells. The stable
// distribution is the Perron eigenvector of its mean matrix M (a Metzler matrix), found by
// inverse iteration (Wilkinson 1965, The Algebraic Eigenvalue Problem) with the shift
// mu = max(lambda_S, lambda_P) + SHIFT, above the Perron root since the columns of M sum to
// lambda; mu - M is then a nonsingular M-matrix, factorised stably without pivoting. Ordering
// the unknowns by grid cell, sensitive before persister, makes M banded (width 3).
//
// Capacity is ignored (the tumour far below it). Without any noise the levels are not
// spread: every cell sits at the steady level reached from 0 (model/fosl1FixedPoints.ts).
import { fosl1Drift, NO_DRUG } from './fosl1Drift.js';
import { lowestSteadyLevel } from './fosl1FixedPoints.js';
import { gridEnd } from './fosl1Stationary.js';
import type { Fosl1Switch, PhenotypeRates } from './scenario.js';

export const STEADY_GRID = 4000;
const BAND = 3;
const SHIFT = 1e-10;
const MAX_ITERATIONS = 200;
const TOLERANCE = 1e-13;

export interface SteadyState {
  /** Grid cell width; unknown u covers [cell[u] h, (cell[u] + 1) h). Empty arrays without noise. */
  readonly h: number;
  readonly cell: Int32Array;
  readonly persister: Uint8Array;
  /** Cumulative probability over the unknowns (cdf[u] = P(unknown <= u)). */
  readonly cdf: Float64Array;
  readonly persisterFraction: number;
  /** Long-run growth rate of the untreated tumour, per hour. */
  readonly growthRate: number;
  readonly meanLevel: number;
  /** Without noise, every cell's level; otherwise NaN. */
  readonly deterministicLevel: number;
}

/** B(z) = z / (e^z - 1), the Bernoulli function (1 at z = 0). */
function bernoulli(z: number): number {
  return Math.abs(z) < 1e-8 ? 1 - z / 2 : z / Math.expm1(z);
}

/** A square band matrix: entry (i, j) for |i - j| <= BAND at data[i * W + j - i + BAND]. */
class BandMatrix {
  static readonly W = 2 * BAND + 1;
  readonly data: Float64Array;
  constructor(readonly n: number) {
    this.data = new Float64Array(n * BandMatrix.W);
  }
  add(i: number, j: number, v: number): void {
    this.data[i * BandMatrix.W + j - i + BAND] += v;
  }
  get(i: number, j: number): number {
    return Math.abs(i - j) > BAND ? 0 : this.data[i * BandMatrix.W + j - i + BAND];
  }
  set(i: number, j: number, v: number): void {
    this.data[i * BandMatrix.W + j - i + BAND] = v;
  }
  /** In-place LU without pivoting (L unit lower, both in the band). */
  factor(): void {
    const n = this.n;
    for (let k = 0; k < n; k++) {
      const pivot = this.get(k, k);
      for (let i = k + 1; i <= Math.min(n - 1, k + BAND); i++) {
        const l = this.get(i, k) / pivot;
        this.set(i, k, l);
        for (let j = k + 1; j <= Math.min(n - 1, k + BAND); j++) this.add(i, j, -l * this.get(k, j));
      }
    }
  }
  /** Solves (LU) x = b in place. */
  solve(b: Float64Array): void {
    const n = this.n;
    for (let i = 0; i < n; i++) for (let j = Math.max(0, i - BAND); j < i; j++) b[i] -= this.get(i, j) * b[j];
    for (let i = n - 1; i >= 0; i--) {
      for (let j = i + 1; j <= Math.min(n - 1, i + BAND); j++) b[i] -= this.get(i, j) * b[j];
      b[i] /= this.get(i, i);
    }
  }
}

const cache = new WeakMap<object, SteadyState>();

/** The steady state for a switch and the two phenotypes' rates (cached per switch object). */
export function populationSteadyState(sw: Fosl1Switch, sensitive: PhenotypeRates, persister: PhenotypeRates): SteadyState {
  const hit = cache.get(sw);
  if (hit !== undefined) return hit;
  const result = solve(sw, sensitive, persister);
  cache.set(sw, result);
  return result;
}

function solve(sw: Fosl1Switch, S: PhenotypeRates, P: PhenotypeRates): SteadyState {
  const lambdaS = S.divisionRate - S.deathRate;
  const lambdaP = P.divisionRate - P.deathRate;
  const dS = (sw.noise * sw.noise) / 2 + S.divisionRate * sw.inheritanceNoise * sw.inheritanceNoise;
  const dP = (sw.noise * sw.noise) / 2 + P.divisionRate * sw.inheritanceNoise * sw.inheritanceNoise;
  if (dS === 0 || dP === 0) {
    const level = lowestSteadyLevel(sw, NO_DRUG);
    const empty = new Float64Array(0);
    return {
      h: 0, cell: new Int32Array(0), persister: new Uint8Array(0), cdf: empty,
      persisterFraction: level > sw.onThreshold ? 1 : 0, growthRate: level > sw.onThreshold ? lambdaP : lambdaS, meanLevel: level, deterministicLevel: level,
    };
  }
  const n = STEADY_GRID;
  const h = gridEnd(sw, NO_DRUG) / n;
  const centre = (i: number) => (i + 0.5) * h;
  // Unknowns in grid order, sensitive (centre <= on) before persister (centre >= off).
  const sIdx = new Int32Array(n).fill(-1);
  const pIdx = new Int32Array(n).fill(-1);
  const cellOf: number[] = [];
  const isP: number[] = [];
  for (let i = 0; i < n; i++) {
    if (centre(i) <= sw.onThreshold) {
      sIdx[i] = cellOf.length;
      cellOf.push(i);
      isP.push(0);
    }
    if (centre(i) >= sw.offThreshold) {
      pIdx[i] = cellOf.length;
      cellOf.push(i);
      isP.push(1);
    }
  }
  const m = cellOf.length;
  const mu = Math.max(lambdaS, lambdaP) + SHIFT;
  const A = new BandMatrix(m); // A = mu I - M
  const jump = (from: number, to: number, rate: number) => {
    A.add(from, from, rate);
    A.add(to, from, -rate);
  };
  for (let u = 0; u < m; u++) A.add(u, u, mu - (isP[u] ? lambdaP : lambdaS));
  for (let i = 0; i < n; i++) {
    for (const persisterPool of [false, true]) {
      const u = persisterPool ? pIdx[i] : sIdx[i];
      if (u < 0) continue;
      const D = persisterPool ? dP : dS;
      const scale = D / (h * h);
      if (i + 1 < n) {
        const up = scale * bernoulli((-fosl1Drift(sw, (i + 1) * h, NO_DRUG) * h) / D);
        jump(u, persisterPool || centre(i + 1) > sw.onThreshold ? pIdx[i + 1] : sIdx[i + 1], up);
      }
      if (i > 0) {
        const down = scale * bernoulli((fosl1Drift(sw, i * h, NO_DRUG) * h) / D);
        jump(u, !persisterPool || centre(i - 1) < sw.offThreshold ? sIdx[i - 1] : pIdx[i - 1], down);
      }
    }
  }
  A.factor();
  let v = new Float64Array(m).fill(1 / m);
  const w = new Float64Array(m);
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    w.set(v);
    A.solve(w);
    let sum = 0;
    for (let u = 0; u < m; u++) sum += w[u];
    let change = 0;
    for (let u = 0; u < m; u++) {
      w[u] /= sum;
      change += Math.abs(w[u] - v[u]);
    }
    v = Float64Array.from(w);
    if (change < TOLERANCE) break;
  }
  const cdf = new Float64Array(m);
  let acc = 0;
  let fraction = 0;
  let growth = 0;
  let mean = 0;
  for (let u = 0; u < m; u++) {
    const q = Math.max(0, v[u]);
    acc += q;
    cdf[u] = acc;
    if (isP[u]) fraction += q;
    growth += q * (isP[u] ? lambdaP : lambdaS);
    mean += q * centre(cellOf[u]);
  }
  for (let u = 0; u < m; u++) cdf[u] /= acc;
  cdf[m - 1] = 1;
  return {
    h, cell: Int32Array.from(cellOf), persister: Uint8Array.from(isP), cdf,
    persisterFraction: fraction / acc, growthRate: growth / acc, meanLevel: mean / acc, deterministicLevel: NaN,
  };
}

/** A level and phenotype from uniforms u (which unknown) and v (where in its cell). */
export function drawSteadyState(st: SteadyState, u: number, v: number, out: { isPersister: boolean }): number {
  if (st.cdf.length === 0) {
    out.isPersister = st.persisterFraction === 1;
    return st.deterministicLevel;
  }
  const cdf = st.cdf;
  let lo = -1;
  let hi = cdf.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] > u) hi = mid;
    else lo = mid;
  }
  out.isPersister = st.persister[hi] === 1;
  return (st.cell[hi] + v) * st.h;
}
