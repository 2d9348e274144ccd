// runScenario: simulate a loaded scenario in memory, as `persim run` does, and return what
// it would write: summary.json's object (the same fields and, for the same scenario text,
// file name, overrides and seed, the same bytes once written as JSON.stringify(summary,
// null, 2) + '\n'), the time series (timeseries.csv's numbers, and its text on request) and,
// with `arms:`, each arm's results and arms.json's comparison.
import type { Simulation } from '../engine/simulate.js';
import { timeseriesCsv } from '../output/timeseriesCsv.js';
import type { Summary } from '../output/summaryJson.js';
import { armsDocument, type ArmsDocument } from '../report/armsFiles.js';
import { compareArms } from '../report/compareArms.js';
import { loadArms } from '../scenario/arms.js';
import { loadScenarioText, parseScenarioDocument } from '../scenario/load.js';
import type { LoadedScenario } from './load.js';
import { sha256Hex } from './sha256.js';
import { simulateVariants, type RunVariant } from './simulateArms.js';

export interface RunOptions {
  /** Override the scenario's seed, replicates or engine (validated like `--seed`, `--replicates`, `--engine`). */
  readonly seed?: number;
  readonly replicates?: number;
  readonly engine?: 'agent' | 'population' | 'auto';
  /** Called after each replicate with the replicates done and in total (over every arm). */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
  /** Aborting rejects the promise with the signal's reason, between replicates. */
  readonly signal?: AbortSignal;
}

/** One replicate's record-time series: the numbers of timeseries.csv. */
export interface ReplicateSeries {
  readonly replicate: number;
  readonly sensitive: Float64Array;
  readonly persister: Float64Array;
  /** Scenarios with a resistant phenotype. */
  readonly resistant?: Float64Array;
  /** FOSL1 switch: mean and standard deviation of the living cells' levels (NaN when none). */
  readonly fosl1Mean?: Float64Array;
  readonly fosl1Sd?: Float64Array;
}

export interface Timeseries {
  /** Record times, hours (t = 0 included). */
  readonly timesH: Float64Array;
  readonly replicates: readonly ReplicateSeries[];
  /** timeseries.csv exactly as `persim run` writes it. */
  csv(): string;
}

export interface ArmRunResult {
  readonly name: string;
  /** The arm's output folder in `persim run`. */
  readonly slug: string;
  readonly summary: Summary;
  readonly timeseries: Timeseries;
}

export interface RunResult {
  /** summary.json; with arms, the first (reference) arm's. */
  readonly summary: Summary;
  readonly timeseries: Timeseries;
  /** Scenarios with `arms:`: arms.json's document and every arm's results. */
  readonly arms?: { readonly comparison: ArmsDocument; readonly runs: readonly ArmRunResult[] };
}

function timeseriesOf(sim: Simulation): Timeseries {
  return {
    timesH: sim.timeline.recordTimes,
    replicates: sim.outcomes.map((o) => ({
      replicate: o.replicate,
      sensitive: o.sensitive,
      persister: o.persister,
      ...(o.resistant !== undefined ? { resistant: o.resistant } : {}),
      ...(o.fosl1Mean !== undefined ? { fosl1Mean: o.fosl1Mean, fosl1Sd: o.fosl1Sd } : {}),
    })),
    csv: () => timeseriesCsv(sim),
  };
}

/** The command line's overrides for these options, in the CLI's order (--set, --seed, --replicates, --engine). */
function overridesOf(loaded: LoadedScenario, opts: RunOptions): string[] {
  const sets = [...loaded.set];
  if (opts.seed !== undefined) sets.push(`seed=${opts.seed}`);
  if (opts.replicates !== undefined) sets.push(`replicates=${opts.replicates}`);
  if (opts.engine !== undefined) sets.push(`engine=${opts.engine}`);
  return sets;
}

export async function runScenario(loaded: LoadedScenario, opts: RunOptions = {}): Promise<RunResult> {
  const sets = overridesOf(loaded, opts);
  const s = sets.length === loaded.set.length ? loaded.scenario : loadScenarioText(loaded.text, loaded.file, sets);
  const arms = loadArms(parseScenarioDocument(loaded.text, loaded.file), sets);
  const identity = { name: s.name, file: loaded.file, sha256: sha256Hex(loaded.text), overrides: sets };
  const variants: RunVariant[] = arms.length > 0 ? arms : [{ name: s.name, slug: null, sets: [], scenario: s }];
  const onProgress = opts.onProgress;
  const runs = await simulateVariants(variants, identity, {
    signal: opts.signal,
    onProgress: onProgress === undefined ? undefined : (done, total) => onProgress({ done, total }),
  });
  const first = runs[0];
  const result = { summary: first.result.summary, timeseries: timeseriesOf(first.sim) };
  if (arms.length === 0) return result;
  const rows = compareArms(runs.map((r) => r.result));
  const comparison = armsDocument(identity, first.result.summary.seed, first.result.summary.replicates, rows, runs.map((r) => r.result.summary.scenario.overrides));
  const armRuns = runs.map((r) => ({ name: r.result.name, slug: r.result.slug ?? '', summary: r.result.summary, timeseries: timeseriesOf(r.sim) }));
  return { ...result, arms: { comparison, runs: armRuns } };
}
