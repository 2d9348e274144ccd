// The FOSL1 level histograms (analysis/levelHistogram.ts): exact shares on known cells, the
// same histogram from the agent engine's cells and the population engine's compartments,
// empty replicates left out, times moved to record times and their default, collection that
// leaves the simulation unchanged, and the stationary Ornstein-Uhlenbeck law recovered from
// the bins.
import { describe, expect, it } from 'vitest';
import {
  binnedMoments,
  histogramTimes,
  lastExposureEnd,
  LevelHistogramAccumulator,
  levelHistogramPlan,
  nearestRecords,
  type LevelHistogramPlan,
} from '../../src/analysis/levelHistogram.js';
import { simulate } from '../../src/engine/simulate.js';
import { DEFAULT_BINS, fosl1Grid } from '../../src/model/fosl1Grid.js';
import type { Drug, Fosl1Switch, Scenario } from '../../src/model/scenario.js';
import { recordTimes } from '../../src/model/steps.js';
import { levelCollector } from '../../src/report/levelSeries.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';

/** A FOSL1 scenario (lesson 04's switch) with the given drugs and, if given, level_histogram_at. */
function fosl1Scenario(opts: { drugs?: Drug[]; at?: number[]; horizonH?: number; recordEveryH?: number; engine?: Scenario['engine']; initial?: number } = {}): Scenario {
  const s = makeScenario({
    horizonH: opts.horizonH ?? 600,
    recordEveryH: opts.recordEveryH ?? 12,
    initial: opts.initial ?? 300,
    bS: 0.017,
    dS: 0.002,
    bP: 0.001,
    seed: 5,
    replicates: 3,
    fosl1: {},
    drugs: opts.drugs ?? [],
    engine: opts.engine ?? 'agent',
  });
  return opts.at === undefined ? s : { ...s, switch: { ...(s.switch as Fosl1Switch), levelHistogramAtH: opts.at } as Fosl1Switch };
}

/** Four bins of width 0.5 over [0, 2], at record indices 0 and 4. */
const PLAN: LevelHistogramPlan = {
  edges: Float64Array.of(0, 0.5, 1, 1.5, 2),
  origin: 0,
  width: 0.5,
  recordIndices: Int32Array.of(0, 4),
  timesH: Float64Array.of(0, 48),
};

describe('level histogram accumulator', () => {
  it('gives each bin the mean over replicates of its share of the living cells', () => {
    const acc = new LevelHistogramAccumulator(PLAN);
    // Replicate 1: 4 cells (shares 1/2, 1/4, and a persister 1/4); replicate 2: one cell; replicate 3: none.
    acc.addCells(1, 4, { sensitive: Float64Array.of(0.1, 0.2, 0.7), persister: Float64Array.of(1.6) });
    acc.addCells(2, 4, { sensitive: Float64Array.of(0.9), persister: Float64Array.of() });
    acc.addCells(3, 4, { sensitive: Float64Array.of(), persister: Float64Array.of() });
    acc.addCells(1, 0, { sensitive: Float64Array.of(5), persister: Float64Array.of(-1) }); // beyond the top: last bin; below 0: first
    acc.addCells(1, 2, { sensitive: Float64Array.of(0.1), persister: Float64Array.of() }); // not a chosen record: ignored
    const h = acc.result();
    expect([...h.timesH]).toEqual([0, 48]);
    expect(h.replicates).toEqual([1, 2]);
    expect([...h.sensitive[1]]).toEqual([0.25, (0.25 + 1) / 2, 0, 0]);
    expect([...h.persister[1]]).toEqual([0, 0, 0, 0.125]);
    expect([...h.sensitive[0]]).toEqual([0, 0, 0, 0.5]);
    expect([...h.persister[0]]).toEqual([0.5, 0, 0, 0]);
    expect(() => acc.addCells(2, 4, { sensitive: Float64Array.of(0.1), persister: Float64Array.of() })).toThrow(/twice/);
  });

  it('counts a compartment by its cells, a cell by one, so equal populations give equal histograms', () => {
    const agent = new LevelHistogramAccumulator(PLAN);
    const population = new LevelHistogramAccumulator(PLAN);
    agent.addCells(1, 0, { sensitive: Float64Array.of(0.25, 0.25, 0.25, 1.2), persister: Float64Array.of(1.2, 1.75) });
    // The same cells as compartments, scaled by 1e7 (shares do not depend on size), with a resistant one ignored.
    population.addCompartments(1, 0, {
      level: Float64Array.of(0.25, 1.25, 1.25, 1.75, 0.75),
      phenotype: Uint8Array.of(0, 0, 1, 1, 2),
      cells: Float64Array.of(3e7, 1e7, 1e7, 1e7, 5e9),
    });
    expect(population.result()).toEqual(agent.result());
  });

  it('puts every lattice bin of the population engine in one histogram bin, at its level', () => {
    for (const drugs of [[], [squarePulseKill('chemo', 0.08, [{ start: 48, duration: 96 }])]]) {
      const s = fosl1Scenario({ drugs });
      const plan = levelHistogramPlan(s) as LevelHistogramPlan;
      const g = fosl1Grid(s, s.switch as Fosl1Switch, DEFAULT_BINS);
      // The histogram's bin width is a whole number of lattice bins, and its edges are lattice edges.
      expect(plan.width / g.dx).toBeCloseTo(Math.round(plan.width / g.dx), 9);
      expect(plan.origin).toBe(g.x0);
      const cells = Float64Array.from(g.level, (_, c) => 1 + (c % 7));
      const view = { sensitive: [] as number[], persister: [] as number[] };
      g.level.forEach((x, c) => {
        for (let k = 0; k < cells[c]; k++) (g.phenotype[c] === 1 ? view.persister : view.sensitive).push(x);
      });
      const a = new LevelHistogramAccumulator(plan);
      const p = new LevelHistogramAccumulator(plan);
      a.addCells(1, plan.recordIndices[0], view);
      p.addCompartments(1, plan.recordIndices[0], { level: g.level, phenotype: g.phenotype, cells });
      expect(p.result()).toEqual(a.result());
      // Lattice bin k lands in histogram bin floor(k / merge) (the last one past the top).
      const merge = Math.round(plan.width / g.dx);
      const acc = new LevelHistogramAccumulator(plan);
      g.level.forEach((x, c) => expect(acc.binOf(x)).toBe(Math.min(Math.floor(g.bin[c] / merge), plan.edges.length - 2)));
    }
  });

  it('starts at level 0 and reaches past the on threshold and the top steady level, with about 40 bins', () => {
    const plan = levelHistogramPlan(fosl1Scenario({ drugs: [squarePulseKill('chemo', 0.08, [{ start: 48, duration: 96 }])] })) as LevelHistogramPlan;
    const bins = plan.edges.length - 1;
    expect(plan.edges[0]).toBe(0);
    expect(bins).toBeGreaterThanOrEqual(25);
    expect(bins).toBeLessThanOrEqual(80);
    // Lesson 04's switch: the persister level is about 1.3 off drug, 1.5 at full stress.
    expect(plan.edges[bins]).toBeGreaterThan(1.7);
    expect(plan.edges[bins]).toBeLessThan(2.6);
  });
});

describe('histogram times', () => {
  it('moves each time to the nearest record time (the earlier on a tie), once', () => {
    expect(nearestRecords([0, 13, 18, 35, 100], [0, 12, 24, 36])).toEqual([0, 1, 3]);
    const plan = levelHistogramPlan(fosl1Scenario({ at: [10, 100, 599] })) as LevelHistogramPlan;
    expect([...plan.timesH]).toEqual([12, 96, 600]);
    expect([...plan.recordIndices]).toEqual([1, 8, 50]);
  });

  it('by default: 0, the end of the last exposure and the horizon; without drugs 0, half and the horizon', () => {
    expect(histogramTimes(fosl1Scenario())).toEqual([0, 300, 600]);
    const pulse = squarePulseKill('chemo', 0.08, [{ start: 24, duration: 72 }, { start: 200, duration: 50 }]);
    expect(lastExposureEnd(fosl1Scenario({ drugs: [pulse] }))).toBe(250);
    expect(histogramTimes(fosl1Scenario({ drugs: [pulse] }))).toEqual([0, 250, 600]);
    const bolus: Drug = { ...pulse, name: 'bolus', halfLifeH: 20, doses: [{ timeH: 100, amount: 2, durationH: null }, { timeH: 300, amount: 2, durationH: null }] };
    expect(histogramTimes(fosl1Scenario({ drugs: [bolus, pulse] }))).toEqual([0, 400, 600]);
    // An exposure that outlasts the horizon ends at it; a drug without doses (adaptive) does not count.
    const late = squarePulseKill('late', 0.08, [{ start: 590, duration: 72 }]);
    expect(histogramTimes(fosl1Scenario({ drugs: [late] }))).toEqual([0, 600]);
    expect(histogramTimes(fosl1Scenario({ drugs: [{ ...pulse, doses: [] }] }))).toEqual([0, 300, 600]);
    // Given times win, clamped to [0, horizon] and sorted; none for the two-state switch.
    expect(histogramTimes(fosl1Scenario({ at: [700, 5, 5] }))).toEqual([5, 600]);
    expect(levelHistogramPlan(fosl1Scenario({ at: [] }))).toBeNull();
    expect(levelHistogramPlan(makeScenario({ horizonH: 10, initial: 10, bS: 0 }))).toBeNull();
  });
});

describe('collection while simulating', () => {
  for (const engine of ['agent', 'population'] as const) {
    it(`leaves the ${engine} engine's results unchanged and gives shares that add up to 1`, () => {
      const s = fosl1Scenario({ engine, horizonH: 240, initial: engine === 'agent' ? 2000 : 1e6, drugs: [squarePulseKill('chemo', 0.08, [{ start: 48, duration: 96 }])] });
      const plain = simulate(s);
      const c = levelCollector(s);
      if (c === null) throw new Error('no collector');
      const withLevels = simulate(s, c.hooks);
      expect(withLevels.engine.engine).toBe(engine);
      expect(withLevels.outcomes).toEqual(plain.outcomes);
      const h = c.result();
      expect([...h.timesH]).toEqual([0, 144, 240]);
      expect(h.replicates).toEqual([3, 3, 3]);
      h.timesH.forEach((_, i) => {
        const total = h.sensitive[i].reduce((a, x) => a + x, 0) + h.persister[i].reduce((a, x) => a + x, 0);
        expect(total).toBeCloseTo(1, 12);
      });
      // Before the pulse persisters are rare (about 0.06%); at its end they are a large share.
      expect(binnedMoments(h, 0).persisterShare).toBeLessThan(0.01);
      expect(binnedMoments(h, 1).persisterShare).toBeGreaterThan(0.2);
    });
  }
});

// With feedback 0, no drug and thresholds out of reach, the level is an Ornstein-Uhlenbeck
// process (test/fosl1/ornsteinUhlenbeck.test.ts): the agent engine's Euler-Maruyama steps are
// the AR(1) recursion x' = (1 - decay dt) x + basal dt + noise sqrt(dt) Z, whose law from a
// point mass at the mean basal/decay stays normal with that mean and variance
// v(n) = vScheme (1 - (1 - decay dt)^(2n)), vScheme = noise^2 / (decay (2 - decay dt)); after
// 200 steps (1 - decay dt)^400 = 1e-9, so v = vScheme. Cells neither divide nor die: the n
// levels at one time are independent draws of that normal.
//
// Tolerance. The histogram replaces a level x by its bin's centre c = x + e. For a normal
// density and bins of width w, the rounding error e is, up to terms of relative size
// exp(-2 pi^2 sd^2 / w^2) (Sheppard 1898; Kendall & Stuart, vol. 1, 3.18-3.20), uniform on
// (-w/2, w/2) and independent of x: E[c] = mean and Var[c] = v + w^2/12 (Sheppard's
// correction). Here sd / w = 2.2, so those terms are below 1e-40, and the bins are equal from
// 0 to past 9 standard deviations above the mean (the last bin's overflow is of the same
// negligible order). The bins' mean and variance are then the sample mean and variance of n
// independent draws of c: their standard errors are sqrt(Var[c] / n) and sqrt((m4 - Var[c]^2) / n),
// m4 the fourth central moment of c (estimated from the bins). Tolerance: 4 standard errors
// around mean and v + w^2/12.
describe('the level histogram of an Ornstein-Uhlenbeck level', () => {
  const basal = 0.1;
  const decay = 0.1;
  const noise = 0.05;
  const dt = 0.5;
  const cells = 5000;
  const s = makeScenario({
    horizonH: 150,
    recordEveryH: 25,
    dtH: dt,
    initial: cells,
    bS: 0,
    seed: 11,
    replicates: 2,
    fosl1: { basal, feedback: 0, decay, stressGain: 0, noise, onThreshold: 2, offThreshold: 1.8, inheritanceNoise: 0, initialLevel: basal / decay },
  });
  const ou: Scenario = { ...s, switch: { ...(s.switch as Fosl1Switch), levelHistogramAtH: [100, 150] } as Fosl1Switch };

  it('has the stationary mean and variance (with Sheppard\'s correction) within 4 standard errors', () => {
    const c = levelCollector(ou);
    if (c === null) throw new Error('no collector');
    simulate(ou, c.hooks);
    const h = c.result();
    const w = h.edges[2] - h.edges[1];
    const sd = Math.sqrt((noise * noise) / (decay * (2 - decay * dt)));
    expect(sd / w).toBeGreaterThan(2);
    expect(h.edges[h.edges.length - 1]).toBeGreaterThan(basal / decay + 9 * sd);
    expect(recordTimes(ou).includes(100)).toBe(true);
    const n = 2 * cells;
    h.timesH.forEach((t, i) => {
      expect(h.replicates[i], `t = ${t}`).toBe(2);
      expect(h.persister[i].every((x) => x === 0)).toBe(true);
      const { mean, variance } = binnedMoments(h, i);
      let m4 = 0;
      for (let b = 0; b + 1 < h.edges.length; b++) m4 += h.sensitive[i][b] * ((h.edges[b] + h.edges[b + 1]) / 2 - mean) ** 4;
      const varC = sd * sd + (w * w) / 12;
      expect(Math.abs(mean - basal / decay), `mean at t = ${t}`).toBeLessThan(4 * Math.sqrt(varC / n));
      expect(Math.abs(variance - varC), `variance at t = ${t}`).toBeLessThan(4 * Math.sqrt((m4 - variance * variance) / n));
    });
  });
});
