// The FOSL1 level on the population engine's lattice:
// - the grid puts both thresholds on bin edges, has at least the requested bins, and holds
//   both phenotypes in the hysteresis band;
// - the inheritance kernel has the mean (0) and variance (inheritance_noise^2) of the
//   continuous displacement;
// - the second-order jump step is I + Q h + (Q h)^2 / 2 of the Scharfetter-Gummel generator Q;
// - drug-free, the growing tumour keeps the steady state of model/fosl1SteadyState.ts (its
//   persister fraction within 1.5% at 64 bins, 1% at 256);
// - an Ornstein-Uhlenbeck level (no feedback) relaxes as its ODE (within 2.5% at 64 bins,
//   0.6% at 256: upwind lag in strong drift) and reaches its stationary sd noise / sqrt(2 decay).
import { describe, expect, it } from 'vitest';
import { PopulationRun } from '../../src/engine/population.js';
import { Fosl1Compartments } from '../../src/engine/populationFosl1.js';
import { LatticeJumps } from '../../src/engine/populationLattice.js';
import { Transitions } from '../../src/engine/populationModel.js';
import { populationTimeline } from '../../src/engine/populationTimeline.js';
import { fosl1Drift, NO_DRUG } from '../../src/model/fosl1Drift.js';
import { fosl1Grid, inheritanceKernel } from '../../src/model/fosl1Grid.js';
import { populationSteadyState } from '../../src/model/fosl1SteadyState.js';
import type { Fosl1Switch } from '../../src/model/scenario.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { streamFor } from '../../src/rng/stream.js';
import { makeScenario } from '../helpers/makeScenario.js';

const lesson = (fosl1: Partial<Omit<Fosl1Switch, 'model'>> = {}, horizonH = 10) =>
  makeScenario({ horizonH, recordEveryH: horizonH / 10, initial: 1, bS: Math.LN2 / 40, dS: 0.002, bP: 0.001, dP: 0.0005, fosl1, engine: 'population' });

/** The population engine's mean field (its expected counts; linear, so one initial cell will do). */
function meanField(s: ReturnType<typeof lesson>, bins: number) {
  const run = new PopulationRun(s, populationTimeline(s), 0, streamFor(1, 0, 'unused'), { expected: true, bins });
  while (run.advance());
  return run.outcome();
}

describe('grid', () => {
  for (const bins of [64, 100, 256]) {
    it(`${bins} bins: thresholds on edges, at least ${bins} bins, both pools in the band`, () => {
      const s = lesson();
      const sw = s.switch as Fosl1Switch;
      const g = fosl1Grid(s, sw, bins);
      expect(g.bins).toBeGreaterThanOrEqual(bins);
      for (const x of [sw.onThreshold, sw.offThreshold]) {
        const k = (x - g.x0) / g.dx;
        expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-9);
      }
      for (let b = 0; b < g.bins; b++) {
        const lower = g.x0 + b * g.dx;
        expect(g.sensitiveAt[b] >= 0).toBe(lower + g.dx <= sw.onThreshold + 1e-9);
        expect(g.persisterAt[b] >= 0).toBe(lower >= sw.offThreshold - 1e-9);
        expect(g.sensitiveAt[b] >= 0 || g.persisterAt[b] >= 0).toBe(true);
      }
    });
  }
});

describe('inheritance kernel', () => {
  for (const v of [0.05, 0.36, 1, 2.5, 30]) {
    it(`variance ${v} bins^2: weights sum to 1, mean 0, variance ${v}`, () => {
      const k = inheritanceKernel(v);
      const w = (k.length - 1) / 2;
      let sum = 0;
      let mean = 0;
      let variance = 0;
      for (let j = -w; j <= w; j++) {
        expect(k[j + w]).toBeGreaterThanOrEqual(0);
        sum += k[j + w];
        mean += j * k[j + w];
        variance += j * j * k[j + w];
      }
      expect(sum).toBeCloseTo(1, 12);
      expect(mean).toBeCloseTo(0, 12);
      expect(variance).toBeCloseTo(v, 9);
    });
  }
});

describe('jumps', () => {
  it('the step is I + Q h + (Q h)^2 / 2 on a small chain with a pool crossing', () => {
    // Four compartments in a row, 0 <-> 1 <-> 2 <-> 3, and compartment 1 also reaching 4 (another pool at the same bin).
    const one = [[1], [2, 0], [3, 1], [2], [1]];
    const lat = new LatticeJumps(one);
    const rates = [0.3, 0.7, 0.2, 0.5, 0.4, 0.6, 0.9];
    lat.rate.set(rates);
    const n = one.length;
    const Q = Array.from({ length: n }, () => new Float64Array(n));
    let e = 0;
    for (let c = 0; c < n; c++) for (const j of one[c]) { Q[j][c] += rates[e]; Q[c][c] -= rates[e++]; }
    const h = 0.4;
    const P = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => {
      let q2 = 0;
      for (let k = 0; k < n; k++) q2 += Q[i][k] * Q[k][j];
      return (i === j ? 1 : 0) + Q[i][j] * h + (q2 * h * h) / 2;
    }));
    const p = new Float64Array(lat.jumps.to.length);
    lat.probabilities(h, p);
    for (let c = 0; c < n; c++) expect(lat.isValid(c)).toBe(true);
    for (let c = 0; c < n; c++) {
      let moved = 0;
      for (let k = lat.jumps.start[c]; k < lat.jumps.start[c + 1]; k++) {
        expect(p[k]).toBeCloseTo(P[lat.jumps.to[k]][c], 14);
        moved += p[k];
      }
      expect(1 - moved).toBeCloseTo(P[c][c], 14);
    }
  });

  it('Scharfetter-Gummel: up / down = exp(dU / D) and (up - down) dx = dU / dx between neighbouring centres', () => {
    const s = lesson();
    const sw = s.switch as Fosl1Switch;
    const m = new Fosl1Compartments(s, sw, compileTimeline(s), 64);
    const tr = new Transitions(m);
    const h = 1e-7; // p = rate h to 1e-7
    expect(m.prepare(0, h, 1, tr, new Float64Array(m.size).fill(1))).toBe(true);
    const { dx, x0 } = m.grid;
    const D = (sw.noise * sw.noise) / 2;
    for (const b of [5, 12, 20, 27]) {
      // Up from bin b, down from bin b + 1 (both sensitive, below the on threshold).
      const cUp = m.grid.sensitiveAt[b];
      const cDown = m.grid.sensitiveAt[b + 1];
      const up = tr.pJump[m.jumps.start[cUp]] / h;
      const down = tr.pJump[m.jumps.start[cDown] + 1] / h;
      expect(m.jumps.to[m.jumps.start[cUp]]).toBe(cDown);
      expect(m.jumps.to[m.jumps.start[cDown] + 1]).toBe(cUp);
      let dU = 0;
      const n = 1000;
      for (let i = 0; i < n; i++) dU += (dx / n) * fosl1Drift(sw, x0 + (b + 0.5) * dx + ((i + 0.5) * dx) / n, NO_DRUG);
      expect(up / down).toBeCloseTo(Math.exp(dU / D), 4);
      expect((up - down) * dx).toBeCloseTo(dU / dx, 6);
    }
  });
});

describe('the drug-free steady state of a growing tumour', () => {
  for (const [name, fosl1, bins, tol, hours] of [
    ['lesson 04', {}, 64, 0.015, 1500],
    ['lesson 04', {}, 256, 0.01, 500],
    ['more FOSL1 (lesson 08)', { basal: 0.029 }, 64, 0.015, 1500],
  ] as const) {
    it(`${name}, ${bins} bins: the persister fraction stays at the steady state's (within ${tol * 100}%) for ${hours} h`, () => {
      const s = lesson(fosl1, hours);
      const want = populationSteadyState(s.switch as Fosl1Switch, s.phenotypes.sensitive, s.phenotypes.persister).persisterFraction;
      const o = meanField(s, bins);
      for (let k = 0; k < o.persister.length; k++) {
        const fraction = o.persister[k] / (o.persister[k] + o.sensitive[k]);
        expect(Math.abs(fraction / want - 1), `at record ${k}: ${fraction} vs ${want}`).toBeLessThan(tol);
      }
    });
  }
});

describe('an Ornstein-Uhlenbeck level', () => {
  // No feedback: dx = (0.05 - 0.05 x) dt + 0.03 dW from x = 5, no division or death.
  const s = makeScenario({
    horizonH: 200, recordEveryH: 10, initial: 1, bS: 0, engine: 'population',
    fosl1: { basal: 0.05, feedback: 0, decay: 0.05, initialLevel: 5, noise: 0.03, inheritanceNoise: 0 },
  });
  for (const [bins, tol] of [[64, 0.025], [256, 0.006]] as const) {
    it(`${bins} bins: the mean follows 1 + 4 e^{-0.05 t} within ${tol * 100}%, the sd reaches 0.03 / sqrt(0.1) within 0.5%`, () => {
      const o = meanField(s, bins);
      for (let k = 0; k < o.fosl1Mean!.length; k++) {
        expect(Math.abs(o.fosl1Mean![k] / (1 + 4 * Math.exp(-0.05 * 10 * k)) - 1)).toBeLessThan(tol);
      }
      const sd = 0.03 / Math.sqrt(0.1) * Math.sqrt(1 - Math.exp(-0.1 * 200));
      expect(Math.abs(o.fosl1Sd![o.fosl1Sd!.length - 1] / sd - 1)).toBeLessThan(0.005);
    });
  }
});
