// The persister count at the nadir (reported by sweeps as nadir_persister_fraction): exact
// in a case with a known answer, and always between 0 and the nadir size.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';

describe('persisters at the nadir', () => {
  it('a drug that kills every sensitive cell and spares inert persisters leaves exactly the persisters', () => {
    const s = makeScenario({
      horizonH: 200, initial: 1000, persisterFraction: 0.05, bS: 0.01, replicates: 5,
      drugs: [squarePulseKill('chemo', 1, [{ start: 0, duration: 200 }])],
    });
    for (const o of simulate(s).outcomes) {
      expect(o.nadirCells).toBe(50);
      expect(o.nadirPersisters).toBe(50);
    }
  });

  it('is between 0 and the nadir size, and the whole initial split when the nadir is t = 0', () => {
    const s = makeScenario({
      horizonH: 300, initial: 400, persisterFraction: 0.1, bS: 0.03, dS: 0.005, bP: 0.003, dP: 0.001,
      entry: 0.002, induced: 0.02, exit: 0.01, replicates: 20, seed: 9,
      drugs: [squarePulseKill('chemo', 0.06, [{ start: 20, duration: 80 }])],
    });
    for (const o of simulate(s).outcomes) {
      expect(o.nadirPersisters).toBeGreaterThanOrEqual(0);
      expect(o.nadirPersisters).toBeLessThanOrEqual(o.nadirCells);
    }
    const growing = simulate(makeScenario({ horizonH: 50, initial: 400, persisterFraction: 0.1, bS: 0.05, replicates: 3 }));
    for (const o of growing.outcomes) expect([o.nadirH, o.nadirCells, o.nadirPersisters]).toEqual([0, 400, 40]);
  });
});
