// `engine: auto` chooses by the largest burden a scenario is expected to reach: the agent
// engine (exact, one agent per cell) up to AUTO_AGENT_LIMIT cells, the population engine
// above. The expected burden is the analytic mean of the linear two-type process at every
// step boundary (SCIENCE.md D1, analysis/meanTrajectory.ts; with a resistant phenotype
// analysis/resistanceMean.ts), capped at the carrying
// capacity, or, under the FOSL1 switch, a pilot: one mean-field run of the population engine
// (every draw replaced by its expectation, crowding included).
import { initialMean, propagateMean } from '../analysis/meanTrajectory.js';
import { initialMean3, propagateMean3 } from '../analysis/resistanceMean.js';
import { hasResistance } from '../model/resistance.js';
import type { Scenario } from '../model/scenario.js';
import type { Timeline } from '../model/timeline.js';
import { streamFor } from '../rng/stream.js';
import { PopulationRun } from './population.js';
import { populationTimeline } from './populationTimeline.js';

export const AUTO_AGENT_LIMIT = 1e6;

export interface PeakBurden {
  readonly cells: number;
  /** How it was obtained, for the engine's reason. */
  readonly source: string;
}

const cache = new WeakMap<Scenario, PeakBurden>();

export function peakExpectedBurden(s: Scenario, tl: Timeline): PeakBurden {
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  let peak = s.population.initial;
  let source: string;
  if (s.switch.model === 'two-state') {
    const all = Int32Array.from({ length: tl.boundaries.length }, (_, k) => k);
    if (hasResistance(s)) {
      const m = propagateMean3(s, tl, initialMean3(s), all);
      for (let k = 0; k < all.length; k++) peak = Math.max(peak, m.sensitive[k] + m.persister[k] + m.resistant[k]);
    } else {
      const m = propagateMean(tl, initialMean(s), all);
      for (let k = 0; k < all.length; k++) peak = Math.max(peak, m.sensitive[k] + m.persister[k]);
    }
    if (s.population.capacity !== null) peak = Math.min(peak, Math.max(s.population.capacity, s.population.initial));
    source = 'analytic mean';
  } else {
    const run = new PopulationRun(s, populationTimeline(s), 0, streamFor(s.seed, 0, 'pilot'), { expected: true });
    while (run.advance()) peak = Math.max(peak, run.total());
    peak = Math.max(peak, run.total());
    source = 'mean-field pilot of the population engine';
  }
  const result = { cells: peak, source };
  cache.set(s, result);
  return result;
}
