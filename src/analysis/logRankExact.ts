// The exact (permutation) two-sided p-value of the log-rank test: conditionally on the pooled
// times, every split of the N observations into groups of n0 and n1 is equally likely under
// equal hazards (censoring here is at a horizon common to both groups), and the log-rank
// numerator O1 - E1 is a linear rank statistic, the sum over group 1 of the log-rank (Savage)
// scores a_i = delta_i - Lambda(t_i), Lambda the pooled Nelson-Aalen estimate at t_i
// (Peto & Peto 1972, JRSS A 135:185; Kalbfleisch & Prentice 2002, section 7.2). The p-value
// is P(|U| >= |u_obs|) over the splits, with U's conditional variance as the denominator, as
// in R's coin::logrank_test(distribution = "exact").
// Observations with equal scores form classes (sizes m_k); a split is a count c_k per class
// with probability prod C(m_k, c_k) / C(N, n1) (multivariate hypergeometric). The tails are
// enumerated by depth-first search over the classes in descending score order, pruning a
// branch that cannot reach the tail and counting whole a branch that cannot leave it
// (a branch-and-bound count, as in Mehta & Patel's network algorithm, 1983, JASA 78:427).
// Where arms separate, the tail holds few splits and the count is quick; where they overlap,
// the tail holds most of them: the search stops after a budget of nodes and the p-value is
// null (the chi-square p of logRank.ts is then accurate: the case is not extreme).
import type { SurvivalObservation } from './kaplanMeier.js';
import { pooled } from './logRank.js';
import { logFactorial } from '../rng/logFactorial.js';

/** Search nodes before giving up (a few milliseconds). */
export const EXACT_NODE_BUDGET = 200_000;

interface ScoreClass {
  readonly score: number;
  readonly size: number;
}

/** The log-rank scores of the pooled observations, grouped by equal score, and group 1's sum. */
function scoreClasses(group0: readonly SurvivalObservation[], group1: readonly SurvivalObservation[]): { classes: ScoreClass[]; observed: number } {
  const all = pooled(group0, group1);
  const sizes = new Map<number, number>();
  let atRisk = all.length;
  let hazard = 0;
  let observed = 0;
  for (let i = 0; i < all.length;) {
    const t = all[i].time;
    let j = i;
    let d = 0;
    for (; j < all.length && all[j].time === t; j++) if (all[j].event) d++;
    hazard += d / atRisk;
    for (let k = i; k < j; k++) {
      const score = (all[k].event ? 1 : 0) - hazard;
      sizes.set(score, (sizes.get(score) ?? 0) + 1);
      if (all[k].group === 1) observed += score;
    }
    atRisk -= j - i;
    i = j;
  }
  const classes = [...sizes].map(([score, size]) => ({ score, size })).sort((a, b) => b.score - a.score);
  return { classes, observed };
}

const logChoose = (n: number, k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k);

/** P(sum of a random n1-subset's scores >= threshold), or null past the node budget. */
function upperTail(classes: readonly ScoreClass[], n1: number, threshold: number, budget: { nodes: number }): number | null {
  const K = classes.length;
  const rest = new Int32Array(K + 1); // observations in classes k.. K-1
  for (let k = K - 1; k >= 0; k--) rest[k] = rest[k + 1] + classes[k].size;
  const logTotal = logChoose(rest[0], n1);
  /** The largest (smallest) sum of r scores from classes k.., taken greedily from the top (bottom). */
  const extreme = (k: number, r: number, fromTop: boolean) => {
    let sum = 0;
    for (let i = fromTop ? k : K - 1; r > 0; fromTop ? i++ : i--) {
      const take = Math.min(r, classes[i].size);
      sum += take * classes[i].score;
      r -= take;
    }
    return sum;
  };
  let p = 0;
  let exhausted = false;
  const visit = (k: number, r: number, sum: number, logWays: number) => {
    if (exhausted) return;
    if (--budget.nodes < 0) {
      exhausted = true;
      return;
    }
    if (sum + extreme(k, r, true) < threshold) return;
    if (sum + extreme(k, r, false) >= threshold) {
      p += Math.exp(logWays + logChoose(rest[k], r) - logTotal);
      return;
    }
    const { size } = classes[k];
    for (let c = Math.min(r, size); c >= Math.max(0, r - rest[k + 1]); c--) {
      visit(k + 1, r - c, sum + c * classes[k].score, logWays + logChoose(size, c));
    }
  };
  visit(0, n1, 0, 0);
  return exhausted ? null : p;
}

/** Exact two-sided permutation p-value of the log-rank test of group 1 against group 0; null when there is no event or past the search budget. */
export function logRankExactP(group0: readonly SurvivalObservation[], group1: readonly SurvivalObservation[], nodeBudget = EXACT_NODE_BUDGET): number | null {
  if (group0.length === 0 || group1.length === 0) return null;
  const { classes, observed } = scoreClasses(group0, group1);
  if (classes.length < 2) return null; // every score equal: no event, or nothing to order
  const n1 = group1.length;
  const mean = (n1 / (group0.length + n1)) * classes.reduce((s, c) => s + c.size * c.score, 0);
  const dev = Math.abs(observed - mean);
  const scale = Math.max(1, ...classes.map((c) => Math.abs(c.score)));
  const tol = 1e-9 * scale * n1; // sums equal but for rounding count as equal
  if (dev <= tol) return 1;
  const budget = { nodes: nodeBudget };
  const upper = upperTail(classes, n1, mean + dev - tol, budget);
  if (upper === null) return null;
  // The lower tail: the upper tail of the negated scores.
  const negated = classes.map((c) => ({ score: -c.score, size: c.size })).reverse();
  const lower = upperTail(negated, n1, -(mean - dev) - tol, budget);
  if (lower === null) return null;
  return Math.min(1, upper + lower);
}
