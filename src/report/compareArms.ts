// The comparison of treatment arms (arms.csv, arms.json, the stdout table, the report):
// per arm, the median relapse time with its CI (Kaplan-Meier, from summary.json), the
// relapse and extinction probabilities with Wilson intervals, and against the first arm
// the Cox hazard ratio (Efron ties) with its 95% CI and the log-rank p-value.
// Arms share their random numbers replicate by replicate, so they are positively
// correlated; both tests assume independent groups and are conservative here.
import { hazardRatio } from '../analysis/hazardRatio.js';
import { logRank } from '../analysis/logRank.js';
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
}

export const COMPARISON_METHODS = {
  median: 'Kaplan-Meier median relapse time; 95% CI by Brookmeyer-Crowley (as R survfit); replicates without relapse are censored at the horizon',
  probabilities: 'relapse and extinction proportions with Wilson 95% intervals',
  hazard_ratio: 'Cox proportional hazards, one binary covariate (this arm against the first), Efron ties, Newton-Raphson; 95% Wald CI; null when an arm has no relapse',
  log_rank: 'two-sample log-rank test against the first arm (as R survdiff, rho = 0), chi-square on 1 df',
  pairing: 'arms share random numbers per replicate (common random numbers); the tests treat arms as independent and are conservative',
};

export function compareArms(arms: readonly ArmResult[]): ArmComparison[] {
  const reference = arms[0];
  return arms.map((arm, i) => {
    const r = arm.summary.relapse;
    const n = arm.summary.replicates;
    const hr = i === 0 ? null : hazardRatio(reference.relapse, arm.relapse);
    const lr = i === 0 ? null : logRank(reference.relapse, arm.relapse);
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
    };
  });
}
