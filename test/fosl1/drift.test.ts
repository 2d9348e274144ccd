// The FOSL1 drift's fixed points and the closed-form passage times behind `persim explain`.
// Fixed points: roots of f (to machine precision), stable where f falls through 0, one barrier
// between two steady levels. Passage times: with feedback 0 and a vanishing decay the level is
// a Brownian motion with drift mu = basal reflected at 0, whose mean time from a up to b is
// (b - a)/mu - (s^2 / (2 mu^2)) (exp(-2 mu a / s^2) - exp(-2 mu b / s^2)); and the time down
// from the high steady level to the off threshold agrees with single cells stepped with a fine
// Euler-Maruyama step (within 4 SE).
import { describe, expect, it } from 'vitest';
import { meanPassageTime } from '../../src/analysis/fosl1Passage.js';
import { fosl1Drift, forcing, hillActivation, maxHillSlope, NO_DRUG } from '../../src/model/fosl1Drift.js';
import { fixedPoints } from '../../src/model/fosl1FixedPoints.js';
import type { Fosl1Switch } from '../../src/model/scenario.js';
import { normal } from '../../src/rng/normalZiggurat.js';
import { streamFor } from '../../src/rng/stream.js';
import { FOSL1_REFERENCE } from '../helpers/makeScenario.js';
import { meanAndSe } from '../helpers/stats.js';

describe('fixed points of the FOSL1 drift', () => {
  it('are roots, alternately stable and unstable: the reference switch is bistable off drug and at full stress', () => {
    for (const f of [NO_DRUG, forcing(1)]) {
      const fp = fixedPoints(FOSL1_REFERENCE, f);
      expect(fp.map((p) => p.stable)).toEqual([true, false, true]);
      for (const p of fp) expect(Math.abs(fosl1Drift(FOSL1_REFERENCE, p.level, f))).toBeLessThan(1e-14);
    }
    expect(fixedPoints(FOSL1_REFERENCE, NO_DRUG)[0].level).toBeCloseTo(0.5037, 4);
  });

  it('lose the high steady level under a strong inhibitor, and the low one when basal production is high', () => {
    expect(fixedPoints(FOSL1_REFERENCE, forcing(0, 0.8)).length).toBe(1);
    const high = fixedPoints({ ...FOSL1_REFERENCE, basal: 0.04 }, NO_DRUG);
    expect(high.length).toBe(1);
    expect(high[0].level).toBeGreaterThan(FOSL1_REFERENCE.onThreshold);
  });

  it('include 0 when nothing is produced there', () => {
    const sw: Fosl1Switch = { ...FOSL1_REFERENCE, basal: 0 };
    expect(fixedPoints(sw, NO_DRUG)[0]).toEqual({ level: 0, stable: true });
    // With n = 1 and feedback / K > decay, 0 repels and a positive level attracts.
    const linear: Fosl1Switch = { ...sw, hill: 1, feedback: 0.2, decay: 0.05 };
    const fp = fixedPoints(linear, NO_DRUG);
    expect(fp[0]).toEqual({ level: 0, stable: false });
    expect(fp[1].stable).toBe(true);
    expect(fp[1].level).toBeCloseTo(3, 9); // 0.2 x / (1 + x) = 0.05 x
  });

  it('bounds the Hill slope by its maximum', () => {
    for (const n of [1, 2, 4, 8, 5.5]) {
      const m = maxHillSlope(n, 1.3);
      let best = 0;
      for (let i = 1; i < 20000; i++) {
        const x = i * 2e-4;
        const h = (y: number) => y ** n / (1.3 ** n + y ** n);
        best = Math.max(best, (h(x + 1e-7) - h(x - 1e-7)) / 2e-7);
      }
      expect(best).toBeLessThanOrEqual(m * (1 + 1e-6));
      expect(best).toBeGreaterThan(m * 0.999);
    }
  });
});

describe('mean passage times of the FOSL1 level', () => {
  it('match Brownian motion with drift reflected at 0 (closed form)', () => {
    const mu = 0.02;
    const s = 0.05;
    const sw: Fosl1Switch = { ...FOSL1_REFERENCE, basal: mu, feedback: 0, decay: 1e-12, noise: s, onThreshold: 3, offThreshold: 2 };
    for (const [a, b] of [[0, 1], [0.2, 0.5], [0.05, 2]]) {
      const exact = (b - a) / mu - ((s * s) / (2 * mu * mu)) * (Math.exp((-2 * mu * a) / (s * s)) - Math.exp((-2 * mu * b) / (s * s)));
      expect(meanPassageTime(sw, NO_DRUG, a, b) / exact).toBeCloseTo(1, 4);
    }
  });

  it('down from the high steady level agrees with single cells stepped finely (within 4 SE)', () => {
    const sw = FOSL1_REFERENCE;
    const top = fixedPoints(sw, NO_DRUG)[2].level;
    const closed = meanPassageTime(sw, NO_DRUG, top, sw.offThreshold);
    const rng = streamFor(1, 0, 'passage');
    const dt = 0.05;
    const times: number[] = [];
    for (let c = 0; c < 1500; c++) {
      let x = top;
      let k = 0;
      while (x >= sw.offThreshold) {
        x = Math.max(0, x + fosl1Drift(sw, x, NO_DRUG) * dt + sw.noise * Math.sqrt(dt) * normal(rng));
        k++;
      }
      times.push(k * dt);
    }
    const { mean, se } = meanAndSe(times);
    expect(Math.abs(mean - closed)).toBeLessThan(4 * se);
  });
});

describe('the Hill activation', () => {
  it('is 1 where (x / K)^n overflows, not Inf / Inf', () => {
    expect(hillActivation({ ...FOSL1_REFERENCE, hill: 1000, halfSaturation: 1 }, 2.1)).toBe(1);
    expect(hillActivation({ ...FOSL1_REFERENCE, hill: 8, halfSaturation: 1e-300 }, 0.5)).toBe(1);
    expect(hillActivation({ ...FOSL1_REFERENCE, hill: 1000, halfSaturation: 1 }, 0.1)).toBe(0);
  });
});
