// The sampler of `persim fit`: an SMC sampler with adaptive likelihood tempering (Del Moral,
// Doucet & Jasra 2006, "Sequential Monte Carlo samplers", JRSS B 68:411) over simulated
// likelihoods. Each particle carries the log of an unbiased estimate of its likelihood from
// its own simulated tumours, so the sampler runs on the space of (parameters, simulations)
// and its target at temperature 1 has the exact posterior as its parameter marginal
// (pseudo-marginal, Andrieu & Roberts 2009, Ann. Stat. 37:697; the tempered version is
// Duan & Fulop 2015, "Density-tempered marginalized sequential Monte Carlo samplers", JBES
// 33:192). Each generation:
//   1. the next temperature is the one at which the weights' ESS falls to half of what it
//      is (bisection; Jasra, Stephens, Doucet & Tsagaris 2011, Scand. J. Stat. 38:1);
//   2. reweight, record the ESS, resample systematically;
//   3. random-walk Metropolis-Hastings moves on the free (unconstrained) scale, proposal
//      N(0, lambda^2 Sigma) with Sigma the particles' weighted covariance and lambda
//      started at 2.38 / sqrt(d) (Roberts & Rosenthal 2001) and tuned by the acceptance
//      rate; a move accepts with the tempered ratio of the new simulated likelihood to the
//      particle's carried one (never re-estimating the old one, which keeps it exact);
//      moves repeat until 80% of the particles have moved since resampling, or 5 moves.
// Every random number comes from streams of (seed, generation, role) and every simulation
// from its proposal's name, so the result does not depend on how the evaluations are
// spread over workers.
import { normal } from '../rng/normalZiggurat.js';
import { streamFor, type RandomStream } from '../rng/stream.js';
import type { GenerationRecord } from './types.js';
import { cholesky, ess, essAfter, normalise, systematicResample, weightedCovariance } from './weights.js';

/** A prior seen on the free scale of the moves. */
export interface FreePrior {
  sampleFree(rng: RandomStream): number;
  /** Log density of the free value (the prior's density times the Jacobian). */
  logDensityFree(u: number): number;
}

export interface Proposal {
  readonly free: readonly number[];
  /** The stream identity of its simulations: `fit/<generation>/<move>/<particle>`. */
  readonly name: string;
}

/** Log likelihood estimates of a batch, in its order (-Infinity where the data are impossible). */
export type Evaluate = (batch: readonly Proposal[]) => Promise<number[]>;

export interface SmcState {
  readonly generation: number;
  readonly temperature: number;
  readonly free: readonly (readonly number[])[];
  readonly logLik: readonly number[];
  /** Normalised weights. */
  readonly weights: readonly number[];
  /** Proposal scale multiplier (of 2.38 / sqrt d) for the next generation. */
  readonly scale: number;
  readonly simulations: number;
  readonly records: readonly GenerationRecord[];
  /** Set when the simulation budget stopped the sampler before temperature 1. */
  readonly stoppedBy: 'budget' | null;
}

export interface SmcOptions {
  readonly particles: number;
  readonly seed: number;
  readonly priors: readonly FreePrior[];
  readonly evaluate: Evaluate;
  /** Subject simulations one evaluation runs (for the budget and the records). */
  readonly simulationsPerEvaluation: number;
  readonly maxSimulations?: number;
  /** Continue from a finished generation (--resume). */
  readonly resumeFrom?: SmcState;
  readonly onGeneration?: (state: SmcState) => void;
  readonly now?: () => number;
}

export const TARGET_ESS_FRACTION = 0.5;
export const MOVED_FRACTION = 0.8;
export const MAX_MOVES = 5;
const TARGET_ACCEPTANCE = 0.234;

export class NoLikelihoodError extends Error {}

/** The next temperature: where the ESS falls to TARGET_ESS_FRACTION of its value just above the current one. */
export function nextTemperature(weights: readonly number[], logLik: readonly number[], temperature: number): number {
  const logW = weights.map((w) => Math.log(w));
  const room = 1 - temperature;
  const target = TARGET_ESS_FRACTION * essAfter(logW, logLik, Math.min(room, 1e-300));
  if (essAfter(logW, logLik, room) >= target) return 1;
  let lo = 0;
  let hi = room;
  for (let i = 0; i < 100; i++) {
    const mid = 0.5 * (lo + hi);
    if (essAfter(logW, logLik, mid) >= target) lo = mid;
    else hi = mid;
  }
  return temperature + Math.max(lo, Number.MIN_VALUE);
}

function logPrior(priors: readonly FreePrior[], u: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < priors.length; j++) s += priors[j].logDensityFree(u[j]);
  return s;
}

export async function runSmc(opts: SmcOptions): Promise<SmcState> {
  const { particles: n, priors, seed, evaluate } = opts;
  const d = priors.length;
  const now = opts.now ?? (() => performance.now() / 1000);
  const budget = opts.maxSimulations ?? Infinity;
  const perEval = opts.simulationsPerEvaluation;
  let state = opts.resumeFrom ?? (await initial(opts, now));
  if (opts.resumeFrom === undefined) opts.onGeneration?.(state);

  while (state.temperature < 1) {
    if (state.simulations + n * perEval > budget) return { ...state, stoppedBy: 'budget' };
    const started = now();
    const g = state.generation + 1;
    const temperature = nextTemperature(state.weights, state.logLik, state.temperature);
    const delta = temperature - state.temperature;
    const w = normalise(state.weights.map((x, i) => (state.logLik[i] === -Infinity || x === 0 ? -Infinity : Math.log(x) + delta * state.logLik[i])));
    const essNow = ess(w);
    const sigma = cholesky(weightedCovariance(state.free, w));
    const picks = systematicResample(w, streamFor(seed, g, 'fit/resample').double());
    let free = picks.map((i) => [...state.free[i]]);
    let logLik = picks.map((i) => state.logLik[i]);
    const moved = new Uint8Array(n);
    const moveRng = streamFor(seed, g, 'fit/move');
    let lambda = (state.scale * 2.38) / Math.sqrt(d);
    let accepted = 0;
    let proposed = 0;
    let simulations = state.simulations;
    let scale = state.scale;
    for (let k = 1; k <= MAX_MOVES; k++) {
      if (simulations + n * perEval > budget && k > 1) break;
      const batch: Proposal[] = free.map((u, i) => {
        const z = Array.from({ length: d }, () => normal(moveRng));
        const step = sigma.map((row) => row.reduce((s, l, j) => s + l * z[j], 0));
        return { free: u.map((x, j) => x + lambda * step[j]), name: `fit/${g}/${k}/${i}` };
      });
      const uniforms = batch.map(() => moveRng.double());
      const ll = await evaluate(batch);
      simulations += n * perEval;
      let acc = 0;
      for (let i = 0; i < n; i++) {
        const logRatio = ll[i] === -Infinity ? -Infinity : temperature * (ll[i] - logLik[i]) + logPrior(priors, batch[i].free) - logPrior(priors, free[i]);
        if (Math.log(uniforms[i]) < logRatio) {
          free[i] = [...batch[i].free];
          logLik[i] = ll[i];
          moved[i] = 1;
          acc++;
        }
      }
      accepted += acc;
      proposed += n;
      const rate = acc / n;
      scale = Math.min(3, Math.max(0.05, scale * Math.exp(rate - TARGET_ACCEPTANCE)));
      lambda = (scale * 2.38) / Math.sqrt(d);
      if (moved.reduce((s, m) => s + m, 0) >= MOVED_FRACTION * n) break;
    }
    free = free.map((u) => u.slice());
    logLik = logLik.slice();
    const record: GenerationRecord = {
      generation: g, temperature, acceptance_rate: accepted / proposed, ess: essNow,
      simulations: simulations - state.simulations, seconds: now() - started,
    };
    state = {
      generation: g, temperature, free, logLik, weights: new Array<number>(n).fill(1 / n), scale,
      simulations, records: [...state.records, record], stoppedBy: null,
    };
    opts.onGeneration?.(state);
  }
  return state;
}

async function initial(opts: SmcOptions, now: () => number): Promise<SmcState> {
  const { particles: n, priors, seed } = opts;
  const started = now();
  const rng = streamFor(seed, 0, 'fit/prior');
  const free = Array.from({ length: n }, () => priors.map((p) => p.sampleFree(rng)));
  const logLik = await opts.evaluate(free.map((u, i) => ({ free: u, name: `fit/0/0/${i}` })));
  const finite = logLik.filter((l) => l > -Infinity).length;
  if (finite === 0) {
    throw new NoLikelihoodError(`none of the ${n} draws from the prior can give these data (every simulated likelihood is zero): widen the priors, check the observables' scale and noise, or check that the data's arms and times match the scenario`);
  }
  const simulations = n * opts.simulationsPerEvaluation;
  const record: GenerationRecord = { generation: 0, temperature: 0, acceptance_rate: null, ess: n, simulations, seconds: now() - started };
  return { generation: 0, temperature: 0, free, logLik, weights: new Array<number>(n).fill(1 / n), scale: 1, simulations, records: [record], stoppedBy: null };
}
