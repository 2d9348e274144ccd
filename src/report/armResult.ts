// The results of one arm as the charts, the tables and the report read them: the resolved
// scenario and its timeline, the counts of every replicate at the record times, and each
// replicate's relapse observation. Built from a simulation in memory (`run`) or from the
// files a run wrote (`report`), so both draw the same pictures.
import type { SurvivalObservation } from '../analysis/kaplanMeier.js';
import { responderObservations } from '../analysis/relapseEvent.js';
import type { LevelHistograms } from '../analysis/levelHistogram.js';
import type { Simulation } from '../engine/simulate.js';
import type { Scenario } from '../model/scenario.js';
import { compileTimeline, type Timeline } from '../model/timeline.js';
import type { Summary } from '../output/summaryJson.js';
import { cloneGroupsFromCsv, cloneGroupsOf, dosingFromCsv, dosingOf, type CloneGroup, type DosingSeries } from './clonalSeries.js';
import { levelHistogramsFromCsv } from './levelSeries.js';

export interface ArmResult {
  /** The arm's name, or the scenario's name for a run without arms. */
  readonly name: string;
  /** The arm's output folder; null for a run without arms. */
  readonly slug: string | null;
  readonly scenario: Scenario;
  readonly timeline: Timeline;
  /** Record times in hours. */
  readonly times: Float64Array;
  /** Per replicate, counts at the record times. */
  readonly sensitive: readonly Float64Array[];
  readonly persister: readonly Float64Array[];
  /** Per replicate, resistant counts at the record times (scenarios with a resistant phenotype). */
  readonly resistant?: readonly Float64Array[];
  /** Lineage barcodes: clone sizes at each sample time and at relapse. */
  readonly clones?: readonly CloneGroup[];
  /** Adaptive dosing: every replicate's decisions at the checks. */
  readonly dosing?: DosingSeries;
  /** FOSL1 switch: the level's distribution at the chosen times (levels.csv). */
  readonly levels?: LevelHistograms;
  /** Per replicate that responded: relapse time, or censored at the horizon (extinct or not relapsed); see relapseEvent.ts. */
  readonly relapse: readonly SurvivalObservation[];
  readonly summary: Summary;
}

/** Relapse observations of the responders as summary.json gives them (DESIGN.md: relapse_h null when none). */
export function relapseObservations(summary: Summary): SurvivalObservation[] {
  return responderObservations(summary.runs.map((r) => ({ responded: r.responded, relapseH: r.relapse_h })), summary.horizon_h);
}

/** `levels`: the level histograms collected while simulating (report/levelSeries.ts), if any. */
export function armFromSimulation(name: string, slug: string | null, sim: Simulation, summary: Summary, levels?: LevelHistograms): ArmResult {
  const clones = cloneGroupsOf(sim);
  const dosing = dosingOf(sim);
  return {
    ...(clones !== undefined ? { clones } : {}),
    ...(dosing !== undefined ? { dosing } : {}),
    ...(levels !== undefined ? { levels } : {}),
    name,
    slug,
    scenario: sim.scenario,
    timeline: sim.timeline,
    times: sim.timeline.recordTimes,
    sensitive: sim.outcomes.map((o) => o.sensitive),
    persister: sim.outcomes.map((o) => o.persister),
    ...(sim.outcomes.some((o) => o.resistant !== undefined) ? { resistant: sim.outcomes.map((o) => o.resistant ?? new Float64Array(o.sensitive.length)) } : {}),
    relapse: relapseObservations(summary),
    summary,
  };
}

export class TimeseriesFormatError extends Error {}

/** Parses timeseries.csv (replicate,time_h,sensitive,persister,..., and resistant last when present) into per-replicate counts. */
export function parseTimeseries(text: string): { times: Float64Array; sensitive: Float64Array[]; persister: Float64Array[]; resistant?: Float64Array[] } {
  const lines = text.split('\n').filter((l) => l !== '');
  const header = lines[0]?.split(',') ?? [];
  if (header.slice(0, 4).join(',') !== 'replicate,time_h,sensitive,persister') {
    throw new TimeseriesFormatError('timeseries.csv does not start with the header replicate,time_h,sensitive,persister');
  }
  const hasResistant = header.at(-1) === 'resistant';
  const byReplicate = new Map<number, { t: number[]; s: number[]; p: number[]; r: number[] }>();
  for (let i = 1; i < lines.length; i++) {
    const [r, t, s, p] = lines[i].split(',', 4).map(Number);
    if (![r, t, s, p].every(Number.isFinite)) throw new TimeseriesFormatError(`timeseries.csv line ${i + 1} is not numeric`);
    const resistant = hasResistant ? Number(lines[i].slice(lines[i].lastIndexOf(',') + 1)) : 0;
    if (!Number.isFinite(resistant)) throw new TimeseriesFormatError(`timeseries.csv line ${i + 1} is not numeric`);
    let rec = byReplicate.get(r);
    if (rec === undefined) byReplicate.set(r, (rec = { t: [], s: [], p: [], r: [] }));
    rec.t.push(t);
    rec.s.push(s);
    rec.p.push(p);
    rec.r.push(resistant);
  }
  const reps = [...byReplicate.values()];
  if (reps.length === 0) throw new TimeseriesFormatError('timeseries.csv has no rows');
  const n = reps[0].t.length;
  if (reps.some((r) => r.t.length !== n)) throw new TimeseriesFormatError('timeseries.csv has replicates of different lengths');
  return {
    times: Float64Array.from(reps[0].t),
    sensitive: reps.map((r) => Float64Array.from(r.s)),
    persister: reps.map((r) => Float64Array.from(r.p)),
    ...(hasResistant ? { resistant: reps.map((r) => Float64Array.from(r.r)) } : {}),
  };
}

/** `clonal`: the text of clones.csv (or its bytes: it may be longer than a string), dosing.csv and levels.csv, when the run wrote them. */
export function armFromFiles(
  name: string,
  slug: string | null,
  scenario: Scenario,
  summary: Summary,
  csv: string,
  clonal: { readonly clones?: string | Uint8Array; readonly dosing?: string; readonly levels?: string } = {},
): ArmResult {
  const series = parseTimeseries(csv);
  const clones = clonal.clones === undefined ? undefined : cloneGroupsFromCsv(clonal.clones, scenario, summary);
  const dosing = clonal.dosing === undefined ? undefined : dosingFromCsv(clonal.dosing);
  const levels = clonal.levels === undefined ? undefined : levelHistogramsFromCsv(clonal.levels);
  return {
    name, slug, scenario, timeline: compileTimeline(scenario), ...series, relapse: relapseObservations(summary), summary,
    ...(clones !== undefined ? { clones } : {}),
    ...(dosing !== undefined ? { dosing } : {}),
    ...(levels !== undefined ? { levels } : {}),
  };
}
