// Runs every replicate of a scenario with the chosen engine. Replicate r (1-based) of the
// agent engine draws from the xoshiro128** stream (seed, r, "agent") and, under the FOSL1
// switch, from (seed, r, "fosl1") for the levels; replicate r of the population engine draws
// from the seedrandom stream (seed, r, "population"); nothing else, so any subset of replicates, in any order or on any
// worker, gives the same result for r.
//
// Engine choice: `agent` and `population` as requested (the agent engine refuses an initial
// population above its limit); `auto` by the largest expected burden (autoEngine.ts).
import type { Scenario } from '../model/scenario.js';
import { compileTimeline, type Timeline } from '../model/timeline.js';
import { streamFor } from '../rng/stream.js';
import { xoshiroStream } from '../rng/xoshiro128.js';
import { DEFAULT_MAX_CELLS, runAgentReplicate } from './agent.js';
import { AUTO_AGENT_SECONDS, AUTO_SPEEDUP, forecastCost } from './autoEngine.js';
import type { LevelView } from './fosl1Levels.js';
import type { ReplicateOutcome } from './outcome.js';
import { runPopulationReplicate, type LevelBins, type PopulationOptions } from './population.js';
import { populationTimeline } from './populationTimeline.js';

export type EngineName = 'agent' | 'population';

export class EngineChoiceError extends Error {}

export interface EngineDecision {
  readonly engine: EngineName;
  readonly reason: string;
}

const cells = (n: number) => n.toExponential(2).replace('e+', 'e');
const seconds = (x: number) => (x < 0.1 ? `${(1000 * x).toPrecision(2)} ms` : `${x.toPrecision(2)} s`);

export function chooseEngine(s: Scenario, maxCells = DEFAULT_MAX_CELLS): EngineDecision {
  const n0 = s.population.initial;
  if (s.engine === 'population') return { engine: 'population', reason: 'engine: population was requested' };
  if (s.engine === 'agent') {
    if (n0 > maxCells) {
      throw new EngineChoiceError(
        `population.initial is ${n0.toExponential(2)} cells, more than the agent engine ` +
          `holds (${maxCells.toExponential(0)}); start from fewer cells, or use engine: population (or auto)`,
      );
    }
    return { engine: 'agent', reason: 'engine: agent was requested' };
  }
  if (n0 > maxCells) {
    return { engine: 'population', reason: `auto: population.initial (${cells(n0)} cells) is more than the agent engine holds (${cells(maxCells)})` };
  }
  const f = forecastCost(s, populationTimeline(s));
  const costs = `predicted ${seconds(f.agentSeconds)} a replicate on the agent engine (${f.agentEvents.toExponential(1).replace('e+', 'e')} events${f.agentLevelSteps > 0 ? `, ${f.agentLevelSteps.toExponential(1).replace('e+', 'e')} level steps` : ''}), ${seconds(f.populationSeconds)} on the population engine`;
  if (f.peakCells > maxCells) {
    return { engine: 'population', reason: `auto: the expected burden peaks at ${cells(f.peakCells)} cells, more than the agent engine holds (${cells(maxCells)})` };
  }
  if (f.agentSeconds > AUTO_AGENT_SECONDS && f.agentSeconds > AUTO_SPEEDUP * f.populationSeconds) {
    return { engine: 'population', reason: `auto: ${costs}` };
  }
  return { engine: 'agent', reason: `auto: ${costs}; the agent engine (exact) unless it takes more than ${AUTO_AGENT_SECONDS} s and ${AUTO_SPEEDUP}x the population engine's` };
}

/**
 * The line `persim run` prints on stderr when `engine: auto` chose the population engine, or
 * null (the agent engine, the choice of every earlier version, goes without saying; both are
 * recorded with their reason in summary.json).
 */
export function engineNotice(s: Scenario, d: EngineDecision): string | null {
  return s.engine === 'auto' && d.engine === 'population' ? `persim: population engine (${d.reason})` : null;
}

export interface SimulationOptions {
  readonly maxCells?: number;
  /** Called after each replicate with (done, total). */
  readonly onReplicate?: (done: number, total: number) => void;
  /** Replicates to run (1-based); default all of 1..s.replicates. */
  readonly replicates?: readonly number[];
  /** FOSL1 switch, agent engine: called at every record time with the living cells' levels. */
  readonly onLevels?: (replicate: number, recordIndex: number, levels: LevelView) => void;
  /** FOSL1 switch, population engine: called at every record time with the cells per bin of the level. */
  readonly onLevelBins?: (replicate: number, recordIndex: number, bins: LevelBins) => void;
  /** Options of the population engine (bins, exact threshold). */
  readonly population?: PopulationOptions;
}

export interface Simulation {
  readonly scenario: Scenario;
  readonly timeline: Timeline;
  readonly engine: EngineDecision;
  readonly outcomes: readonly ReplicateOutcome[];
}

const decisions = new WeakMap<Scenario, EngineDecision>();

export function runReplicate(
  s: Scenario,
  tl: Timeline,
  replicate: number,
  maxCells = DEFAULT_MAX_CELLS,
  onLevels?: SimulationOptions['onLevels'],
  engine?: EngineName,
  population?: PopulationOptions,
  onLevelBins?: SimulationOptions['onLevelBins'],
): ReplicateOutcome {
  let which = engine;
  if (which === undefined) {
    let d = decisions.get(s);
    if (d === undefined) decisions.set(s, (d = chooseEngine(s, maxCells)));
    which = d.engine;
  }
  if (which === 'population') {
    const opts = onLevelBins === undefined ? population : { ...population, onLevelBins: (k: number, b: LevelBins) => onLevelBins(replicate, k, b) };
    return runPopulationReplicate(s, populationTimeline(s), replicate, streamFor(s.seed, replicate, 'population'), opts);
  }
  const fosl1 = s.switch.model === 'fosl1';
  return runAgentReplicate(s, tl, replicate, xoshiroStream(s.seed, replicate, 'agent'), maxCells, {
    levelRng: fosl1 ? xoshiroStream(s.seed, replicate, 'fosl1') : undefined,
    onRecord: fosl1 && onLevels !== undefined ? (k, levels) => onLevels(replicate, k, levels) : undefined,
  });
}

/**
 * The engine for a scenario and the timeline it steps on. The agent engine's timeline is
 * compiled only when it runs: under the FOSL1 switch its step follows the level's
 * Euler-Maruyama limit, far finer than the population engine needs.
 */
export function planEngine(s: Scenario, maxCells = DEFAULT_MAX_CELLS): { readonly engine: EngineDecision; readonly timeline: Timeline } {
  const engine = chooseEngine(s, maxCells);
  return { engine, timeline: engine.engine === 'population' ? populationTimeline(s) : compileTimeline(s) };
}

export function simulate(s: Scenario, opts: SimulationOptions = {}): Simulation {
  const maxCells = opts.maxCells ?? DEFAULT_MAX_CELLS;
  const { engine, timeline } = planEngine(s, maxCells);
  const which = opts.replicates ?? Array.from({ length: s.replicates }, (_, i) => i + 1);
  const outcomes: ReplicateOutcome[] = [];
  for (const r of which) {
    outcomes.push(runReplicate(s, timeline, r, maxCells, opts.onLevels, engine.engine, opts.population, opts.onLevelBins));
    opts.onReplicate?.(outcomes.length, which.length);
  }
  return { scenario: s, timeline, engine, outcomes };
}

/** One replicate on the agent engine: what `persim explain` simulates for its FOSL1 check (analysis/fosl1Estimates.ts). */
export function agentProbe(probe: Scenario): ReplicateOutcome {
  return simulate({ ...probe, engine: 'agent' }).outcomes[0];
}
