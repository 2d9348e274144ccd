// The FOSL1 level histograms the levels chart reads, collected while `run` simulates (the
// engines' record-time hooks; reading only, so the simulation is unchanged) or read back
// from the levels.csv a run wrote (`report`).
import { LevelHistogramAccumulator, levelHistogramPlan, type LevelHistograms } from '../analysis/levelHistogram.js';
import type { SimulationOptions } from '../engine/simulate.js';
import type { Scenario } from '../model/scenario.js';
import { LEVELS_HEADER } from '../output/levelsCsv.js';

export interface LevelCollector {
  /** Options for simulate(): the agent engine's and the population engine's level hooks. */
  readonly hooks: Required<Pick<SimulationOptions, 'onLevels' | 'onLevelBins'>>;
  readonly result: () => LevelHistograms;
}

/** A collector for the scenario's level histograms; null without the FOSL1 switch or without times. */
export function levelCollector(s: Scenario, latticeBins?: number): LevelCollector | null {
  const plan = levelHistogramPlan(s, latticeBins);
  if (plan === null) return null;
  const acc = new LevelHistogramAccumulator(plan);
  return {
    hooks: {
      onLevels: (r, k, view) => acc.addCells(r, k, view),
      onLevelBins: (r, k, bins) => acc.addCompartments(r, k, bins),
    },
    result: () => acc.result(),
  };
}

export class LevelsFormatError extends Error {}

/** levels.csv back into histograms (times and bins in the order written). */
export function levelHistogramsFromCsv(text: string): LevelHistograms {
  const lines = text.split('\n').filter((l) => l !== '');
  if (lines[0] !== LEVELS_HEADER) throw new LevelsFormatError(`levels.csv does not start with the header ${LEVELS_HEADER}`);
  const times: number[] = [];
  const edges: number[] = [];
  const sensitive: number[][] = [];
  const persister: number[][] = [];
  const replicates: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const row = lines[i].split(',').map(Number);
    if (row.length !== 6 || !row.every(Number.isFinite)) throw new LevelsFormatError(`levels.csv line ${i + 1} is not six numbers`);
    const [t, lo, hi, s, p, n] = row;
    if (times.length === 0 || times[times.length - 1] !== t) {
      times.push(t);
      sensitive.push([]);
      persister.push([]);
      replicates.push(n);
    }
    const slot = times.length - 1;
    const b = sensitive[slot].length;
    if (slot === 0) {
      if (b === 0) edges.push(lo);
      edges.push(hi);
    } else if (edges[b] !== lo || edges[b + 1] !== hi) {
      throw new LevelsFormatError(`levels.csv line ${i + 1}: the bins differ from those of the first time`);
    }
    sensitive[slot].push(s);
    persister[slot].push(p);
  }
  if (times.length === 0) throw new LevelsFormatError('levels.csv has no rows');
  if (sensitive.some((x) => x.length !== edges.length - 1)) throw new LevelsFormatError('levels.csv has times with different numbers of bins');
  return {
    edges: Float64Array.from(edges),
    timesH: Float64Array.from(times),
    sensitive: sensitive.map((x) => Float64Array.from(x)),
    persister: persister.map((x) => Float64Array.from(x)),
    replicates,
  };
}
