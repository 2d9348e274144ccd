// A fit from checked inputs to a FitResult: subjects of the data, the SMC sampler on the
// scenario's engine in a worker pool, the posterior, its summary and warnings, the
// posterior-predictive bands of the data and the predictions per arm. Reads and writes no
// files (src/fit/outputs.ts writes; the CLI parses): resuming is handing back the state
// that onGeneration gave.
import type { Scenario } from '../model/scenario.js';
import { streamFor } from '../rng/stream.js';
import { type BandPoint, type FitModelInit } from './fitModel.js';
import { subjectsOf, type FitSubject } from './fitSubjects.js';
import type { FitJob } from './jobs.js';
import { FitPool } from './pool.js';
import { armPrediction, posteriorDraws, quantile } from './predict.js';
import { freeLogDensity, fromFree, priorSample, toFree } from './prior.js';
import { fitWarnings, logCorrelation, summarise } from './posteriorSummary.js';
import { runSmc, type FreePrior, type SmcState } from './smc.js';
import { filterable } from './particleFilter.js';
import { fitEngine, planSubject, recordGrid } from './subject.js';
import type { Dataset, FitJson, FitResult, FitSpec, FitWarning, Posterior, PredictiveBand, PredictiveRun } from './types.js';

/** Below this share of distinct particles at the end, the posterior is degenerate (pseudo-marginal sticking). */
export const DEGENERATE_FRACTION = 0.2;

export const ALGORITHM = 'SMC with adaptive likelihood tempering over simulated (pseudo-marginal) likelihoods, random-walk Metropolis-Hastings moves';

/** How a subject's likelihood is estimated: the particle filter on the population engine, independent tumours on the agent engine or with adaptive dosing or barcodes. */
export function likelihoodEstimator(scenario: Scenario): 'particle filter' | 'independent tumours' {
  return filterable(planSubject(scenario, fitEngine(scenario))) ? 'particle filter' : 'independent tumours';
}

export interface FitProgress {
  readonly phase: 'sample' | 'predict';
  readonly generation: number;
  readonly temperature: number;
  /** Jobs done and total in this phase step. */
  readonly done: number;
  readonly total: number;
  readonly last: SmcState | null;
}

export interface FitInput {
  readonly scenarioText: string;
  readonly scenarioFile: string;
  readonly scenarioSha256: string;
  readonly scenario: Scenario;
  readonly spec: FitSpec;
  readonly data: Dataset;
  readonly seed: number;
  readonly workers: number;
  readonly maxSimulations?: number;
  readonly resumeFrom?: SmcState;
  readonly signal?: AbortSignal;
  readonly onGeneration?: (state: SmcState) => void;
  readonly onProgress?: (p: FitProgress) => void;
  readonly persimVersion: string;
  /** Each predicted arm's horizon (an arm may change it); the scenario's otherwise. */
  readonly horizonsH: ReadonlyMap<string, number>;
}

/**
 * Simulated tumours per subject in a likelihood estimate (the particle filter's tumours,
 * particleFilter.ts): one for large tumours, whose demographic noise is small beside any
 * measurement error; more for small ones, where extinction and small counts make one
 * tumour's track of the data noisy. Measured on 12-day wells under a kill drug observed 4
 * times with 25% error, the sd of the log-likelihood estimate of 4 wells at the truth was
 * 0.6 with 1 tumour at 20,000 cells, 1.1 with 4 at 2000 and 1.1 with 16 at 200 cells; wells
 * of 200 cells that fall to a few cells and half of which die out (the recovery test) needed
 * 64 for the truth to stay inside the 90% intervals. The tiers aim at an sd near 1, where
 * pseudo-marginal samplers mix best (Doucet, Pitt, Deligiannidis & Kohn 2015, Biometrika
 * 102:295); `fit.tumours_per_subject` sets it.
 */
export function replicatesPerSubject(s: Scenario): number {
  const n0 = s.population.initial;
  return n0 >= 1e5 ? 1 : n0 >= 1e3 ? 4 : 64;
}

function freePriors(spec: FitSpec): FreePrior[] {
  return spec.parameters.map((p) => ({
    sampleFree: (rng) => toFree(p.prior, priorSample(p.prior, rng)),
    logDensityFree: (u) => freeLogDensity(p.prior, u),
  }));
}

/** The worker model of a fit: the scenario, its fitted parameters and the data's subjects. */
export function fitModelInit(scenarioText: string, scenarioFile: string, seed: number, spec: FitSpec, scenario: Scenario, subjects: readonly FitSubject[]): FitModelInit {
  return {
    scenarioText, file: scenarioFile, seed, parameters: spec.parameters,
    observables: spec.observables, subjects, replicatesPerSubject: spec.tumoursPerSubject ?? replicatesPerSubject(scenario),
  };
}

export interface SampleOptions {
  readonly maxSimulations?: number;
  readonly resumeFrom?: SmcState;
  readonly signal?: AbortSignal;
  readonly onGeneration?: (state: SmcState) => void;
  readonly onProgress?: (p: FitProgress) => void;
}

/** The sampler on a pool holding `init`: its final state and the weighted posterior. */
export async function samplePosterior(pool: FitPool, init: FitModelInit, spec: FitSpec, seed: number, opts: SampleOptions): Promise<{ state: SmcState; posterior: Posterior }> {
  const params = spec.parameters;
  const theta = (u: readonly number[]) => u.map((x, j) => fromFree(params[j].prior, x));
  let generation = 0;
  let temperature = opts.resumeFrom?.temperature ?? 0;
  const state = await runSmc({
    particles: spec.particles, seed, priors: freePriors(spec), maxSimulations: opts.maxSimulations,
    simulationsPerEvaluation: init.subjects.length * init.replicatesPerSubject, resumeFrom: opts.resumeFrom,
    evaluate: async (batch) => {
      const jobs: FitJob[] = batch.map((p) => ({ kind: 'loglik', theta: theta(p.free), name: p.name }));
      const out = await pool.runAll(jobs, opts.signal, (done) =>
        opts.onProgress?.({ phase: 'sample', generation, temperature, done, total: jobs.length, last: null }));
      return out as number[];
    },
    onGeneration: (s) => {
      generation = s.generation + 1;
      temperature = s.temperature;
      opts.onGeneration?.(s);
      opts.onProgress?.({ phase: 'sample', generation: s.generation, temperature: s.temperature, done: 0, total: 0, last: s });
    },
  });
  return { state, posterior: { parameters: params, values: state.free.map(theta), weights: state.weights } };
}

export async function runFit(input: FitInput): Promise<FitResult> {
  const { spec, data, seed, scenario } = input;
  const subjects = subjectsOf(data, spec.observables);
  const init = fitModelInit(input.scenarioText, input.scenarioFile, seed, spec, scenario, subjects);
  const pool = FitPool.open(init, input.workers);
  const params = spec.parameters;
  try {
    const { state, posterior } = await samplePosterior(pool, init, spec, seed, input);
    const draws = posteriorDraws(posterior.weights, spec.predictDraws, streamFor(seed, 0, 'predict/draws'));
    const progress = (total: number) => (done: number) =>
      input.onProgress?.({ phase: 'predict', generation: state.generation, temperature: state.temperature, done, total, last: state });
    const predictive = await predictArms(pool, spec, posterior, draws, input, progress);
    const { bands, outside } = await dataBands(pool, subjects, spec, posterior, draws, input, progress);
    const summary = summarise(posterior);
    const correlation = logCorrelation(posterior);
    const finalEss = 1 / posterior.weights.reduce((s, w) => s + w * w, 0);
    const warnings: FitWarning[] = [...fitWarnings(summary, correlation, state.records[state.records.length - 1].ess, spec.particles)];
    const observed = data.observations.length;
    if (outside > 0.1 * observed + 3 * Math.sqrt(0.09 * observed)) {
      warnings.push({
        kind: 'outside-band', observations: outside,
        message: `${outside} of ${observed} observations lie outside the 90% posterior-predictive band (about ${Math.round(0.1 * observed)} expected by chance): the model or the noise model does not describe these data well`,
      });
    }
    const distinct = new Set(posterior.values.map((v) => v.join(','))).size;
    if (distinct < DEGENERATE_FRACTION * spec.particles) {
      warnings.push({
        kind: 'degenerate',
        message: `the posterior holds only ${distinct} distinct particles of ${spec.particles} (the moves were accepted ${((state.records[state.records.length - 1].acceptance_rate ?? 0) * 100).toFixed(0)}% of the time at the end): the simulated likelihood is too noisy for these data, typically near-exact counts of small stochastic tumours; use a noise model that admits the measurement error (log-normal sd), fewer time points per subject, or more particles`,
      });
    }
    if (state.stoppedBy === 'budget') {
      warnings.push({
        kind: 'budget',
        message: `stopped by --max-simulations at temperature ${state.temperature.toPrecision(3)} (1 is the posterior): these particles are not the posterior; raise --max-simulations`,
      });
    }
    const json: FitJson = {
      persim_version: input.persimVersion, version: 1,
      scenario: { name: scenario.name, file: input.scenarioFile, sha256: input.scenarioSha256 },
      data: { file: data.file, sha256: data.sha256, observations: observed, subjects: subjects.length },
      seed, engine: fitEngine(scenario), algorithm: ALGORITHM,
      likelihood: { estimator: likelihoodEstimator(scenario), tumours_per_subject: init.replicatesPerSubject },
      parameters: params.map((p) => ({ path: p.path, unit: p.unit, prior: p.prior.text })),
      generations: state.records,
      final: { ess: finalEss, particles: spec.particles, simulations: state.simulations },
      correlation, warnings,
    };
    return {
      json, posterior, summary, predictions: predictive.map((a) => armPrediction(a.arm, a.runs, a.horizonH)),
      predictiveRuns: predictive, bands, data, observables: spec.observables,
    };
  } finally {
    await pool.close();
  }
}

async function predictArms(pool: FitPool, spec: FitSpec, posterior: Posterior, draws: readonly number[], input: FitInput, progress: (total: number) => (done: number) => void) {
  const r = spec.predictReplicates;
  const jobs: FitJob[] = [];
  for (const arm of spec.predict) {
    draws.forEach((particle, j) => {
      for (let k = 1; k <= r; k++) jobs.push({ kind: 'predict', theta: posterior.values[particle], arm, index: j * r + k });
    });
  }
  const results = (await pool.runAll(jobs, input.signal, progress(jobs.length))) as (PredictiveRun | null)[];
  const per = draws.length * r;
  return spec.predict.map((arm, a) => {
    const runs = results.slice(a * per, (a + 1) * per).filter((x): x is PredictiveRun => x !== null);
    const horizonH = input.horizonsH.get(arm) ?? input.scenario.time.horizonH;
    return { arm, horizonH, runs };
  });
}

/** Posterior-predictive bands at the data's times, per observable and arm, and how many observations fall outside them. */
async function dataBands(pool: FitPool, subjects: readonly FitSubject[], spec: FitSpec, posterior: Posterior, draws: readonly number[], input: FitInput, progress: (total: number) => (done: number) => void) {
  const arms = [...new Set(subjects.map((s) => s.arm))];
  const plans = arms.map((arm) => {
    const key = (o: number, t: number) => `${o}@${t}`;
    const nCells = new Map<string, number[]>();
    for (const s of subjects.filter((x) => x.arm === arm)) {
      for (const o of s.observations) {
        const k = key(o.observable, o.timeH);
        const list = nCells.get(k) ?? [];
        if (o.nCells !== null) list.push(o.nCells);
        nCells.set(k, list);
      }
    }
    const points: BandPoint[] = [...nCells.entries()].map(([k, ns]) => {
      const [o, t] = k.split('@').map(Number);
      // A binomial band is drawn with the median number of cells profiled at that time.
      return { observable: o, timeH: t, nCells: ns.length === 0 ? null : Math.round(quantile(ns, 0.5)) };
    }).sort((a, b) => a.observable - b.observable || a.timeH - b.timeH);
    const times = points.map((p) => p.timeH);
    return { arm, points, gridH: recordGrid([...times, Math.max(...times)]) };
  });
  const jobs: FitJob[] = plans.flatMap((p) => draws.map((particle, j): FitJob => ({ kind: 'band', theta: posterior.values[particle], arm: p.arm, index: j + 1, points: p.points, gridH: p.gridH })));
  const values = (await pool.runAll(jobs, input.signal, progress(jobs.length))) as number[][];
  const bands: PredictiveBand[] = [];
  const lookup = new Map<string, PredictiveBand>();
  plans.forEach((p, a) => {
    const rows = values.slice(a * draws.length, (a + 1) * draws.length);
    p.points.forEach((pt, i) => {
      const v = rows.map((row) => row[i]);
      const band: PredictiveBand = { observable: spec.observables[pt.observable].name, arm: p.arm, timeH: pt.timeH, q05: quantile(v, 0.05), median: quantile(v, 0.5), q95: quantile(v, 0.95) };
      bands.push(band);
      lookup.set(`${p.arm}\u0000${pt.observable}@${pt.timeH}`, band);
    });
  });
  let outside = 0;
  for (const s of subjects) {
    for (const o of s.observations) {
      const b = lookup.get(`${s.arm}\u0000${o.observable}@${o.timeH}`);
      if (b !== undefined && (o.value < b.q05 || o.value > b.q95)) outside++;
    }
  }
  return { bands, outside };
}
