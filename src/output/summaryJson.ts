// summary.json (DESIGN.md): version, scenario identity, seed, engine, step, the relapse
// summary across replicates and one entry per replicate. No wall-clock time or host name,
// so the same scenario and seed give the same bytes. With a resistant phenotype `final` has
// `resistant` (and `total` counts it); with lineage barcodes each run has `clones` (at the
// end of the run) and the summary has `barcodes` (how many were given, and the initial cells
// per barcode: 1, or more when the population engine shares its capped barcodes); with an
// adaptive drug each run has `cumulative_dose` for every drug.
import type { ReplicateOutcome } from '../engine/outcome.js';
import type { Simulation } from '../engine/simulate.js';
import { scheduledCumulativeDose } from '../model/cumulativeDose.js';
import { relapseTime } from '../analysis/relapseEvent.js';
import { relapseSummary, type RelapseSummary } from '../analysis/relapseSummary.js';
import { relapseThreshold } from '../model/scenario.js';
import { PERSIM_VERSION } from '../model/version.js';
import { round6 } from './numbers.js';

export interface ScenarioIdentity {
  readonly name: string;
  readonly file: string;
  readonly sha256: string;
  /** The --set overrides applied on top of the file, in order. */
  readonly overrides: readonly string[];
}

export interface RunRecord {
  replicate: number;
  nadir_h: number;
  nadir_cells: number;
  responded: boolean;
  /** null when it did not relapse, and when it never responded (relapseEvent.ts). */
  relapse_h: number | null;
  extinct_h: number | null;
  final: { sensitive: number; persister: number; resistant?: number; total: number };
  /** Lineage barcodes: barcodes with living cells, the largest clone's share of them (null if none) and Shannon diversity (nats). */
  clones?: { surviving_barcodes: number; largest_clone_share: number | null; shannon_diversity: number };
  /** Scenarios with an adaptive drug: per drug, the concentration integrated over the horizon (concentration x hours). */
  cumulative_dose?: Record<string, number>;
}

export interface Summary {
  persim_version: string;
  scenario: ScenarioIdentity;
  seed: number;
  replicates: number;
  engine: string;
  engine_reason: string;
  dt_h: number;
  horizon_h: number;
  relapse_threshold_cells: number;
  relapse: RelapseSummary;
  /** Lineage barcodes: how many were given at t = 0, and the initial cells per barcode. */
  barcodes?: { count: number; initial_cells_per_barcode: number };
  runs: RunRecord[];
}

const r6OrNull = (x: number | null) => (x === null ? null : round6(x));

function barcodesField(sim: Simulation): Pick<Summary, 'barcodes'> {
  const count = sim.outcomes.find((o) => o.clones !== undefined)?.clones?.barcodes;
  return count === undefined ? {} : { barcodes: { count, initial_cells_per_barcode: round6(sim.scenario.population.initial / count) } };
}

/** The line `persim run` prints on stderr when barcodes are shared by several initial cells, or null. */
export function barcodesNotice(sim: Simulation): string | null {
  const b = barcodesField(sim).barcodes;
  if (b === undefined || b.initial_cells_per_barcode <= 1) return null;
  return `persim: lineage: ${b.count} barcodes for ${sim.scenario.population.initial.toExponential(2).replace('e+', 'e')} initial cells; each initial cell drew one at random, so a barcode marks about ${b.initial_cells_per_barcode.toPrecision(3)} founders (the population engine's cap; README, "The population engine")`;
}

export function buildSummary(sim: Simulation, scenario: ScenarioIdentity): Summary {
  const s = sim.scenario;
  return {
    persim_version: PERSIM_VERSION,
    scenario,
    seed: s.seed,
    replicates: sim.outcomes.length,
    engine: sim.engine.engine,
    engine_reason: sim.engine.reason,
    dt_h: round6(sim.timeline.dtH),
    horizon_h: s.time.horizonH,
    relapse_threshold_cells: relapseThreshold(s),
    relapse: roundedRelapse(relapseSummary(sim.outcomes, s.time.horizonH)),
    ...barcodesField(sim),
    runs: sim.outcomes.map((o) => ({
      replicate: o.replicate,
      nadir_h: round6(o.nadirH),
      nadir_cells: o.nadirCells,
      responded: o.responded,
      relapse_h: r6OrNull(relapseTime(o)),
      extinct_h: r6OrNull(o.extinctH),
      final: finalCounts(o),
      ...clonalFields(sim, o),
    })),
  };
}

function finalCounts(o: ReplicateOutcome): RunRecord['final'] {
  const { sensitive, persister, resistant } = o.final;
  return resistant === undefined
    ? { sensitive, persister, total: sensitive + persister }
    : { sensitive, persister, resistant, total: sensitive + persister + resistant };
}

function clonalFields(sim: Simulation, o: ReplicateOutcome): Pick<RunRecord, 'clones' | 'cumulative_dose'> {
  const out: Pick<RunRecord, 'clones' | 'cumulative_dose'> = {};
  const c = o.clones?.final;
  if (c !== undefined) {
    out.clones = { surviving_barcodes: c.surviving, largest_clone_share: r6OrNull(c.largestShare), shannon_diversity: round6(c.shannon) };
  }
  const s = sim.scenario;
  if (s.drugs.some((d) => d.adaptive !== undefined)) {
    const dose = (name: string) => (o.dosing !== undefined && o.dosing.drug === name ? o.dosing.dose * o.dosing.onHours : 0);
    out.cumulative_dose = Object.fromEntries(s.drugs.map((d) => [d.name, round6(d.adaptive !== undefined ? dose(d.name) : scheduledCumulativeDose(d, s.time.horizonH))]));
  }
  return out;
}

function roundedRelapse(r: RelapseSummary): RelapseSummary {
  return {
    ...r,
    median_h: r6OrNull(r.median_h),
    ci95_h: [r6OrNull(r.ci95_h[0]), r6OrNull(r.ci95_h[1])],
    probability: round6(r.probability),
    probability_ci95: [round6(r.probability_ci95[0]), round6(r.probability_ci95[1])],
  };
}

export function summaryJson(summary: Summary): string {
  return JSON.stringify(summary, null, 2) + '\n';
}
