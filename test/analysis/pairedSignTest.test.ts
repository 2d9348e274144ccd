// The paired sign test: hand-computed p-values, the scoring of censored pairs, pairing by
// replicate id, the binomial tail against an exact BigInt sum (small and large n) and a
// normal approximation (n = 5000), and its type-I error on simulated null pairs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erfc } from '../../src/analysis/logRank.js';
import { binomialHalfCdf, comparePair, pairedSignTest, signTestP, type PairedObservation } from '../../src/analysis/pairedSignTest.js';
import { exponential } from '../../src/rng/exponential.js';
import { streamFor } from '../../src/rng/stream.js';
import { proportionSe } from '../helpers/stats.js';

/** P(X <= k), X ~ Binomial(n, 1/2), from the exact integer sum of C(n, i), rounded once. */
function exactCdf(k: number, n: number): number {
  let c = 1n;
  let s = 1n;
  for (let i = 0; i < k; i++) {
    c = (c * BigInt(n - i)) / BigInt(i + 1);
    s += c;
  }
  const shift = Math.max(0, s.toString(2).length - 64);
  return Number(s >> BigInt(shift)) * 2 ** (shift - n);
}

const exactP = (later: number, earlier: number) =>
  later + earlier === 0 ? 1 : Math.min(1, 2 * exactCdf(Math.min(later, earlier), later + earlier));

const ev = (time: number) => ({ time, event: true });
const cens = (time: number) => ({ time, event: false });

describe('sign-test p-value', () => {
  it('is exact on hand-computed cases', () => {
    expect(signTestP(9, 1)).toBe(0.021484375); // 2 (1 + 10) / 2^10
    expect(signTestP(1, 9)).toBe(0.021484375);
    expect(signTestP(10, 0)).toBe(2 / 1024);
    expect(signTestP(6, 0)).toBe(0.03125); // 2 / 64
    expect(signTestP(5, 1)).toBe(0.21875); // 2 (1 + 6) / 64
    expect(signTestP(0, 0)).toBe(1);
    expect(signTestP(1, 0)).toBe(1);
    expect(signTestP(5, 5)).toBe(1);
    expect(signTestP(4, 5)).toBe(1);
    expect(signTestP(3, 5)).toBeCloseTo(0.7265625, 15); // 2 (1 + 8 + 28 + 56) / 256
  });

  it('matches the exact binomial sum for n up to 60, and is symmetric', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (a, b) => {
        fc.pre(a + b <= 60);
        const p = signTestP(a, b);
        expect(p).toBe(signTestP(b, a));
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(Math.abs(p - exactP(a, b))).toBeLessThanOrEqual(1e-13 * exactP(a, b));
      }),
      { numRuns: 400 },
    );
  });

  it('matches the exact sum where the terms are rescaled (n in the thousands)', () => {
    for (const [k, n] of [[700, 1500], [1400, 3000], [2400, 5000], [2000, 5000], [2500, 5000], [600, 1200]]) {
      const exact = exactCdf(k, n);
      expect(Math.abs(binomialHalfCdf(k, n) / exact - 1)).toBeLessThan(1e-11);
    }
    expect(binomialHalfCdf(-1, 10)).toBe(0);
    expect(binomialHalfCdf(10, 10)).toBe(1);
  });

  it('for 5000 pairs is finite, in [0, 1], and close to the normal approximation', () => {
    const n = 5000;
    for (const later of [2500, 2530, 2560, 2600, 2650]) {
      const p = signTestP(later, n - later);
      expect(Number.isFinite(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      // Continuity-corrected normal approximation: the error is O(1/n), far below 0.002 here.
      const z = Math.max(0, Math.abs(later - n / 2) - 0.5) / Math.sqrt(n / 4);
      expect(Math.abs(p - erfc(z / Math.SQRT2))).toBeLessThan(0.002);
    }
    expect(signTestP(n, 0)).toBe(0); // 2^-4999 underflows: finite, in [0, 1]
    const far = signTestP(3000, 2000);
    expect(far).toBeGreaterThan(0);
    expect(far).toBeLessThan(1e-40);
  });
});

describe('scoring a pair (the arm against the reference)', () => {
  it('orders two relapses by time, equal times tie', () => {
    expect(comparePair(ev(100), ev(120))).toBe('later');
    expect(comparePair(ev(120), ev(100))).toBe('earlier');
    expect(comparePair(ev(100), ev(100))).toBe('tie');
  });

  it('counts no relapse against a relapse, and neither relapsing as a tie', () => {
    expect(comparePair(ev(100), cens(600))).toBe('later');
    expect(comparePair(cens(600), ev(100))).toBe('earlier');
    expect(comparePair(cens(600), cens(600))).toBe('tie');
    // Censored at the other's relapse time: no relapse up to then, so still ordered.
    expect(comparePair(ev(600), cens(600))).toBe('later');
    expect(comparePair(cens(600), ev(600))).toBe('earlier');
  });

  it('is a tie when censoring before the other relapse leaves the order undetermined', () => {
    expect(comparePair(ev(100), cens(50))).toBe('tie');
    expect(comparePair(cens(50), ev(100))).toBe('tie');
  });
});

describe('pairedSignTest', () => {
  const obs = (replicate: number, time: number, event = true): PairedObservation => ({ replicate, time, event });

  it('pairs by replicate id, whatever the order, and skips ids missing on either side', () => {
    const reference = [obs(0, 100), obs(1, 200), obs(2, 300), obs(3, 600, false), obs(7, 50)];
    const arm = [obs(3, 600, false), obs(2, 250), obs(1, 220), obs(0, 150), obs(9, 10)];
    expect(pairedSignTest(reference, arm)).toEqual({ pairs: 4, later: 2, earlier: 1, ties: 1, p: 1 });
  });

  it('gives 9 later, 1 earlier: p = 0.021484375', () => {
    const reference = Array.from({ length: 12 }, (_, r) => obs(r, 100 + r));
    const arm = reference.map((o) => (o.replicate === 4 ? obs(4, 50) : o.replicate >= 10 ? obs(o.replicate, 600, false) : obs(o.replicate, o.time + 10)));
    // Replicates 10 and 11 do not relapse in the arm while they do in the reference: later too.
    expect(pairedSignTest(reference, arm)).toEqual({ pairs: 12, later: 11, earlier: 1, ties: 0, p: signTestP(11, 1) });
    const nine = pairedSignTest(reference.slice(0, 10), arm);
    expect(nine).toEqual({ pairs: 10, later: 9, earlier: 1, ties: 0, p: 0.021484375 });
  });

  it('gives all ties and p = 1 for identical arms, and for no common replicate', () => {
    const a = [obs(0, 100), obs(1, 600, false), obs(2, 310)];
    expect(pairedSignTest(a, a)).toEqual({ pairs: 3, later: 0, earlier: 0, ties: 3, p: 1 });
    expect(pairedSignTest(a, [obs(5, 1)])).toEqual({ pairs: 0, later: 0, earlier: 0, ties: 0, p: 1 });
    expect(pairedSignTest([], [])).toEqual({ pairs: 0, later: 0, earlier: 0, ties: 0, p: 1 });
  });

  it('refuses a replicate id given twice', () => {
    expect(() => pairedSignTest([obs(1, 5), obs(1, 6)], [obs(1, 5)])).toThrow(/replicate 1 appears twice/);
    expect(() => pairedSignTest([obs(1, 5)], [obs(1, 5), obs(1, 6)])).toThrow(/replicate 1 appears twice/);
  });

  it('under the null rejects at 5% at most 5% of the time (exact, so conservative)', () => {
    // Each pair shares a random "frailty" (a common start u) and then draws two independent
    // exponential delays, so the two members are exchangeable and correlated; both are
    // censored at the horizon (about a quarter of the times; some pairs tie, both censored).
    const trials = 4000;
    const n = 40;
    const horizon = 20;
    const rng = streamFor(17, 0, 'sign-test-null');
    let rejected = 0;
    for (let k = 0; k < trials; k++) {
      const reference: PairedObservation[] = [];
      const arm: PairedObservation[] = [];
      for (let r = 0; r < n; r++) {
        const u = exponential(rng, 0.1);
        const observe = (t: number) => (t < horizon ? obs(r, t) : obs(r, horizon, false));
        reference.push(observe(u + exponential(rng, 0.2)));
        arm.push(observe(u + exponential(rng, 0.2)));
      }
      if (pairedSignTest(reference, arm).p <= 0.05) rejected++;
    }
    const rate = rejected / trials;
    expect(rate).toBeLessThanOrEqual(0.05 + 4 * proportionSe(0.05, trials));
    expect(rate).toBeGreaterThan(0.01); // not degenerate (a p-value stuck at 1 would pass the bound)
  });
});
