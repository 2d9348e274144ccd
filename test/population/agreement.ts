// Both engines on the same lesson: the distributions of the outcome time compared by the
// two-sample Kolmogorov-Smirnov test (the relapse time; a tumour that dies out counts as minus
// its extinction time, so that the lessons where most tumours die out compare their
// extinction times too; one that does neither counts as +Infinity), mean
// trajectories of sensitive and persister counts compared at every record time in units of
// their combined standard error. Lessons are scaled to a size the agent engine runs quickly
// (the `sets`), and both engines run the same scaled scenario from the same seed.
import { join } from 'node:path';
import type { PopulationOptions } from '../../src/engine/population.js';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import type { EngineChoice } from '../../src/model/scenario.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import type { ReplicateOutcome } from '../../src/engine/outcome.js';
import { ksTest } from './ks.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');

export const REPLICATES = Number(process.env.REPS ?? 200);

export function runLessonWith(file: string, sets: readonly string[], engine: EngineChoice, population: PopulationOptions = {}): Simulation {
  const s = loadScenarioFile(join(SCENARIOS, file), [`replicates=${REPLICATES}`, ...sets]).scenario;
  return simulate({ ...s, engine }, { population });
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
 * persister, resistant, total). The standard error pools both samples about their common mean (the
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
    resistant: (o: ReplicateOutcome, k: number) => o.resistant?.[k] ?? 0,
    total: (o: ReplicateOutcome, k: number) => o.sensitive[k] + o.persister[k] + (o.resistant?.[k] ?? 0),
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
export function agreement(file: string, sets: readonly string[], perturb: string, population: PopulationOptions = {}): Agreement {
  const agent = runLessonWith(file, sets, 'agent');
  const pop = runLessonWith(file, sets, 'population', population);
  const perturbed = runLessonWith(file, [...sets, perturb], 'population', population);
  const rA = outcomeTimes(agent);
  const rP = outcomeTimes(pop);
  const count = (xs: number[], f: (x: number) => boolean) => xs.filter(f).length;
  return {
    ks: ksTest(rA, rP),
    perturbedKs: ksTest(rA, outcomeTimes(perturbed)),
    means: largestMeanGap(agent, pop),
    relapsed: [count(rA, (x) => x >= 0 && x < Infinity), count(rP, (x) => x >= 0 && x < Infinity)],
    extinct: [count(rA, (x) => x < 0), count(rP, (x) => x < 0)],
  };
}

/** 10% faster sensitive division (the doubling time / 1.1). */
const faster = (doublingH: number) => `phenotypes.sensitive.doubling_time=${(doublingH / 1.1).toFixed(4)}h`;

export interface LessonCase {
  readonly file: string;
  /** Scaling to a size the agent engine runs in seconds. */
  readonly sets: readonly string[];
  /** A rate changed by 10%, which the test must detect. */
  readonly perturb: string;
  readonly population?: PopulationOptions;
  readonly why?: string;
}

/** Two-state lessons, scaled; horizons lengthened where the drug is on to the end, so that the tumours regrow and relapse. */
export const TWO_STATE_LESSONS: readonly LessonCase[] = [
  { file: '01-biphasic-kill.yaml', sets: ['population.initial=2000', 'time.horizon=56d'], perturb: faster(40) },
  { file: '02-drug-holiday.yaml', sets: ['population.initial=2000'], perturb: faster(40) },
  { file: '02b-no-holiday.yaml', sets: ['population.initial=2000', 'time.horizon=70d'], perturb: faster(40) },
  { file: '03-continuous-vs-pulsed.yaml', sets: ['population.initial=2000', 'time.horizon=56d'], perturb: faster(40) },
  { file: '03b-continuous.yaml', sets: ['population.initial=2000', 'time.horizon=63d'], perturb: faster(40) },
  // Its tumours relapse by their resistant cells (untouched by the drug): their division is changed.
  { file: '10-genetic-vs-reversible.yaml', sets: ['population.initial=500'], perturb: 'phenotypes.resistant.doubling_time=43.6364h' },
  { file: '11-dose-dense-vs-q3w.yaml', sets: ['population.initial=2000'], perturb: faster(120) },
  // Adaptive dosing with resistant cells: relapse is resistant regrowth, whose division is changed.
  { file: '12-adaptive-therapy.yaml', sets: ['population.initial=600', 'population.capacity=1000'], perturb: 'phenotypes.resistant.division_rate=0.55/d' },
  { file: '14-trial-in-silico.yaml', sets: ['population.initial=1000', 'population.capacity=2e4'], perturb: faster(40) },
  { file: '15-entry-blockade-sweep.yaml', sets: ['population.initial=2000', 'population.capacity=6000'], perturb: faster(40) },
];

/**
 * FOSL1 lessons, scaled down further (the agent engine updates every cell's level at every step).
 * In 05-07 most tumours die out, so the outcome compared is mostly the extinction time, which a
 * 10% change of the division rate hardly moves; there, and in 08 (whose tumours of 100 cells
 * relapse too irregularly for it), the kill rate of the chemotherapy is changed by 10% (15% in 08).
 */
export const FOSL1_LESSONS: readonly LessonCase[] = [
  { file: '04-fosl1-switch.yaml', sets: ['population.initial=300'], perturb: faster(40) },
  { file: '05-fosl1-inhibitor.yaml', sets: ['population.initial=300', 'population.capacity=3000'], perturb: 'drugs.chemo.potency=0.088/h' },
  { file: '06-persister-killer.yaml', sets: ['population.initial=300', 'population.capacity=7500'], perturb: 'drugs.chemo.potency=0.072/h' },
  {
    file: '07-force-exit-rechallenge.yaml', sets: ['population.initial=300', 'population.capacity=3750'], perturb: 'drugs.chemo.potency=0.088/h',
    population: { bins: 128 },
    why: 'at 64 bins the levels pushed down by the promote-exit drug lag by about an hour (numerical diffusion where drift dominates), which shows 12 h into it, at z = 3.8',
  },
  // Its tumours of 100 cells relapse irregularly: a 10% weaker kill (0.072/h) was detected
  // (KS p < 0.01 against the agent engine) on only 5 of 7 seeds with the old seedrandom event
  // stream and 3 of 7 with xoshiro128** (the lesson's own seed: p = 0.047); 15% weaker on 4 of 5
  // (the lesson's seed: p = 6e-5). The agent engine itself is unchanged in distribution: 600
  // replicates on each generator, KS p = 0.62.
  { file: '08-fosl1-gain-of-function.yaml', sets: ['population.initial=100', 'population.capacity=1000', 'time.horizon=32d'], perturb: 'drugs.chemo.potency=0.068/h' },
];

/** Lessons compared by their own test, and where. */
export const COMPARED_ELSEWHERE: Readonly<Record<string, string>> = {
  '09-pre-existing-vs-induced.yaml': 'agreementBarcodes.test.ts: no relapse, so survivors and barcodes are compared',
};

/** Shipped lessons that both engines cannot run, and why. */
export const NOT_COMPARED: Readonly<Record<string, string>> = {
  '13-clinical-scale.yaml': 'relapse at 10^9 cells, beyond the agent engine (5 x 10^7)',
  '16-fit-pdx.yaml': 'a PDX tumour of 1.5 x 10^8 cells, beyond the agent engine (5 x 10^7)',
};
