// The FOSL1 level on a grid of bins: the population engine's lattice (engine/populationFosl1.ts)
// and the level histogram's bin edges (analysis/levelHistogram.ts), so it lives below both
// (scenario math, no simulation). Bins of width dx cover
// [x0, xMax], xMax past which the level's stationary density is negligible with or without
// drug stress (model/fosl1Stationary.ts gridEnd), x0 in (-dx, 0]. Both thresholds lie on bin
// edges: dx = (on - off) / k for the smallest k that gives at least the requested number of
// bins, and the edges are off + j dx. (A threshold inside a bin moves the effective
// threshold by up to dx / 2, which shows at once in the rates of crossing it.) Hysteresis is
// kept by holding the two phenotypes apart: a sensitive compartment for every bin below the
// on threshold, a persister compartment for every bin above the off threshold, so the bins
// of the band [off, on] hold both, as in model/fosl1SteadyState.ts. A sensitive cell that
// reaches a bin above the on threshold becomes a persister there; a persister that reaches a
// bin below the off threshold becomes sensitive.
//
// Inheritance: a daughter's level is its mother's plus N(0, inheritance_noise^2). On the
// grid each daughter moves by a kernel of k bins with mean 0 and variance exactly
// (inheritance_noise / dx)^2 bins^2, the moments of the continuous displacement: one bin up
// or down with probability v/2 each while v <= 1, a discrete Gaussian above.
import { forcing, NO_DRUG } from './fosl1Drift.js';
import { gridEnd } from './fosl1Stationary.js';
import type { Fosl1Switch, Scenario } from './scenario.js';

/** Default number of bins of the level (the population engine's lattice). */
export const DEFAULT_BINS = 64;

export interface Fosl1Grid {
  readonly bins: number;
  readonly dx: number;
  /** Lower edge of bin 0 (bin b covers [x0 + b dx, x0 + (b + 1) dx)). */
  readonly x0: number;
  /** Compartments: their bin, phenotype (0 sensitive, 1 persister) and level (bin centre, at least 0). */
  readonly size: number;
  readonly bin: Int32Array;
  readonly phenotype: Uint8Array;
  readonly level: Float64Array;
  /** Compartment of the sensitive / persister pool at each bin, or -1. */
  readonly sensitiveAt: Int32Array;
  readonly persisterAt: Int32Array;
}

/** Past this many times the requested bins, only the on threshold is put on an edge. */
const MAX_BIN_FACTOR = 4;

/** The top of the grid: past it the level's density is negligible (with and without drug stress), above the on threshold and the initial level. */
export function gridTop(s: Scenario, sw: Fosl1Switch): number {
  let xMax = Math.max(gridEnd(sw, NO_DRUG), sw.onThreshold * 1.05);
  if (s.drugs.some((d) => d.effect === 'kill')) xMax = Math.max(xMax, gridEnd(sw, forcing(1)));
  if (sw.initialLevel !== 'stationary') xMax = Math.max(xMax, sw.initialLevel * 1.05);
  return xMax;
}

/** A grid of at least minBins bins of width at most gridTop / minBins. */
export function fosl1Grid(s: Scenario, sw: Fosl1Switch, minBins: number): Fosl1Grid {
  const xMax = gridTop(s, sw);
  const band = sw.onThreshold - sw.offThreshold;
  let dx = band / Math.ceil((minBins * band) / xMax);
  if (!(xMax / dx <= MAX_BIN_FACTOR * minBins)) dx = xMax / minBins;
  const x0 = sw.onThreshold - Math.ceil(sw.onThreshold / dx - 1e-9) * dx;
  const bins = Math.ceil((xMax - x0) / dx - 1e-9);
  const tol = 1e-9 * dx;
  const sensitiveAt = new Int32Array(bins).fill(-1);
  const persisterAt = new Int32Array(bins).fill(-1);
  const bin: number[] = [];
  const phenotype: number[] = [];
  for (let b = 0; b < bins; b++) {
    const lower = x0 + b * dx;
    if (lower + dx <= sw.onThreshold + tol) {
      sensitiveAt[b] = bin.length;
      bin.push(b);
      phenotype.push(0);
    }
    if (lower >= sw.offThreshold - tol) {
      persisterAt[b] = bin.length;
      bin.push(b);
      phenotype.push(1);
    }
  }
  return {
    bins, dx, x0, size: bin.length,
    bin: Int32Array.from(bin), phenotype: Uint8Array.from(phenotype), level: Float64Array.from(bin, (b) => Math.max(0, x0 + (b + 0.5) * dx)),
    sensitiveAt, persisterAt,
  };
}

/** The bin holding level x (clamped to the grid). */
export function binOf(g: Fosl1Grid, x: number): number {
  const b = Math.floor((x - g.x0) / g.dx);
  return b < 0 ? 0 : b >= g.bins ? g.bins - 1 : b;
}

/** The compartment a cell of pool `pool` reaches at bin b (clamped to the grid): its own pool's, or the other's if it crossed a threshold. */
export function compartmentAt(g: Fosl1Grid, b: number, pool: number): number {
  const k = b < 0 ? 0 : b >= g.bins ? g.bins - 1 : b;
  const own = pool === 1 ? g.persisterAt[k] : g.sensitiveAt[k];
  return own >= 0 ? own : pool === 1 ? g.sensitiveAt[k] : g.persisterAt[k];
}

/** The compartment of pool `pool` nearest to bin b (for initial levels: a cell keeps its phenotype). */
export function nearestOfPool(g: Fosl1Grid, b: number, pool: number): number {
  const at = pool === 1 ? g.persisterAt : g.sensitiveAt;
  let k = b < 0 ? 0 : b >= g.bins ? g.bins - 1 : b;
  while (at[k] < 0) k += pool === 1 ? 1 : -1;
  return at[k];
}

/**
 * Weights of the inheritance kernel on offsets -w..w (index k + w) with mean 0 and variance v
 * (in bins^2): three points (v/2, 1 - v, v/2) while v <= 1, the fewest that match both
 * moments; above, a discrete Gaussian whose scale is found by bisection.
 */
export function inheritanceKernel(v: number): Float64Array {
  if (!(v > 0)) return Float64Array.of(1);
  if (v <= 1) return Float64Array.of(v / 2, 1 - v, v / 2);
  const weights = (sd: number) => {
    const w = Math.max(1, Math.ceil(4 * sd));
    const out = new Float64Array(2 * w + 1);
    let sum = 0;
    for (let k = -w; k <= w; k++) sum += out[k + w] = Math.exp(-(k * k) / (2 * sd * sd));
    for (let k = 0; k < out.length; k++) out[k] /= sum;
    return out;
  };
  const variance = (p: Float64Array) => {
    const w = (p.length - 1) / 2;
    let m = 0;
    for (let k = -w; k <= w; k++) m += k * k * p[k + w];
    return m;
  };
  let lo = 0.5;
  let hi = 1 + 2 * Math.sqrt(v);
  for (let it = 0; it < 100; it++) {
    const mid = (lo + hi) / 2;
    if (variance(weights(mid)) < v) lo = mid;
    else hi = mid;
  }
  return weights((lo + hi) / 2);
}
