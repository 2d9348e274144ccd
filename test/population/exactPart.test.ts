// The exact part of the population engine, and the leap beside it:
// - a 10^12-cell compartment (leaped) and a 3-cell compartment (exact) in the same steps:
//   the small one follows the linear birth-death process exactly (its extinction
//   probability is Kendall's p0(t)^3, SCIENCE.md D4), the large one keeps exact integer
//   counts with the exact mean;
// - extinction times are exact: from 20 cells (all exact) and from 10^6 cells (leaped down
//   to the last hundred, then exact) they follow P(T <= t) = p0(t)^n0, the Gumbel law of D4
//   (one-sample Kolmogorov-Smirnov);
// - a run that would pass 2^53 cells stops with an error instead of losing integers.
import { describe, expect, it } from 'vitest';
import { PopulationCountError, PopulationRun, MAX_COUNT } from '../../src/engine/population.js';
import { simulate } from '../../src/engine/simulate.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { streamFor } from '../../src/rng/stream.js';
import { makeScenario } from '../helpers/makeScenario.js';
import { meanAndSe, proportionSe } from '../helpers/stats.js';
import { ksOneSample } from './ks.js';

/** Kendall's P(extinct by t) from one cell, birth b, death d. */
function p0(b: number, d: number, t: number): number {
  const e = Math.exp((b - d) * t);
  return (d * (e - 1)) / (b * e - d);
}

describe('a 10^12-cell and a 3-cell compartment in the same step', () => {
  // Sensitive cells grow (leaped); persisters, three of them, are subcritical (exact); no switching.
  const s = makeScenario({ horizonH: 48, recordEveryH: 12, initial: 1e12, bS: 0.04, dS: 0.01, bP: 0.02, dP: 0.05, engine: 'population' });
  const tl = compileTimeline(s);
  const R = 2000;
  const finals: { S: number; P: number }[] = [];
  for (let r = 1; r <= R; r++) {
    const run = new PopulationRun(s, tl, r, streamFor(5, r, 'population'));
    run.counts[0] = 1e12;
    run.counts[1] = 3;
    while (run.advance());
    finals.push({ S: run.counts[0], P: run.counts[1] });
  }

  it('counts stay exact integers', () => {
    for (const f of finals) expect(Number.isSafeInteger(f.S) && Number.isSafeInteger(f.P) && f.P >= 0).toBe(true);
  });

  it("the 3 cells die out with Kendall's probability p0(t)^3 and keep their mean 3 e^{(b - d) t}", () => {
    const extinct = finals.filter((f) => f.P === 0).length / R;
    const want = p0(0.02, 0.05, 48) ** 3;
    expect(Math.abs(extinct - want)).toBeLessThan(4 * proportionSe(want, R));
    const { mean, se } = meanAndSe(finals.map((f) => f.P));
    expect(Math.abs(mean - 3 * Math.exp(-0.03 * 48))).toBeLessThan(4 * se);
  });

  it('the 10^12 cells keep the exact mean e^{0.03 t} (within 4 SE, about 10^-6 here)', () => {
    const { mean, se } = meanAndSe(finals.map((f) => f.S - 1e12 * Math.exp(0.03 * 48)));
    expect(Math.abs(mean)).toBeLessThan(4 * se);
    expect(se / 1e12).toBeLessThan(1e-5);
  });
});

describe('extinction times are exact', () => {
  // Birth 0.5/d, death 1/d (SCIENCE.md D4's example, in hours).
  const b = 0.5 / 24;
  const d = 1 / 24;
  for (const n0 of [20, 1e6]) {
    it(`from ${n0} cells: P(T <= t) = p0(t)^${n0} (KS p > 0.01)`, () => {
      const s = makeScenario({ horizonH: 80 * 24, recordEveryH: 24 * 10, initial: n0, bS: b, dS: d, replicates: 400, seed: 3, engine: 'population' });
      const times = simulate(s).outcomes.map((o) => o.extinctH);
      expect(times.every((t) => t !== null)).toBe(true);
      const { p } = ksOneSample(times as number[], (t) => p0(b, d, t) ** n0);
      expect(p).toBeGreaterThan(0.01);
    });
  }

  it('the mean extinction time from 10^6 cells is 27.40 days (D4), within 4 SE', () => {
    const s = makeScenario({ horizonH: 80 * 24, recordEveryH: 24 * 10, initial: 1e6, bS: b, dS: d, replicates: 400, seed: 4, engine: 'population' });
    const { mean, se } = meanAndSe(simulate(s).outcomes.map((o) => (o.extinctH ?? NaN) / 24));
    expect(Math.abs(mean - 27.4)).toBeLessThan(4 * se);
  });
});

describe('the 2^53 limit', () => {
  it('a run that would pass 2^53 cells stops with a clear error', () => {
    const s = makeScenario({ horizonH: 2000, initial: 2 ** 50, bS: 0.01, engine: 'population' });
    expect(() => simulate(s)).toThrow(PopulationCountError);
    expect(() => simulate(s)).toThrow(/2\^53/);
    expect(MAX_COUNT).toBe(2 ** 53);
  });
});
