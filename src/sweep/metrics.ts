// What a sweep reports for each point, from its replicates' records: the median relapse time
// with its 95% CI (Kaplan-Meier over the replicates that responded, those without relapse
// censored at the horizon, as in summary.json); the relapse, extinction and response probabilities with Wilson intervals;
// the medians of the nadir size, the nadir time, the persister fraction at the nadir and the
// final size (sensitive, persister and resistant cells), each with its distribution-free 95% CI.
import { kaplanMeier } from '../analysis/kaplanMeier.js';
import { relapseTime, responderObservations } from '../analysis/relapseEvent.js';
import { wilsonInterval } from '../analysis/wilson.js';
import type { SweepMetric } from '../scenario/sweepMetrics.js';
import { medianWithInterval, type Estimate } from './medianInterval.js';
import type { RunRecord } from './runRecord.js';

export type { SweepMetric } from '../scenario/sweepMetrics.js';
export { SWEEP_METRICS } from '../scenario/sweepMetrics.js';

export interface MetricInfo {
  /** Axis and table label. */
  readonly label: string;
  /** A probability (axis 0..1) or a count spanning decades (log axis). */
  readonly axis: 'linear' | 'probability' | 'log';
}

export const METRIC_INFO: Readonly<Record<SweepMetric, MetricInfo>> = {
  median_relapse_h: { label: 'median relapse time (h)', axis: 'linear' },
  relapse_probability: { label: 'relapse probability', axis: 'probability' },
  extinction_probability: { label: 'extinction probability', axis: 'probability' },
  response_probability: { label: 'response probability', axis: 'probability' },
  nadir_cells: { label: 'median nadir size (cells)', axis: 'log' },
  nadir_h: { label: 'median nadir time (h)', axis: 'linear' },
  nadir_persister_fraction: { label: 'median persister fraction at the nadir', axis: 'probability' },
  final_cells: { label: 'median final size (cells)', axis: 'log' },
};

export interface PointSummary {
  readonly replicates: number;
  readonly relapsed: number;
  readonly extinct: number;
  readonly responded: number;
  readonly metrics: Readonly<Record<SweepMetric, Estimate>>;
}

function proportion(successes: number, n: number): Estimate {
  const [lo, hi] = wilsonInterval(successes, n);
  return { value: n === 0 ? null : successes / n, lo, hi };
}

export function summarizePoint(runs: readonly RunRecord[], horizonH: number): PointSummary {
  const n = runs.length;
  const facts = runs.map((r) => ({ responded: r.responded, relapseH: r.relapse_h }));
  const relapsed = facts.filter((r) => relapseTime(r) !== null).length;
  const extinct = runs.filter((r) => r.extinct_h !== null).length;
  const responded = runs.filter((r) => r.responded).length;
  const km = kaplanMeier(responderObservations(facts, horizonH));
  const withNadir = runs.filter((r) => r.nadir_cells > 0);
  return {
    replicates: n,
    relapsed,
    extinct,
    responded,
    metrics: {
      median_relapse_h: { value: km.median, lo: km.medianLower, hi: km.medianUpper },
      relapse_probability: proportion(relapsed, n),
      extinction_probability: proportion(extinct, n),
      response_probability: proportion(responded, n),
      nadir_cells: medianWithInterval(runs.map((r) => r.nadir_cells)),
      nadir_h: medianWithInterval(runs.map((r) => r.nadir_h)),
      nadir_persister_fraction: medianWithInterval(withNadir.map((r) => r.nadir_persisters / r.nadir_cells)),
      final_cells: medianWithInterval(runs.map((r) => r.final_sensitive + r.final_persister + r.final_resistant)),
    },
  };
}

/**
 * True when the median relapse time has no value because no replicate responded (the burden
 * never fell below the relapse threshold): there is no relapse to time, so the point says
 * "no response", as a run's summary does, not "not reached".
 */
export function noResponseOf(s: PointSummary, metric: SweepMetric): boolean {
  return metric === 'median_relapse_h' && s.metrics[metric].value === null && s.replicates > 0 && s.responded === 0;
}

/**
 * P(cure) (the extinction probability, with its interval) when `metric` has no value because
 * the tumours died out: every replicate, or at least half of them for a median relapse time,
 * which then is never reached whatever the follow-up. Null otherwise.
 */
export function cureOf(s: PointSummary, metric: SweepMetric): Estimate | null {
  if (s.metrics[metric].value !== null || s.replicates === 0 || 2 * s.extinct < s.replicates) return null;
  return s.metrics.extinction_probability;
}
