// Extinction of a birth-death process without switching (SCIENCE.md D4, Kendall 1948):
// from n cells, P(extinct by t) = p0(t)^n; a subcritical process always dies out.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { kendallExtinctionByTime } from '../../src/analysis/branching.js';
import { makeScenario } from '../helpers/makeScenario.js';
import { proportionSe } from '../helpers/stats.js';

describe('extinction of a birth-death process', () => {
  it('supercritical, from 3 cells: extinct by t with probability p0(t)^3 (within 4 SE)', () => {
    const b = 0.04;
    const d = 0.025;
    const n0 = 3;
    const R = 4000;
    const s = makeScenario({ horizonH: 200, initial: n0, bS: b, dS: d, replicates: R, seed: 5, capacity: null });
    const sim = simulate(s);
    for (const t of [10, 30, 60, 120, 200]) {
      const observed = sim.outcomes.filter((o) => o.extinctH !== null && o.extinctH <= t).length / R;
      const expected = kendallExtinctionByTime(b, d, t) ** n0;
      expect(Math.abs(observed - expected), `t = ${t} h`).toBeLessThanOrEqual(4 * proportionSe(expected, R));
    }
  });

  it('subcritical, from 50 cells: every replicate dies out', () => {
    const b = 0.01;
    const d = 0.03;
    const horizonH = 1500; // p0(1500)^50 > 1 - 1e-9
    expect(kendallExtinctionByTime(b, d, horizonH) ** 50).toBeGreaterThan(1 - 1e-9);
    const sim = simulate(makeScenario({ horizonH, initial: 50, bS: b, dS: d, replicates: 300, seed: 9 }));
    for (const o of sim.outcomes) {
      expect(o.extinctH).not.toBeNull();
      expect(o.final.sensitive + o.final.persister).toBe(0);
      expect(o.sensitive[o.sensitive.length - 1]).toBe(0);
    }
  });
});
