// Block-entry potency (property test, fast-check): more potency never gives more induced
// entries on the same seeds. Each replicate is one cell that neither divides nor dies, so
// with the same seed both arms draw the same initial level and the same noise at every step;
// the projected Euler-Maruyama update is increasing in the level and in the block factor P,
// and hysteresis preserves order, so the stronger inhibitor's cell is never higher, never a
// persister when the other is not, and never enters persistence when the other does not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import type { Drug } from '../../src/model/scenario.js';
import { FOSL1_REFERENCE, makeScenario, squarePulseKill } from '../helpers/makeScenario.js';

const REPLICATES = 20;

function arm(potency: number, seed: number, halfLifeH: number): { sim: Simulation; levels: number[][] } {
  const inhibitor: Drug = {
    name: 'fosl1i', effect: 'block-entry', potency, ec50: 1, hill: 1, halfLifeH,
    doses: [{ timeH: 10, amount: 3, durationH: null }, { timeH: 90, amount: 3, durationH: null }],
  };
  const s = makeScenario({
    horizonH: 200,
    recordEveryH: 5,
    initial: 1,
    bS: 0,
    seed,
    replicates: REPLICATES,
    fosl1: { ...FOSL1_REFERENCE, stressGain: 0.02 },
    // Stress is the kill drug's effect whatever its potency: a negligible kill keeps the cell alive.
    drugs: [squarePulseKill('chemo', 1e-12, [{ start: 20, duration: 120 }]), inhibitor],
  });
  const levels: number[][] = Array.from({ length: REPLICATES }, () => []);
  const sim = simulate(s, { onLevels: (r, k, v) => (levels[r - 1][k] = v.sensitive.length > 0 ? v.sensitive[0] : v.persister[0]) });
  return { sim, levels };
}

describe('block-entry potency and FOSL1 entry', () => {
  it('more potency never gives more entries, a higher level or a persister where the other has none', () => {
    let everEntered = 0;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.double({ min: 4, max: 40, noNaN: true }),
        (a, b, seed, halfLife) => {
          const [weak, strong] = [arm(Math.min(a, b), seed, halfLife), arm(Math.max(a, b), seed, halfLife)];
          let entriesWeak = 0;
          let entriesStrong = 0;
          for (let r = 0; r < REPLICATES; r++) {
            const w = weak.sim.outcomes[r];
            const st = strong.sim.outcomes[r];
            for (let k = 0; k < w.persister.length; k++) {
              expect(strong.levels[r][k]).toBeLessThanOrEqual(weak.levels[r][k]);
              expect(st.persister[k]).toBeLessThanOrEqual(w.persister[k]);
            }
            if (st.counters.entries > 0) expect(w.counters.entries).toBeGreaterThan(0);
            entriesWeak += w.counters.entries > 0 ? 1 : 0;
            entriesStrong += st.counters.entries > 0 ? 1 : 0;
          }
          expect(entriesStrong).toBeLessThanOrEqual(entriesWeak);
          everEntered += entriesWeak;
        },
      ),
      { numRuns: 12, seed: 3 },
    );
    expect(everEntered).toBeGreaterThan(20);
  });
});
