// The drug-free stationary state of one cell's FOSL1 level and phenotype, in closed form up
// to quadrature, for `persim explain` and as the check of the growing tumour's steady state
// (fosl1SteadyState.ts), which reduces to it when both states grow alike.
//
// Level: a one-dimensional diffusion dx = f(x) dt + sigma dW reflecting at 0 has the
// stationary density p(x) proportional to exp(2 U(x) / sigma^2), U(x) = integral_0^x f
// (Gardiner, Handbook of Stochastic Methods, 2nd ed. 1985, ch. 5). Phenotype: below the off
// threshold a cell is sensitive, above the on threshold a persister; in between it is a
// persister iff it last touched the on threshold rather than the off threshold. By time
// reversibility of one-dimensional diffusions that probability, at stationarity, is the
// committor q(x) = integral_off^x dy / p(y) / integral_off^on dy / p(y) (the flux-balance
// solution of the Fokker-Planck equation in the hysteresis band).
//
// This is the steady state of one cell, without division: it ignores that persisters and
// sensitive cells grow at different rates and the inheritance noise at division. With noise
// 0 the level is the steady level reached from 0 (a cell that never crossed the on threshold
// on the way up is sensitive). The density grid also serves the passage times of
// analysis/fosl1Passage.ts.
import { fosl1Drift, NO_DRUG, type Fosl1Forcing } from './fosl1Drift.js';
import { fixedPoints, levelCeiling, lowestSteadyLevel } from './fosl1FixedPoints.js';
import type { Fosl1Switch } from './scenario.js';

/** Grid cells of the quadrature. */
export const STATIONARY_GRID = 8192;
/** The grid reaches this many stationary standard deviations (of a linearised well) past the top steady level. */
const TAIL_SDS = 12;

export interface StationaryLevels {
  /** Stationary persister fraction, mean and standard deviation of the level. */
  readonly persisterFraction: number;
  readonly mean: number;
  readonly sd: number;
  /** With noise 0, every cell's level; otherwise NaN. */
  readonly deterministicLevel: number;
}

function deterministic(sw: Fosl1Switch): StationaryLevels {
  const level = lowestSteadyLevel(sw, NO_DRUG);
  return { persisterFraction: level > sw.onThreshold ? 1 : 0, mean: level, sd: 0, deterministicLevel: level };
}

/**
 * log p(x) + const on an even grid of n cells over [0, xMax], with p the stationary density of
 * the level under a constant forcing: 2 U(x) / noise^2, U = integral_0^x f by Simpson's rule on
 * each cell (noise > 0).
 */
export function logDensityGrid(sw: Fosl1Switch, f: Fosl1Forcing, xMax: number, n: number): { x: Float64Array; logP: Float64Array } {
  const h = xMax / n;
  const x = new Float64Array(n + 1);
  const logP = new Float64Array(n + 1);
  const scale = 2 / (sw.noise * sw.noise);
  let U = 0;
  let fPrev = fosl1Drift(sw, 0, f);
  for (let i = 1; i <= n; i++) {
    x[i] = i * h;
    const fMid = fosl1Drift(sw, (i - 0.5) * h, f);
    const fNext = fosl1Drift(sw, x[i], f);
    U += (h * (fPrev + 4 * fMid + fNext)) / 6;
    fPrev = fNext;
    logP[i] = scale * U;
  }
  return { x, logP };
}

/** A grid end past which the stationary density under forcing f is negligible. */
export function gridEnd(sw: Fosl1Switch, f: Fosl1Forcing): number {
  const ceiling = levelCeiling(sw, f);
  const topLevel = fixedPoints(sw, f).reduce((m, p) => Math.max(m, p.level), 0);
  return Math.max(sw.onThreshold, topLevel, Number.isFinite(ceiling) ? ceiling : 0) + (TAIL_SDS * sw.noise) / Math.sqrt(2 * (sw.decay + f.promote));
}

export function stationaryLevels(sw: Fosl1Switch): StationaryLevels {
  if (sw.noise === 0) return deterministic(sw);
  const n = STATIONARY_GRID;
  const xMax = gridEnd(sw, NO_DRUG);
  const h = xMax / n;
  const { x, logP } = logDensityGrid(sw, NO_DRUG, xMax, n);
  let top = -Infinity;
  for (let i = 0; i <= n; i++) top = Math.max(top, logP[i]);
  const p = Float64Array.from(logP, (v) => Math.exp(v - top));

  // P(persister | x): 0 below off, 1 above on, the committor in between (computed with 1/p scaled by its band maximum).
  const persister = new Float64Array(n + 1);
  const iOff = Math.min(n, Math.ceil(sw.offThreshold / h));
  const iOn = Math.min(n, Math.floor(sw.onThreshold / h));
  for (let i = iOn + 1; i <= n; i++) persister[i] = 1;
  if (iOn >= iOff) {
    let bottom = Infinity;
    for (let i = iOff; i <= iOn; i++) bottom = Math.min(bottom, logP[i]);
    const inv = (i: number) => Math.exp(bottom - logP[i]);
    // Trapezoid from off (at its exact position) through the grid points to on.
    let acc = 0;
    let prevX = sw.offThreshold;
    let prevInv = inv(iOff);
    const running = new Float64Array(n + 1);
    for (let i = iOff; i <= iOn; i++) {
      acc += 0.5 * (prevInv + inv(i)) * (x[i] - prevX);
      running[i] = acc;
      prevX = x[i];
      prevInv = inv(i);
    }
    const total = acc + prevInv * (sw.onThreshold - prevX);
    for (let i = iOff; i <= iOn; i++) persister[i] = total > 0 ? running[i] / total : 1;
  }

  // Trapezoid weights of the normalised density.
  let z = 0;
  for (let i = 0; i <= n; i++) z += p[i] * h * (i === 0 || i === n ? 0.5 : 1);
  let fraction = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i <= n; i++) {
    const w = (p[i] * h * (i === 0 || i === n ? 0.5 : 1)) / z;
    fraction += w * persister[i];
    mean += w * x[i];
    m2 += w * x[i] * x[i];
  }
  return { persisterFraction: fraction, mean, sd: Math.sqrt(Math.max(0, m2 - mean * mean)), deterministicLevel: NaN };
}
