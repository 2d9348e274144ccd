// Runs every arm of a lesson file from scenarios/ as `persim run` would (same loader, the
// arms' overrides, common random numbers), for the lesson tests 09-12.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplicateOutcome } from '../../src/engine/outcome.js';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { loadArms } from '../../src/scenario/arms.js';
import { parseScenarioDocument } from '../../src/scenario/load.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');

export function runArms(file: string): Map<string, Simulation> {
  const path = join(SCENARIOS, file);
  const arms = loadArms(parseScenarioDocument(readFileSync(path, 'utf8'), path));
  return new Map(arms.map((a) => [a.name, simulate(a.scenario)]));
}

export function arm(sims: Map<string, Simulation>, name: string): Simulation {
  const sim = sims.get(name);
  if (sim === undefined) throw new Error(`no arm ${name}`);
  return sim;
}

/** Index of the record time t (hours). */
export function recordAt(sim: Simulation, hours: number): number {
  const k = sim.timeline.recordTimes.findIndex((t) => Math.abs(t - hours) < 1e-9);
  if (k < 0) throw new Error(`no record at ${hours} h`);
  return k;
}

/** All cells, resistant included, at record k. */
export const burden = (o: ReplicateOutcome, k: number) => o.sensitive[k] + o.persister[k] + (o.resistant?.[k] ?? 0);

/** Sample variance (divisor n - 1). */
export function variance(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}
