// The comparison of treatment arms (arms.csv, arms.json, the stdout table, the report):
// per arm, the median relapse time with its CI (Kaplan-Meier, from summary.json), the
// relapse and extinction probabilities with Wilson intervals, and against the first arm
// the Cox hazard ratio (Efron ties) with its 95% CI, the log-rank p-value, and the paired
// sign test. Arms share their random numbers replicate by replicate, so they are positively
// correlated; the hazard ratio and the log-rank test assume independent groups and are
// conservative here, while the sign test pairs replicate r of the arm with replicate r of
// the first arm (by the replicate ids of summary.json) and uses that correlation.
// Replicates that never responded are counted (no_response) and left out of the medians, the
// hazard ratio and the log-rank tests (relapseEvent.ts); in the sign test a replicate without
// response fares worse than any that responded. Against the first arm each arm also gets the
// exact permutation log-rank p, the median difference with its paired-bootstrap interval, and
// a note: why the hazard ratio is not estimable, or the caveat when it is far from 1.
import { hazardRatio } from '../analysis/hazardRatio.js';
import { logRank } from '../analysis/logRank.js';
import { logRankExactP } from '../analysis/logRankExact.js';
import { medianDifference, type PairedRelapse } from '../analysis/medianDifference.js';
import { pairedSignTest, type PairedObservation } from '../analysis/pairedSignTest.js';
import { wilsonInterval } from '../analysis/wilson.js';
import { streamFor } from '../rng/stream.js';
import type { ArmResult } from './armResult.js';
import { hazardRatioNote } from './hazardRatioNote.js';

export interface ArmComparison {
  name: string;
  slug: string | null;
  replicates: number;
  relapsed: number;
  censored: number;
  extinct: number;
  median_h: number | null;
  median_ci95_h: [number | null, number | null];
  relapse_probability: number;
  relapse_probability_ci95: [number, number];
  extinction_probability: number;
  extinction_probability_ci95: [number, number];
  /** Against the first arm (null for the first arm itself or when not estimable). */
  hazard_ratio: number | null;
  hazard_ratio_ci95: [number, number] | null;
  log_rank_chi2: number | null;
  log_rank_p: number | null;
  /** Paired with the first arm by replicate (null for the first arm): replicates where this arm relapses later, earlier, or tied (see pairedSignTest). */
  paired_later: number | null;
  paired_earlier: number | null;
  paired_ties: number | null;
  /** Exact two-sided sign-test p-value on paired_later against paired_earlier (ties dropped). */
  paired_sign_p: number | null;
  /** Replicates whose burden never fell below the relapse threshold (in none of the statistics above but the sign test). */
  no_response: number;
  /** Why the hazard ratio is not estimable, or the caveat for one far from 1; null otherwise (and for the first arm). */
  hazard_ratio_note: string | null;
  /** Exact two-sided permutation p-value of the log-rank test; null for the first arm, without events, or when the arms overlap too much to enumerate (then log_rank_p is accurate). */
  log_rank_exact_p: number | null;
  /** Median relapse time minus the first arm's, hours, with a paired-bootstrap 95% interval (null limits: not reached). */
  median_difference_h: number | null;
  median_difference_ci95_h: [number | null, number | null] | null;
}

export const COMPARISON_METHODS = {
  median: 'Kaplan-Meier median relapse time; 95% CI by Brookmeyer-Crowley (as R survfit); replicates without relapse are censored at the horizon',
  probabilities: 'relapse and extinction proportions with Wilson 95% intervals',
  hazard_ratio: 'Cox proportional hazards, one binary covariate (this arm against the first), Efron ties, Newton-Raphson; 95% Wald CI; null when an arm has no relapse or the arms separate completely (hazard_ratio_note says which)',
  log_rank: 'two-sample log-rank test against the first arm (as R survdiff, rho = 0), chi-square on 1 df; log_rank_exact_p: its exact two-sided permutation p-value (as R coin::logrank_test, distribution = "exact")',
  median_difference: 'median relapse time minus the first arm\'s; 95% percentile bootstrap interval, 2000 resamples of replicate ids taken in both arms (paired), stream persim/<seed>/<arm index>/median-difference',
  no_response: 'replicates whose burden never fell below the relapse threshold: not relapsed, and left out of the medians, the hazard ratio and the log-rank tests',
  paired: 'sign test paired by replicate against the first arm (Dixon & Mood 1946): later = this arm relapses later or not at all while the first arm relapses, earlier = the reverse, ties (neither relapses, or the same time) dropped; a replicate without response counts as relapsing at time 0; exact two-sided binomial p-value',
  pairing: 'arms share random numbers per replicate (common random numbers); the hazard ratio and the log-rank test treat arms as independent and are conservative; the paired sign test uses the pairing',
};

/** An arm's relapse observations keyed by replicate id; a replicate without response relapses at 0, before any responder. */
function pairedObservations(arm: ArmResult): PairedObservation[] {
  const horizon = arm.summary.horizon_h;
  return arm.summary.runs.map((r) =>
    r.responded ? { replicate: r.replicate, time: r.relapse_h ?? horizon, event: r.relapse_h !== null } : { replicate: r.replicate, time: 0, event: true },
  );
}

function pairedRelapses(arm: ArmResult): PairedRelapse[] {
  return arm.summary.runs.map((r) => ({ replicate: r.replicate, responded: r.responded, relapseH: r.relapse_h }));
}

export function compareArms(arms: readonly ArmResult[]): ArmComparison[] {
  const reference = arms[0];
  return arms.map((arm, i) => {
    const r = arm.summary.relapse;
    const n = arm.summary.replicates;
    const hr = i === 0 ? null : hazardRatio(reference.relapse, arm.relapse);
    const lr = i === 0 ? null : logRank(reference.relapse, arm.relapse);
    const sign = i === 0 ? null : pairedSignTest(pairedObservations(reference), pairedObservations(arm));
    const horizon = Math.max(reference.summary.horizon_h, arm.summary.horizon_h);
    const diff = i === 0 ? null : medianDifference(pairedRelapses(reference), pairedRelapses(arm), horizon, streamFor(arm.summary.seed, i, 'median-difference'));
    const noResponse = (a: ArmResult) => a.summary.runs.filter((x) => !x.responded).length;
    const responders = (a: ArmResult) => a.summary.replicates - noResponse(a);
    return {
      name: arm.name,
      slug: arm.slug,
      replicates: n,
      relapsed: r.relapsed,
      censored: r.censored,
      extinct: r.extinct,
      median_h: r.median_h,
      median_ci95_h: r.ci95_h,
      relapse_probability: r.probability,
      relapse_probability_ci95: r.probability_ci95,
      extinction_probability: n === 0 ? 0 : r.extinct / n,
      extinction_probability_ci95: wilsonInterval(r.extinct, n),
      hazard_ratio: hr?.ratio ?? null,
      hazard_ratio_ci95: hr?.ci95 ?? null,
      log_rank_chi2: lr?.chiSquare ?? null,
      log_rank_p: lr?.p ?? null,
      paired_later: sign?.later ?? null,
      paired_earlier: sign?.earlier ?? null,
      paired_ties: sign?.ties ?? null,
      paired_sign_p: sign?.p ?? null,
      no_response: noResponse(arm),
      hazard_ratio_note: hr === null ? null : hazardRatioNote(hr, {
        arm: arm.name,
        reference: reference.name,
        armResponders: responders(arm),
        referenceResponders: responders(reference),
        referenceMedianH: reference.summary.relapse.median_h,
        medianDifferenceH: diff?.difference ?? null,
      }),
      log_rank_exact_p: i === 0 ? null : logRankExactP(reference.relapse, arm.relapse),
      median_difference_h: diff?.difference ?? null,
      median_difference_ci95_h: diff?.ci95 ?? null,
    };
  });
}
