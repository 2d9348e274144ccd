// The population engine's FOSL1 bins by the cell Peclet rule (model/fosl1Bins.ts):
// - an Ornstein-Uhlenbeck level relaxing from x0 travels through the drift basal - decay x0 at
//   its start, the largest on its path, so the rule asks for ceil(F xMax / (2 D 0.25)) bins and
//   the grid it builds has a cell Peclet number of at most 0.25 there;
// - a stationary start without drug moves no distribution: the default 64 bins;
// - without noise there is no diffusion to compare with: 64 bins;
// - the shipped lessons start stationary: 64 bins (the transits their drugs drive are left
//   out for their cost, model/fosl1Bins.ts);
// - a level far off with little noise asks for more than the cap: MAX_BINS (512);
// - downwards, and up into the high well of a bistable switch, F is the drift along that path.
import { describe, expect, it } from 'vitest';
import { fosl1Drift, NO_DRUG } from '../../src/model/fosl1Drift.js';
import { fixedPoints } from '../../src/model/fosl1FixedPoints.js';
import { latticeBins, MAX_BINS, PECLET_MAX, travelDrift } from '../../src/model/fosl1Bins.js';
import { DEFAULT_BINS, fosl1Grid, gridTop } from '../../src/model/fosl1Grid.js';
import type { Fosl1Switch, Scenario } from '../../src/model/scenario.js';
import { loadLesson } from '../lessons/lesson.js';
import { makeScenario } from '../helpers/makeScenario.js';

function ou(decay: number, noise: number, initialLevel: number | 'stationary'): Scenario {
  return makeScenario({
    horizonH: 60,
    initial: 100,
    bS: 0,
    engine: 'population',
    fosl1: { basal: decay, feedback: 0, decay, stressGain: 0, noise, onThreshold: 2, offThreshold: 1.8, inheritanceNoise: 0, initialLevel },
  });
}
const sw = (s: Scenario) => s.switch as Fosl1Switch;

describe('the bins of the FOSL1 lattice (cell Peclet rule)', () => {
  it('an Ornstein-Uhlenbeck relaxation from 0.3: F = basal - decay x0, Pe <= 0.25 on the grid built', () => {
    for (const [decay, noise, expected, pe64] of [[0.1, 0.05, 375, 1], [0.05, 0.08, 111, PECLET_MAX]] as const) {
      const s = ou(decay, noise, 0.3);
      const F = decay * (1 - 0.3);
      expect(travelDrift(sw(s))).toBeCloseTo(F, 12);
      const D = (noise * noise) / 2;
      const bins = latticeBins(s, sw(s));
      expect(bins).toBe(Math.ceil((F * gridTop(s, sw(s))) / (2 * D * PECLET_MAX)));
      expect(bins).toBe(expected);
      const g = fosl1Grid(s, sw(s), bins);
      expect((F * g.dx) / (2 * D)).toBeLessThanOrEqual(PECLET_MAX);
      // 64 bins are far coarser there: the error the rule removes.
      expect((F * fosl1Grid(s, sw(s), DEFAULT_BINS).dx) / (2 * D)).toBeGreaterThan(pe64);
    }
  });

  it('a stationary start without drug, or no noise: the default bins', () => {
    const st = ou(0.1, 0.05, 'stationary');
    expect(travelDrift(sw(st))).toBeLessThan(1e-12);
    expect(latticeBins(st, sw(st))).toBe(DEFAULT_BINS);
    const still = ou(0.1, 0, 0.3);
    expect(latticeBins(still, sw(still))).toBe(DEFAULT_BINS);
  });

  it('the shipped lessons start stationary: 64 bins, drug-driven transits left out (their cost)', () => {
    for (const file of ['04-fosl1-switch.yaml', '05-fosl1-inhibitor.yaml', '07-force-exit-rechallenge.yaml', '08-fosl1-gain-of-function.yaml']) {
      const s = loadLesson(file);
      expect(latticeBins(s, sw(s)), file).toBe(DEFAULT_BINS);
    }
  });

  it('a level far from its steady state with little noise asks for more than the cap: MAX_BINS', () => {
    const s = ou(0.1, 0.01, 0.3);
    const asked = (travelDrift(sw(s)) * gridTop(s, sw(s))) / (0.01 ** 2 * PECLET_MAX);
    expect(asked).toBeGreaterThan(MAX_BINS);
    expect(latticeBins(s, sw(s))).toBe(MAX_BINS);
  });

  it('a relaxation downwards (from above the steady level) and into the upper well of a bistable switch', () => {
    const down = ou(0.1, 0.05, 1.9);
    expect(travelDrift(sw(down))).toBeCloseTo(0.1 * (1.9 - 1), 12);
    // Lesson 04's switch started at 1.15, past the barrier (1.07): it relaxes up to the high steady level 1.30.
    const s = loadLesson('04-fosl1-switch.yaml', ['switch.initial_level=1.15']);
    const roots = fixedPoints(sw(s), NO_DRUG).filter((p) => p.stable).map((p) => p.level);
    let F = 0;
    for (let i = 0; i <= 1000; i++) F = Math.max(F, fosl1Drift(sw(s), 1.15 + ((roots[1] - 1.15) * i) / 1000, NO_DRUG));
    expect(F).toBeGreaterThan(0);
    expect(travelDrift(sw(s))).toBeCloseTo(F, 5);
  });
});
