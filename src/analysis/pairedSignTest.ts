// The sign test for paired, right-censored relapse times (Dixon & Mood 1946, "The
// statistical sign test", JASA 41:557), with the pairwise scoring of censored comparisons
// of Gehan (1965, Biometrika 52:203): a pair counts for one side only when the order of its
// two times is determined. Arms run with common random numbers, so replicate r of an arm
// and replicate r of the reference arm differ only by the intervention; each pair is
//   later    the arm relapses later than the reference, or does not relapse while the
//            reference does (censored at or after the reference's relapse time);
//   earlier  the reverse;
//   tie      both censored (neither relapses: no order), equal relapse times, or an order
//            that censoring leaves undetermined (one censored before the other's relapse).
//            persim censors every replicate at the common horizon, after any relapse, so
//            the last case cannot arise from a run; it is a tie rather than a guess.
// Ties are dropped, as in Dixon & Mood: conditionally on the n untied pairs, `later` is
// Binomial(n, 1/2) under the null hypothesis that an untied pair is as likely to go
// either way, whatever the ties. The two-sided p-value is min(1, 2 P(X <= min(later,
// earlier))), exact; with no untied pair it is 1. Dropping ties keeps the test exact
// (conservative at any level, the binomial being discrete) and makes identical arms, all
// ties under common random numbers, give p = 1. The tail is an exact sum of binomial
// terms, rescaled by powers of two (exact) to stay in range: n may be tens of thousands.
import type { SurvivalObservation } from './kaplanMeier.js';

export interface PairedObservation extends SurvivalObservation {
  /** The replicate id that pairs this observation with the other arm's. */
  replicate: number;
}

export type PairOutcome = 'later' | 'earlier' | 'tie';

export interface PairedSignTest {
  /** Replicate ids present in both lists. */
  pairs: number;
  later: number;
  earlier: number;
  ties: number;
  /** Exact two-sided sign-test p-value on later against earlier (ties dropped). */
  p: number;
}

/** Whether `arm` relapses later than, earlier than, or tied with `reference` (see the header). */
export function comparePair(reference: SurvivalObservation, arm: SurvivalObservation): PairOutcome {
  if (reference.event && arm.event) {
    return arm.time > reference.time ? 'later' : arm.time < reference.time ? 'earlier' : 'tie';
  }
  // A censored time is no relapse up to and including it (events before censorings at a tie,
  // as in Kaplan-Meier), so a censoring at or after the other's relapse orders the pair.
  if (reference.event) return arm.time >= reference.time ? 'later' : 'tie';
  if (arm.event) return reference.time >= arm.time ? 'earlier' : 'tie';
  return 'tie';
}

/** x 2^e without overflow or underflow of the intermediate power of two. */
function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

/** P(X <= k) for X ~ Binomial(n, 1/2): the terms C(n, i) summed upward (they grow while i < n/2), rescaled by 2^-600 when large. */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let term = 1;
  let sum = 1;
  let exponent = -n;
  for (let i = 0; i < k; i++) {
    term = (term * (n - i)) / (i + 1);
    sum += term;
    if (sum > 2 ** 600) {
      term *= 2 ** -600;
      sum *= 2 ** -600;
      exponent += 600;
    }
  }
  return Math.min(1, ldexp(sum, exponent));
}

/** Exact two-sided sign-test p-value: min(1, 2 P(X <= min(later, earlier))), X ~ Binomial(later + earlier, 1/2); 1 when both are 0. */
export function signTestP(later: number, earlier: number): number {
  const n = later + earlier;
  if (n === 0) return 1;
  return Math.min(1, 2 * binomialHalfCdf(Math.min(later, earlier), n));
}

/** Pairs `arm` with `reference` by replicate id (ids in both lists, in the reference's order) and tests whether the arm relapses later. */
export function pairedSignTest(reference: readonly PairedObservation[], arm: readonly PairedObservation[]): PairedSignTest {
  const byId = new Map<number, PairedObservation>();
  for (const o of arm) {
    if (byId.has(o.replicate)) throw new RangeError(`replicate ${o.replicate} appears twice in the arm's observations`);
    byId.set(o.replicate, o);
  }
  const seen = new Set<number>();
  const counts = { later: 0, earlier: 0, tie: 0 };
  for (const r of reference) {
    if (seen.has(r.replicate)) throw new RangeError(`replicate ${r.replicate} appears twice in the reference observations`);
    seen.add(r.replicate);
    const a = byId.get(r.replicate);
    if (a !== undefined) counts[comparePair(r, a)]++;
  }
  return {
    pairs: counts.later + counts.earlier + counts.tie,
    later: counts.later,
    earlier: counts.earlier,
    ties: counts.tie,
    p: signTestP(counts.later, counts.earlier),
  };
}
