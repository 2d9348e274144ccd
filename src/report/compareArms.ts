// The comparison of treatment arms (arms.csv, arms.json, the stdout table, the report):
// per arm, the median relapse time with its CI (Kaplan-Meier, from summary.json), the
// relapse and extinction probabilities with Wilson intervals, and against the first arm
// the Cox hazard ratio (Efron ties) with its 95% CI, the log-rank p-value, and the paired
// sign test. Arms share their random numbers replicate by replicate, so they are positively
// correlated; the hazard ratio and the log-rank test assume independent groups and are
// conservative here, while the sign test pairs replicate r of the arm with replicate r of
// the first arm (by the replicate ids of summary.json) and uses that correlation.
import { hazardRatio } from '../analysis/hazardRatio.js';
import { logRank } from '../analysis/logRank.js';
import { pairedSignTest, type PairedObservation } from '../analysis/pairedSignTest.js';
import { wilsonInterval } from '../analysis/wilson.js';
import type { ArmResult } from './armResult.js';

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
}

export const COMPARISON_METHODS = {
  median: 'Kaplan-Meier median relapse time; 95% CI by Brookmeyer-Crowley (as R survfit); replicates without relapse are censored at the horizon',
  probabilities: 'relapse and extinction proportions with Wilson 95% intervals',
  hazard_ratio: 'Cox proportional hazards, one binary covariate (this arm against the first), Efron ties, Newton-Raphson; 95% Wald CI; null when an arm has no relapse',
  log_rank: 'two-sample log-rank test against the first arm (as R survdiff, rho = 0), chi-square on 1 df',
  paired: 'sign test paired by replicate against the first arm (Dixon & Mood 1946): later = this arm relapses later or not at all while the first arm relapses, earlier = the reverse, ties (neither relapses, or the same time) dropped; exact two-sided binomial p-value',
  pairing: 'arms share random numbers per replicate (common random numbers); the hazard ratio and the log-rank test treat arms as independent and are conservative; the paired sign test uses the pairing',
};

/** An arm's relapse observations keyed by replicate id (summary.runs and relapse are in the same order). */
function pairedObservations(arm: ArmResult): PairedObservation[] {
  return arm.relapse.map((o, i) => ({ replicate: arm.summary.runs[i].replicate, time: o.time, event: o.event }));
}

export function compareArms(arms: readonly ArmResult[]): ArmComparison[] {
  const reference = arms[0];
  return arms.map((arm, i) => {
    const r = arm.summary.relapse;
    const n = arm.summary.replicates;
    const hr = i === 0 ? null : hazardRatio(reference.relapse, arm.relapse);
    const lr = i === 0 ? null : logRank(reference.relapse, arm.relapse);
    const sign = i === 0 ? null : pairedSignTest(pairedObservations(reference), pairedObservations(arm));
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
    };
  });
}
