// Simulates a run's variants (the scenario, or each of its arms) as `persim run` does: the
// same engine plan and replicates, the FOSL1 level histograms from the record hooks, the
// summary.json of each. Shared by the CLI and runScenario, so both give the same summaries.
// It returns to the event loop now and then (at most every YIELD_MS of simulation), so that
// an AbortSignal can stop it between replicates and a page stays responsive.
import { planEngine, runReplicate, type Simulation } from '../engine/simulate.js';
import type { Scenario } from '../model/scenario.js';
import type { ReplicateOutcome } from '../engine/outcome.js';
import { buildSummary, type ScenarioIdentity } from '../output/summaryJson.js';
import { armFromSimulation } from '../report/armResult.js';
import { levelCollector } from '../report/levelSeries.js';
import type { ArmRun } from '../report/outputTree.js';

export interface RunVariant {
  readonly name: string;
  /** The arm's folder name; null for a scenario without arms. */
  readonly slug: string | null;
  /** The arm's own overrides, after the run's. */
  readonly sets: readonly string[];
  readonly scenario: Scenario;
}

export interface SimulateOptions {
  /** After each replicate: replicates done and in total, over every variant. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

const YIELD_MS = 50;

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function simulateVariants(variants: readonly RunVariant[], identity: ScenarioIdentity, opts: SimulateOptions = {}): Promise<ArmRun[]> {
  const total = variants.reduce((n, v) => n + v.scenario.replicates, 0);
  let done = 0;
  let lastTurn = Date.now();
  const runs: ArmRun[] = [];
  for (const v of variants) {
    opts.signal?.throwIfAborted();
    const levels = levelCollector(v.scenario);
    const { engine, timeline } = planEngine(v.scenario);
    const outcomes: ReplicateOutcome[] = [];
    for (let r = 1; r <= v.scenario.replicates; r++) {
      if (Date.now() - lastTurn >= YIELD_MS) {
        await nextTurn();
        lastTurn = Date.now();
      }
      opts.signal?.throwIfAborted();
      outcomes.push(runReplicate(v.scenario, timeline, r, undefined, levels?.hooks.onLevels, engine.engine, undefined, levels?.hooks.onLevelBins));
      opts.onProgress?.(++done, total);
    }
    const sim: Simulation = { scenario: v.scenario, timeline, engine, outcomes };
    const id: ScenarioIdentity & { arm?: string } = v.slug === null ? identity : { ...identity, overrides: [...identity.overrides, ...v.sets], arm: v.name };
    const summary = buildSummary(sim, id);
    runs.push({ sim, result: armFromSimulation(v.name, v.slug, sim, summary, levels?.result()) });
  }
  return runs;
}
