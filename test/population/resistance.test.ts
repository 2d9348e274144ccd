// The resistant compartment of the population engine (two-state switch): mutant divisions
// feed it at b u per sensitive cell and b u x persister_factor per persister, and it never
// switches. Its mean is the three-type mean of analysis/resistanceMean.ts (SCIENCE.md D1 with
// D7's mutation): the mean field reproduces it to 1e-9 and 10^9-cell tumours within 0.5% and
// 4 SE; from one cell, pure birth at b gives E[R(t)] = e^{b t} - e^{b (1 - u) t} (Luria &
// Delbrueck's mean) within 4 SE, through the exact part and the leap.
import { describe, expect, it } from 'vitest';
import { expectedCounts3 } from '../../src/analysis/resistanceMean.js';
import { PopulationRun } from '../../src/engine/population.js';
import { simulate } from '../../src/engine/simulate.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { streamFor } from '../../src/rng/stream.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';
import { meanAndSe } from '../helpers/stats.js';

const spec = {
  horizonH: 150, recordEveryH: 25, initial: 1e9, persisterFraction: 0.1, bS: 0.04, dS: 0.01, bP: 0.005, dP: 0.002, drugSensitivity: 0.1,
  entry: 0.002, induced: 0.01, exit: 0.01, seed: 12, engine: 'population' as const,
  resistant: { divisionRate: 0.03, deathRate: 0.005, drugSensitivity: 0.05 }, resistantFraction: 1e-4,
  mutation: { rate: 1e-4, persisterFactor: 20 },
  drugs: [squarePulseKill('chemo', 0.08, [0, 48, 96].map((start) => ({ start, duration: 24 })))],
};

describe('population engine with a resistant compartment', () => {
  it('the mean field is the exact three-type mean to 1e-9', () => {
    const s = makeScenario(spec);
    const tl = compileTimeline(s);
    const run = new PopulationRun(s, tl, 0, streamFor(1, 0, 'unused'), { expected: true });
    while (run.advance());
    const o = run.outcome();
    const exact = expectedCounts3(s, tl);
    for (let k = 0; k < tl.recordTimes.length; k++) {
      expect(Math.abs(o.sensitive[k] / exact.sensitive[k] - 1)).toBeLessThan(1e-9);
      expect(Math.abs(o.persister[k] / exact.persister[k] - 1)).toBeLessThan(1e-9);
      expect(Math.abs(o.resistant![k] / exact.resistant[k] - 1)).toBeLessThan(1e-9);
    }
  });

  it('10^9 cells, 40 replicates: every type within 0.5% and 4 SE of the exact mean; cells conserved', () => {
    const s = makeScenario({ ...spec, replicates: 40 });
    const sim = simulate(s);
    expect(sim.engine.engine).toBe('population');
    const exact = expectedCounts3(s, sim.timeline);
    for (let k = 1; k < sim.timeline.recordTimes.length; k++) {
      for (const type of ['sensitive', 'persister', 'resistant'] as const) {
        const { mean, se } = meanAndSe(sim.outcomes.map((o) => o[type]![k]));
        const want = exact[type][k];
        expect(Math.abs(mean - want), `${type} at record ${k}: ${mean} vs ${want}`).toBeLessThanOrEqual(Math.min(0.005 * want, 4 * se));
      }
    }
    for (const o of sim.outcomes) {
      const c = o.counters;
      expect(c.initial + c.divisions - c.deaths).toBe(o.final.sensitive + o.final.persister + (o.final.resistant ?? 0));
      expect(c.mutations).toBeGreaterThan(0);
    }
  });

  it('from one cell, pure birth: E[R(t)] = e^{bt} - e^{b(1-u)t} within 4 SE (1000 replicates)', () => {
    const b = 0.05;
    const u = 1e-3;
    const t = 200;
    const s = makeScenario({
      horizonH: t, recordEveryH: t, initial: 1, bS: b, replicates: 1000, seed: 7, engine: 'population',
      resistant: { divisionRate: b, deathRate: 0, drugSensitivity: 0 }, mutation: { rate: u, persisterFactor: 1 },
    });
    const { mean, se } = meanAndSe(simulate(s).outcomes.map((o) => o.final.resistant ?? NaN));
    const want = Math.exp(b * t) - Math.exp(b * (1 - u) * t);
    expect(Math.abs(mean - want)).toBeLessThan(4 * se);
  });
});
