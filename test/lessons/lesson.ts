// Running a lesson file from scenarios/ as the CLI would (same loader, same defaults), with
// optional --set overrides for the comparison arms; arms share seeds, so replicate r of each
// draws the same random numbers until the arms differ. Paired statistics over replicates.
import { join } from 'node:path';
import { simulate, type Simulation, type SimulationOptions } from '../../src/engine/simulate.js';
import type { ReplicateOutcome } from '../../src/engine/outcome.js';
import type { Scenario } from '../../src/model/scenario.js';
import { recordTimes } from '../../src/model/steps.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { meanAndSe } from '../helpers/stats.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');

export function loadLesson(file: string, sets: readonly string[] = []): Scenario {
  return loadScenarioFile(join(SCENARIOS, file), sets).scenario;
}

export function runLesson(file: string, sets: readonly string[] = [], opts: SimulationOptions = {}): Simulation {
  return simulate(loadLesson(file, sets), opts);
}

/** The index of the record time t (hours) of a scenario, before running it. */
export function recordIndex(s: Scenario, hours: number): number {
  const k = Array.from(recordTimes(s)).findIndex((t) => Math.abs(t - hours) < 1e-9);
  if (k < 0) throw new Error(`no record at ${hours} h`);
  return k;
}

/** The index of the record time t (hours). */
export function recordAt(sim: Simulation, hours: number): number {
  const k = sim.timeline.recordTimes.findIndex((t) => Math.abs(t - hours) < 1e-9);
  if (k < 0) throw new Error(`no record at ${hours} h`);
  return k;
}

/** Mean and standard error of a per-replicate quantity. */
export function perReplicate(sim: Simulation, f: (o: ReplicateOutcome) => number): { mean: number; se: number } {
  return meanAndSe(sim.outcomes.map(f));
}

/** Mean and standard error of the per-replicate difference f(a) - f(b), replicates paired by index. */
export function pairedDifference(a: Simulation, b: Simulation, f: (o: ReplicateOutcome) => number): { mean: number; se: number } {
  return meanAndSe(a.outcomes.map((o, i) => f(o) - f(b.outcomes[i])));
}

/** Relapse time, or the horizon for a replicate that did not relapse (a lower bound). */
export const relapseOrHorizon = (sim: Simulation) => (o: ReplicateOutcome) => o.relapseH ?? sim.scenario.time.horizonH;

export const total = (o: ReplicateOutcome, k: number) => o.sensitive[k] + o.persister[k];
