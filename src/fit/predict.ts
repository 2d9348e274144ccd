// The posterior-predictive distribution of one new tumour per arm: posterior draws x
// stochastic replicates, the same replicate numbers in every arm (common random numbers, so
// arms differ only by what the arm changes). Relapse follows `persim run`: among responders,
// Kaplan-Meier over the horizon (no censoring before it), so the quantiles are those of the
// relapse time; a run that never fell below the relapse threshold is "no response".
import { responderObservations } from '../analysis/relapseEvent.js';
import { kaplanMeier, survivalQuantile } from '../analysis/kaplanMeier.js';
import type { RandomStream } from '../rng/stream.js';
import type { ArmPrediction, PredictiveRun } from './types.js';

/** Particle indices of `draws` posterior draws (multinomial on the weights, from one stream). */
export function posteriorDraws(weights: readonly number[], draws: number, rng: RandomStream): number[] {
  const cum: number[] = [];
  let s = 0;
  for (const w of weights) cum.push((s += w));
  return Array.from({ length: draws }, () => {
    const u = rng.double() * s;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  });
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 === 1 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

export function armPrediction(arm: string, runs: readonly PredictiveRun[], horizonH: number): ArmPrediction {
  const n = runs.length;
  const km = kaplanMeier(responderObservations(runs.map((r) => ({ responded: r.responded, relapseH: r.relapse_h })), horizonH));
  return {
    arm,
    relapse_probability: runs.filter((r) => r.relapse_h !== null).length / n,
    relapse_median_h: survivalQuantile(km, 0.5),
    relapse_q05_h: survivalQuantile(km, 0.05),
    relapse_q95_h: survivalQuantile(km, 0.95),
    extinction_probability: runs.filter((r) => r.extinct_h !== null).length / n,
    nadir_median_cells: median(runs.map((r) => r.nadir_cells)),
    no_response_probability: runs.filter((r) => !r.responded).length / n,
  };
}

/** Quantile p of finite values (type 7, as R's default); NaN when none. */
export function quantile(values: readonly number[], p: number): number {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}
