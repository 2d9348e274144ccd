// sweep.json: what was run, so that a sweep can be checked, resumed, merged and repeated:
// the persim version, the scenario (file, sha256, overrides), the seed and its streams, the
// replicates per point, the dimensions and every point with its --set overrides, and, for a
// shard, which share it ran. No time stamp or host name: the same sweep gives the same bytes.
import { PERSIM_VERSION } from '../model/version.js';
import type { ScenarioIdentity } from '../output/summaryJson.js';
import { LHS_STREAM, sampleText, scaleOf, unitOf } from './design.js';
import type { SweepMetric } from './metrics.js';
import type { SweepPlan } from './plan.js';
import type { Shard } from './shard.js';

export interface DimensionJson {
  readonly path: string;
  readonly spec: string;
  /** '' for plain numbers and categories, else the unit of the values (d, /h, ...). */
  readonly unit: string;
  /** lin | log for numbers, null for categories. */
  readonly scale: 'lin' | 'log' | null;
}

export interface PointJson {
  readonly point: number;
  /** One value per dimension, in its unit. */
  readonly values: readonly (number | string)[];
  readonly set: readonly string[];
}

export interface SweepJson {
  readonly persim_version: string;
  readonly scenario: ScenarioIdentity;
  readonly seed: number;
  readonly streams: { readonly replicate: string; readonly lhs: string | null };
  readonly replicates: number;
  readonly metric: SweepMetric;
  readonly sample: string;
  readonly dimensions: readonly DimensionJson[];
  readonly points: readonly PointJson[];
  readonly shard?: { readonly index: number; readonly count: number };
}

export function buildSweepJson(plan: SweepPlan, shard: Shard | null): SweepJson {
  const json: SweepJson = {
    persim_version: PERSIM_VERSION,
    scenario: plan.identity,
    seed: plan.seed,
    streams: {
      replicate: `persim/${plan.seed}/<replicate>/<stream>: replicate r of every point draws from the same named streams (common random numbers)`,
      lhs: plan.sample.kind === 'lhs' ? `persim/${plan.seed}/0/${LHS_STREAM}` : null,
    },
    replicates: plan.replicates,
    metric: plan.metric,
    sample: sampleText(plan.sample),
    dimensions: plan.dimensions.map((d) => ({ path: d.path, spec: d.spec, unit: unitOf(d), scale: scaleOf(d) })),
    points: plan.points.map((p) => ({ point: p.index, values: p.values, set: p.sets })),
  };
  return shard === null || shard.count === 1 ? json : { ...json, shard: { index: shard.index, count: shard.count } };
}

export function sweepJsonText(json: SweepJson): string {
  return JSON.stringify(json, null, 2) + '\n';
}

/** The sweep without its shard, as the unsharded run writes it. */
export function unsharded(json: SweepJson): SweepJson {
  const { shard: _shard, ...rest } = json;
  return rest;
}

/**
 * What must agree for two runs to be parts of one sweep: everything that changes a result.
 * The scenario's file path and the metric shown may differ.
 */
export function sweepKey(json: SweepJson): string {
  const { persim_version, scenario, seed, replicates, sample, dimensions, points } = json;
  return JSON.stringify({ persim_version, sha256: scenario.sha256, overrides: scenario.overrides, seed, replicates, sample, dimensions, points });
}

/** A reader's summary of the first difference between two sweeps' keys, for error messages. */
export function describeDifference(a: SweepJson, b: SweepJson): string {
  if (a.persim_version !== b.persim_version) return `persim versions differ (${a.persim_version} and ${b.persim_version})`;
  if (a.scenario.sha256 !== b.scenario.sha256) return `the scenario files differ (sha256 ${a.scenario.sha256.slice(0, 12)}... and ${b.scenario.sha256.slice(0, 12)}...)`;
  if (JSON.stringify(a.scenario.overrides) !== JSON.stringify(b.scenario.overrides)) {
    return `the overrides differ (${a.scenario.overrides.join(' ') || 'none'} and ${b.scenario.overrides.join(' ') || 'none'})`;
  }
  if (a.seed !== b.seed) return `the seeds differ (${a.seed} and ${b.seed})`;
  if (a.replicates !== b.replicates) return `the replicates per point differ (${a.replicates} and ${b.replicates})`;
  return 'the sweep designs differ (dimensions, sampling or points)';
}
