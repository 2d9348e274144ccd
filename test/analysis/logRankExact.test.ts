// The exact log-rank p-value against a brute-force enumeration of every split of the pooled
// observations (small samples, ties and censoring included), and its known value where two
// groups separate completely: the observed split is the most extreme, so p = 2 / C(N, n1).
import { describe, expect, it } from 'vitest';
import type { SurvivalObservation } from '../../src/analysis/kaplanMeier.js';
import { logRank } from '../../src/analysis/logRank.js';
import { logRankExactP } from '../../src/analysis/logRankExact.js';
import { streamFor } from '../../src/rng/stream.js';

/** O1 - E1 of the log-rank test (its numerator), from logRank.ts. */
const numerator = (g0: SurvivalObservation[], g1: SurvivalObservation[]) => {
  const lr = logRank(g0, g1);
  return lr.observed[1] - lr.expected[1];
};

function bruteForceP(g0: SurvivalObservation[], g1: SurvivalObservation[]): number {
  const all = [...g0, ...g1];
  const n1 = g1.length;
  const u = Math.abs(numerator(g0, g1));
  let hits = 0;
  let total = 0;
  for (let mask = 0; mask < 1 << all.length; mask++) {
    let bits = 0;
    for (let m = mask; m; m &= m - 1) bits++;
    if (bits !== n1) continue;
    const a = all.filter((_, i) => !(mask & (1 << i)));
    const b = all.filter((_, i) => mask & (1 << i));
    total++;
    if (Math.abs(numerator(a, b)) >= u - 1e-9) hits++;
  }
  return hits / total;
}

function sample(rand: () => number, n: number, shift: number): SurvivalObservation[] {
  // Times on a coarse grid (ties), censored at a common horizon of 10.
  return Array.from({ length: n }, () => {
    const t = Math.ceil(rand() * 8 + shift);
    return t >= 10 ? { time: 10, event: false } : { time: t, event: true };
  });
}

describe('exact log-rank p-value', () => {
  it('equals the brute-force permutation p on small samples with ties and censoring', () => {
    const rand = streamFor(1, 0, 'test-logrank-exact');
    for (let trial = 0; trial < 12; trial++) {
      const g0 = sample(rand, 5 + (trial % 3), 0);
      const g1 = sample(rand, 6, trial % 4);
      const p = logRankExactP(g0, g1);
      expect(p, `trial ${trial}`).not.toBeNull();
      expect(p as number).toBeCloseTo(bruteForceP(g0, g1), 12);
    }
  });

  it('is 2 / C(N, n1) when every relapse of one group comes before any of the other', () => {
    const early = Array.from({ length: 20 }, (_, i) => ({ time: 10 + i, event: true }));
    const late = Array.from({ length: 20 }, (_, i) => ({ time: 50 + i, event: true }));
    // C(40, 20) = 137846528820
    expect(logRankExactP(early, late)).toBeCloseTo(2 / 137846528820, 22);
    expect(logRankExactP(late, early)).toBeCloseTo(2 / 137846528820, 22);
    // The chi-square approximation says 9.0e-12 there: 40% too small.
    expect((logRank(early, late).p as number) / (2 / 137846528820)).toBeLessThan(0.7);
  });

  it('gives up (null) rather than search long when the groups overlap a lot', () => {
    const rand = streamFor(2, 0, 'test-logrank-exact');
    const g = () => Array.from({ length: 200 }, () => ({ time: rand() * 100, event: true }));
    expect(logRankExactP(g(), g(), 10_000)).toBeNull();
  });
});
