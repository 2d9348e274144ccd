// The difference of two Kaplan-Meier median relapse times (arm minus reference) with a 95%
// percentile bootstrap interval (Efron 1981, "Censored data and the bootstrap", JASA
// 76:312). Arms share their random numbers replicate by replicate, so the pair of a
// replicate id is the independent unit: each resample draws replicate ids with replacement
// and takes both arms' observations of them (a paired bootstrap). Replicates that never
// responded stay out of each arm's median (relapseEvent.ts). A median not reached counts as
// beyond the horizon, so a resample where only one arm reaches it gives a difference of
// -infinity or +infinity, and an interval limit that falls there is null ("not reached");
// the difference itself is null when either median is.
import { kaplanMeier } from './kaplanMeier.js';
import { responderObservations, type RelapseFacts } from './relapseEvent.js';
import type { RandomStream } from '../rng/stream.js';

export const BOOTSTRAP_RESAMPLES = 2000;

export interface PairedRelapse extends RelapseFacts {
  readonly replicate: number;
}

export interface MedianDifference {
  /** Arm median minus reference median, hours; null when either is not reached. */
  readonly difference: number | null;
  /** Percentile bootstrap 95% interval; a limit beyond what the medians reach is null. */
  readonly ci95: [number | null, number | null];
}

function median(runs: readonly RelapseFacts[], horizonH: number): number | null {
  return kaplanMeier(responderObservations(runs, horizonH)).median;
}

function difference(ref: number | null, arm: number | null): number {
  if (ref === null && arm === null) return NaN;
  if (arm === null) return Infinity;
  if (ref === null) return -Infinity;
  return arm - ref;
}

export function medianDifference(
  reference: readonly PairedRelapse[],
  arm: readonly PairedRelapse[],
  horizonH: number,
  rand: RandomStream,
  resamples = BOOTSTRAP_RESAMPLES,
): MedianDifference {
  const byId = new Map(arm.map((r) => [r.replicate, r]));
  const pairs = reference.flatMap((r) => {
    const a = byId.get(r.replicate);
    return a === undefined ? [] : [[r, a] as const];
  });
  const observed = difference(median(reference, horizonH), median(arm, horizonH));
  const n = pairs.length;
  if (n === 0) return { difference: null, ci95: [null, null] };
  const draws: number[] = [];
  const refSample: RelapseFacts[] = new Array(n);
  const armSample: RelapseFacts[] = new Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) {
      const [r, a] = pairs[Math.floor(rand() * n)];
      refSample[i] = r;
      armSample[i] = a;
    }
    draws.push(difference(median(refSample, horizonH), median(armSample, horizonH)));
  }
  // A resample where neither median is reached has no difference; more than 2.5% of them leave the interval undefined.
  const defined = draws.filter((x) => !Number.isNaN(x)).sort((x, y) => x - y);
  const limit = (q: number) => {
    const x = defined[Math.min(defined.length - 1, Math.max(0, q))];
    return defined.length < 0.975 * resamples || !Number.isFinite(x) ? null : x;
  };
  return {
    difference: Number.isFinite(observed) ? observed : null,
    ci95: [limit(Math.floor(0.025 * defined.length)), limit(Math.ceil(0.975 * defined.length) - 1)],
  };
}
