// Both engines on the same lesson: the distributions of the outcome time compared by the
// two-sample Kolmogorov-Smirnov test (the relapse time; a tumour that dies out counts as minus
// its extinction time, so that the lessons where most tumours die out compare their
// extinction times too; one that does neither counts as +Infinity), mean
// trajectories of sensitive and persister counts compared at every record time in units of
// their combined standard error. Lessons are scaled to a size the agent engine runs quickly
// (the `sets`), and both engines run the same scaled scenario from the same seed.
import { join } from 'node:path';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import type { EngineChoice } from '../../src/model/scenario.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import type { ReplicateOutcome } from '../../src/engine/outcome.js';
import { ksTest } from './ks.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');

export const REPLICATES = Number(process.env.REPS ?? 200);

export function runLessonWith(file: string, sets: readonly string[], engine: EngineChoice): Simulation {
  const s = loadScenarioFile(join(SCENARIOS, file), [`replicates=${REPLICATES}`, ...sets]).scenario;
  return simulate({ ...s, engine });
}

/** Relapse time, minus the extinction time, or +Infinity, per replicate. */
export const outcomeTimes = (sim: Simulation): number[] =>
  sim.outcomes.map((o) => o.relapseH ?? (o.extinctH !== null ? -o.extinctH : Infinity));

export interface MeanGap {
  /** Largest |mean difference| / combined SE over record times and types. */
  readonly z: number;
  readonly where: string;
}

/**
 * Largest |difference of means| / its standard error over record times and counts (sensitive,
 * persister, total). The standard error pools both samples about their common mean (the
 * variance under the hypothesis that both engines draw from one distribution), which stays
 * reliable for the skewed counts of a few cells, where one sample may miss a rare large value.
 */
export function largestMeanGap(a: Simulation, b: Simulation): MeanGap {
  let z = 0;
  let where = '';
  const times = a.timeline.recordTimes;
  const n = a.outcomes.length;
  const m = b.outcomes.length;
  const count = {
    sensitive: (o: ReplicateOutcome, k: number) => o.sensitive[k],
    persister: (o: ReplicateOutcome, k: number) => o.persister[k],
    total: (o: ReplicateOutcome, k: number) => o.sensitive[k] + o.persister[k],
  };
  for (let k = 1; k < times.length; k++) {
    for (const [name, f] of Object.entries(count)) {
      const x = a.outcomes.map((o) => f(o, k));
      const y = b.outcomes.map((o) => f(o, k));
      const mx = x.reduce((s, v) => s + v, 0) / n;
      const my = y.reduce((s, v) => s + v, 0) / m;
      const pooled = (n * mx + m * my) / (n + m);
      const ss = x.reduce((s, v) => s + (v - pooled) ** 2, 0) + y.reduce((s, v) => s + (v - pooled) ** 2, 0);
      const se = Math.sqrt((ss / (n + m - 1)) * (1 / n + 1 / m));
      const gap = se > 0 ? Math.abs(mx - my) / se : 0;
      if (gap > z) {
        z = gap;
        where = `${name} at ${times[k]} h: ${mx} vs ${my} (SE ${se})`;
      }
    }
  }
  return { z, where };
}

export interface Agreement {
  readonly ks: { d: number; p: number };
  readonly perturbedKs: { d: number; p: number };
  readonly means: MeanGap;
  /** Replicates that relapsed and that died out, agent then population. */
  readonly relapsed: readonly [number, number];
  readonly extinct: readonly [number, number];
}

/** Agent against population on the scaled lesson, and against the population engine with `perturb` added to the sets. */
export function agreement(file: string, sets: readonly string[], perturb: string): Agreement {
  const agent = runLessonWith(file, sets, 'agent');
  const population = runLessonWith(file, sets, 'population');
  const perturbed = runLessonWith(file, [...sets, perturb], 'population');
  const rA = outcomeTimes(agent);
  const rP = outcomeTimes(population);
  const count = (xs: number[], f: (x: number) => boolean) => xs.filter(f).length;
  return {
    ks: ksTest(rA, rP),
    perturbedKs: ksTest(rA, outcomeTimes(perturbed)),
    means: largestMeanGap(agent, population),
    relapsed: [count(rA, (x) => x >= 0 && x < Infinity), count(rP, (x) => x >= 0 && x < Infinity)],
    extinct: [count(rA, (x) => x < 0), count(rP, (x) => x < 0)],
  };
}
