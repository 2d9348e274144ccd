// Runs every replicate of a scenario with the chosen engine. Replicate r (1-based) draws
// from the stream (seed, r, "agent") and, under the FOSL1 switch, from (seed, r, "fosl1")
// for the levels, and nothing else, so any subset of replicates, in any order or on any
// worker, gives the same result for r.
import type { Scenario } from '../model/scenario.js';
import { compileTimeline, type Timeline } from '../model/timeline.js';
import { streamFor } from '../rng/stream.js';
import { DEFAULT_MAX_CELLS, runAgentReplicate } from './agent.js';
import type { LevelView } from './fosl1Levels.js';
import type { ReplicateOutcome } from './outcome.js';

export type EngineName = 'agent';

export class EngineChoiceError extends Error {}

export interface EngineDecision {
  readonly engine: EngineName;
  readonly reason: string;
}

export function chooseEngine(s: Scenario, maxCells = DEFAULT_MAX_CELLS): EngineDecision {
  if (s.engine === 'population') {
    throw new EngineChoiceError(
      'engine: population is not available in this version of persim; use engine: agent (or auto)',
    );
  }
  if (s.population.initial > maxCells) {
    throw new EngineChoiceError(
      `population.initial is ${s.population.initial.toExponential(2)} cells, more than the agent engine ` +
        `holds (${maxCells.toExponential(0)}); start from fewer cells`,
    );
  }
  return s.engine === 'agent'
    ? { engine: 'agent', reason: 'engine: agent was requested' }
    : { engine: 'agent', reason: 'the agent engine is the only engine in this version' };
}

export interface SimulationOptions {
  readonly maxCells?: number;
  /** Called after each replicate with (done, total). */
  readonly onReplicate?: (done: number, total: number) => void;
  /** Replicates to run (1-based); default all of 1..s.replicates. */
  readonly replicates?: readonly number[];
  /** FOSL1 switch only: called at every record time with the living cells' levels. */
  readonly onLevels?: (replicate: number, recordIndex: number, levels: LevelView) => void;
}

export interface Simulation {
  readonly scenario: Scenario;
  readonly timeline: Timeline;
  readonly engine: EngineDecision;
  readonly outcomes: readonly ReplicateOutcome[];
}

export function runReplicate(
  s: Scenario,
  tl: Timeline,
  replicate: number,
  maxCells = DEFAULT_MAX_CELLS,
  onLevels?: SimulationOptions['onLevels'],
): ReplicateOutcome {
  const fosl1 = s.switch.model === 'fosl1';
  return runAgentReplicate(s, tl, replicate, streamFor(s.seed, replicate, 'agent'), maxCells, {
    levelRng: fosl1 ? streamFor(s.seed, replicate, 'fosl1') : undefined,
    onRecord: fosl1 && onLevels !== undefined ? (k, levels) => onLevels(replicate, k, levels) : undefined,
  });
}

export function simulate(s: Scenario, opts: SimulationOptions = {}): Simulation {
  const maxCells = opts.maxCells ?? DEFAULT_MAX_CELLS;
  const engine = chooseEngine(s, maxCells);
  const timeline = compileTimeline(s);
  const which = opts.replicates ?? Array.from({ length: s.replicates }, (_, i) => i + 1);
  const outcomes: ReplicateOutcome[] = [];
  for (const r of which) {
    outcomes.push(runReplicate(s, timeline, r, maxCells, opts.onLevels));
    opts.onReplicate?.(outcomes.length, which.length);
  }
  return { scenario: s, timeline, engine, outcomes };
}
