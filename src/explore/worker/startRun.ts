// A replicate built exactly as `persim run` builds it (engine/simulate.ts, runReplicate), so
// the dish shows replicate r of the command line. The explorer runs the agent engine, cell
// by cell, as the dish needs; a tumour that starts larger than the explorer holds
// (EXPLORER_MAX_CELLS; lessons 13 and 16) runs on the population engine, the one `persim run`
// chooses for it: its counts and event tallies drive the dish, a dot standing for many cells.
import { AgentRun } from '../../engine/agent.js';
import type { AdaptiveDosing } from '../../engine/adaptiveDosing.js';
import type { Fosl1Levels } from '../../engine/fosl1Levels.js';
import type { ReplicateOutcome } from '../../engine/outcome.js';
import { PopulationRun } from '../../engine/population.js';
import { populationTimeline } from '../../engine/populationTimeline.js';
import type { EngineName } from '../../engine/simulate.js';
import type { Scenario } from '../../model/scenario.js';
import { compileTimeline, type Timeline } from '../../model/timeline.js';
import { streamFor } from '../../rng/stream.js';
import { xoshiroStream } from '../../rng/xoshiro128.js';
import { EXPLORER_MAX_CELLS } from './protocol.js';

/** What the workers need of a run of either engine. */
export interface ExplorerRun {
  readonly t: number;
  readonly step: number;
  readonly finished: boolean;
  readonly dosing: AdaptiveDosing | null;
  /** The agent engine's FOSL1 levels (null or absent otherwise). */
  readonly levels?: Fosl1Levels | null;
  advance(): boolean;
  outcome(): ReplicateOutcome;
}

export function explorerEngine(s: Scenario): EngineName {
  return s.population.initial > EXPLORER_MAX_CELLS ? 'population' : 'agent';
}

/** The timeline the explorer's engine for `s` steps on. */
export function explorerTimeline(s: Scenario): Timeline {
  return explorerEngine(s) === 'population' ? populationTimeline(s) : compileTimeline(s);
}

/** Replicate `replicate` of `s` on the explorer's engine; the agent engine stops past `maxCells` (PopulationLimitError). */
export function startRun(s: Scenario, tl: Timeline, replicate: number, maxCells = EXPLORER_MAX_CELLS): ExplorerRun {
  if (explorerEngine(s) === 'population') return new PopulationRun(s, tl, replicate, streamFor(s.seed, replicate, 'population'));
  const fosl1 = s.switch.model === 'fosl1';
  return new AgentRun(s, tl, replicate, xoshiroStream(s.seed, replicate, 'agent'), maxCells, fosl1 ? { levelRng: xoshiroStream(s.seed, replicate, 'fosl1') } : {});
}
