// `engine: auto` chooses by predicted cost. One mean-field pilot of the population engine
// (every draw replaced by its expectation, crowding included; the mean of the linear process
// is exact, README "The population engine") gives, for one replicate: the expected burden over
// time, the expected number of events (divisions, deaths, switches) that the agent engine
// would draw one by one, and the sub-steps and compartment sub-steps the population engine
// takes. The predicted seconds per replicate, with constants measured on the 2-core
// reference machine (warm, lessons 01, 02, 04, 06, 12 and lesson 01 at 10^3 to 10^6 cells):
//   agent      = events x 0.7 us, plus under the FOSL1 switch the cell-steps of the level
//                (cell-hours / the agent engine's step) x 0.1 us;
//   population = sub-steps x 100 us + compartment sub-steps x 1 us, the latter times the
//                clone copies with lineage barcodes (the pilot runs without them).
// Only ratios and a coarse threshold matter: the agent engine, exact, is kept unless it is
// predicted to take more than AUTO_AGENT_SECONDS a replicate and at least AUTO_SPEEDUP times
// what the population engine takes, or the expected burden passes what it holds.
import type { Scenario } from '../model/scenario.js';
import { stepOf } from '../model/steps.js';
import type { Timeline } from '../model/timeline.js';
import { streamFor } from '../rng/stream.js';
import { PopulationRun } from './population.js';
import { MAX_CLONE_COMPARTMENTS } from './populationClones.js';

export const AGENT_SECONDS_PER_EVENT = 0.7e-6;
export const AGENT_SECONDS_PER_LEVEL_STEP = 0.1e-6;
export const POPULATION_SECONDS_PER_SUBSTEP = 100e-6;
export const POPULATION_SECONDS_PER_COMPARTMENT_SUBSTEP = 1e-6;
/** The agent engine is kept when predicted at or below this many seconds a replicate. */
export const AUTO_AGENT_SECONDS = 2;
/** ... or when the population engine is predicted less than this many times faster. */
export const AUTO_SPEEDUP = 4;

export interface CostForecast {
  /** The largest expected burden, cells. */
  readonly peakCells: number;
  /** Expected events of one agent-engine replicate, and its FOSL1 level cell-steps (0 for the two-state switch). */
  readonly agentEvents: number;
  readonly agentLevelSteps: number;
  /** Predicted seconds per replicate. */
  readonly agentSeconds: number;
  readonly populationSeconds: number;
}

const cache = new WeakMap<Scenario, CostForecast>();

/** `tl`: the population engine's timeline (populationTimeline). */
export function forecastCost(s: Scenario, tl: Timeline): CostForecast {
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  const run = new PopulationRun(s, tl, 0, streamFor(s.seed, 0, 'pilot'), { expected: true });
  let peak = Math.max(s.population.initial, run.total());
  let cellHours = 0;
  let before = run.total();
  for (let i = 0; !run.finished; i++) {
    run.advance();
    const after = run.total();
    cellHours += ((before + after) / 2) * (tl.boundaries[i + 1] - tl.boundaries[i]);
    peak = Math.max(peak, after);
    before = after;
  }
  const c = run.outcome().counters;
  const agentEvents = c.divisions + c.deaths + c.entries + c.exits;
  const agentLevelSteps = s.switch.model === 'fosl1' ? cellHours / stepOf(s) : 0;
  const { subSteps, compartmentSubSteps } = run.work;
  const compartments = subSteps > 0 ? compartmentSubSteps / subSteps : 1;
  const copies = s.lineage !== undefined ? Math.max(1, Math.min(s.population.initial, Math.floor(MAX_CLONE_COMPARTMENTS / compartments))) : 1;
  const result: CostForecast = {
    peakCells: peak,
    agentEvents,
    agentLevelSteps,
    agentSeconds: agentEvents * AGENT_SECONDS_PER_EVENT + agentLevelSteps * AGENT_SECONDS_PER_LEVEL_STEP,
    populationSeconds: subSteps * POPULATION_SECONDS_PER_SUBSTEP + compartmentSubSteps * copies * POPULATION_SECONDS_PER_COMPARTMENT_SUBSTEP,
  };
  cache.set(s, result);
  return result;
}

