// One refit of a calibration check, as its journal file and its rows of calibration.csv
// hold it: the true values, the posterior's quantiles at them, and the SBC rank of each truth
// (the posterior weight below it, ties counted half; uniform on [0, 1] when the fit is
// calibrated: Talts et al. 2018).
import { weightedQuantile } from '../posteriorSummary.js';
import type { SmcState } from '../smc.js';
import type { Posterior } from '../types.js';

/** The quantiles kept per parameter: the 90% and 50% central intervals and the median. */
export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface RefitRecord {
  readonly refit: number;
  readonly seed: number;
  readonly observations: number;
  readonly truth: readonly number[];
  /** quantiles[j]: parameter j at QUANTILES. */
  readonly quantiles: readonly (readonly number[])[];
  readonly rank: readonly number[];
  readonly ess: number;
  /** Distinct particles of the final posterior. */
  readonly distinct: number;
  readonly generations: number;
  readonly simulations: number;
  /** false when --max-simulations stopped the sampler before the posterior. */
  readonly reached_posterior: boolean;
}

export function weightBelow(values: readonly number[], weights: readonly number[], x: number): number {
  let below = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < x) below += weights[i];
    else if (values[i] === x) below += weights[i] / 2;
  }
  return below;
}

export function refitRecord(refit: number, seed: number, observations: number, truth: readonly number[], posterior: Posterior, state: SmcState): RefitRecord {
  const { values, weights } = posterior;
  const columns = truth.map((_, j) => values.map((v) => v[j]));
  return {
    refit, seed, observations, truth,
    quantiles: columns.map((x) => QUANTILES.map((q) => weightedQuantile(x, weights, q))),
    rank: columns.map((x, j) => weightBelow(x, weights, truth[j])),
    ess: 1 / weights.reduce((s, w) => s + w * w, 0),
    distinct: new Set(values.map((v) => v.join(','))).size,
    generations: state.generation,
    simulations: state.simulations,
    reached_posterior: state.stoppedBy === null,
  };
}

export const inInterval = (r: RefitRecord, j: number, level: 50 | 90): boolean => {
  const q = r.quantiles[j];
  const [lo, hi] = level === 90 ? [q[0], q[4]] : [q[1], q[3]];
  return lo <= r.truth[j] && r.truth[j] <= hi;
};
