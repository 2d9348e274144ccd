// A calibration check's truths and data (Talts, Betancourt, Simpson, Vehtari & Gelman 2018,
// "Validating Bayesian inference algorithms with simulation-based calibration"; Cook, Gelman &
// Rubin 2006): refit k draws its true parameters from the prior, from the stream
// (seed, k, `calibration/truth`), and simulates a dataset of the user's design (the same
// subjects, arms, observables, times and profiled cells) at them, with the same engine and
// observation models the fit assumes. A fit that is calibrated covers each truth with its
// 50% and 90% intervals in 50% and 90% of the refits.
import { streamFor } from '../../rng/stream.js';
import type { FitModel } from '../fitModel.js';
import type { FitSubject } from '../fitSubjects.js';
import { priorSample } from '../prior.js';
import type { FitParameter } from '../types.js';

/** Prior draws tried before a refit gives up on finding values every arm's scenario accepts. */
const MAX_TRUTH_DRAWS = 1000;

/** The seed of refit k's own sampler and simulations. */
export function refitSeed(seed: number, k: number): number {
  return Math.floor(streamFor(seed, k, 'calibration/seed').double() * 2 ** 32);
}

/** Refit k's true values, drawn from the prior until every arm of the data accepts them. */
export function drawTruth(model: FitModel, parameters: readonly FitParameter[], arms: readonly string[], seed: number, k: number): number[] {
  const rng = streamFor(seed, k, 'calibration/truth');
  for (let i = 0; i < MAX_TRUTH_DRAWS; i++) {
    const theta = parameters.map((p) => priorSample(p.prior, rng));
    if (arms.every((a) => model.scenario(theta, a) !== null)) return theta;
  }
  throw new Error(`refit ${k}: none of ${MAX_TRUTH_DRAWS} draws from the priors is accepted by the scenario; narrow the priors to values the scenario allows`);
}

/**
 * The data's subjects with their values simulated at theta (subject i from the streams of
 * (refit seed, i, `calibration/data`)); an observation that cannot be made (the persister
 * profile of a tumour that died out) is dropped, as a real experiment would lack it.
 */
export function simulatedSubjects(model: FitModel, subjects: readonly FitSubject[], theta: readonly number[]): FitSubject[] {
  const out: FitSubject[] = [];
  for (const s of subjects) {
    const points = s.observations.map((o) => ({ timeH: o.timeH, observable: o.observable, nCells: o.nCells }));
    const values = model.bandValues(theta, s.arm, s.index, points, s.gridH, 'calibration/data');
    const observations = s.observations.flatMap((o, i) => (Number.isNaN(values[i]) ? [] : [{ ...o, value: values[i] }]));
    if (observations.length > 0) out.push({ ...s, horizonH: Math.max(...observations.map((o) => o.timeH)), observations });
  }
  return out;
}
