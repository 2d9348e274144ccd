// The two-sample log-rank test (Mantel 1966, Cancer Chemother Rep 50:163; Peto & Peto 1972,
// JRSS A 135:185), as R's survdiff with rho = 0: at each distinct event time, the events
// expected in group 1 given the numbers at risk, and the hypergeometric variance
// d (n1/n)(1 - n1/n)(n - d)/(n - 1). The statistic (O1 - E1)^2 / V is chi-square with
// 1 degree of freedom under equal hazards; its upper tail is erfc(sqrt(x / 2)), with erfc
// from Numerical Recipes (Press et al. 1992, section 6.2, fractional error < 1.2e-7).
import type { SurvivalObservation } from './kaplanMeier.js';

export interface LogRank {
  /** Events observed in group 0 and group 1. */
  observed: [number, number];
  /** Events expected under equal hazards. */
  expected: [number, number];
  /** Variance of O1 - E1. */
  variance: number;
  /** (O1 - E1)^2 / V; null when there is no information (no event, or V = 0). */
  chiSquare: number | null;
  /** Upper tail of chi-square with 1 degree of freedom; null with chiSquare. */
  p: number | null;
}

/** Complementary error function (Numerical Recipes erfcc, Chebyshev fit). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const ans = t * Math.exp(-z * z + poly);
  return x >= 0 ? ans : 2 - ans;
}

/** P(X >= x) for X chi-square with 1 degree of freedom. */
export function chiSquare1Upper(x: number): number {
  return x <= 0 ? 1 : erfc(Math.sqrt(x / 2));
}

/** Observations of both groups merged and sorted by time, each tagged with its group. */
export function pooled(group0: readonly SurvivalObservation[], group1: readonly SurvivalObservation[]) {
  const all = [
    ...group0.map((o) => ({ time: o.time, event: o.event, group: 0 as const })),
    ...group1.map((o) => ({ time: o.time, event: o.event, group: 1 as const })),
  ];
  return all.sort((a, b) => a.time - b.time);
}

export function logRank(group0: readonly SurvivalObservation[], group1: readonly SurvivalObservation[]): LogRank {
  const all = pooled(group0, group1);
  let atRisk = all.length;
  let atRisk1 = group1.length;
  const observed: [number, number] = [0, 0];
  let expected1 = 0;
  let variance = 0;
  for (let i = 0; i < all.length;) {
    const t = all[i].time;
    let d = 0;
    let d1 = 0;
    let leaving = 0;
    let leaving1 = 0;
    for (; i < all.length && all[i].time === t; i++) {
      const o = all[i];
      leaving++;
      if (o.group === 1) leaving1++;
      if (o.event) {
        d++;
        if (o.group === 1) d1++;
      }
    }
    if (d > 0) {
      const share = atRisk1 / atRisk;
      observed[1] += d1;
      observed[0] += d - d1;
      expected1 += d * share;
      if (atRisk > 1) variance += (d * share * (1 - share) * (atRisk - d)) / (atRisk - 1);
    }
    atRisk -= leaving;
    atRisk1 -= leaving1;
  }
  const events = observed[0] + observed[1];
  const expected: [number, number] = [events - expected1, expected1];
  if (events === 0 || !(variance > 0)) return { observed, expected, variance, chiSquare: null, p: null };
  const chiSquare = (observed[1] - expected1) ** 2 / variance;
  return { observed, expected, variance, chiSquare, p: chiSquare1Upper(chiSquare) };
}
