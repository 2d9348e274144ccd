// Common random numbers: replicate r draws the same numbers whatever else the scenario
// holds, so two scenarios that differ only by a drug given late are identical up to its
// first dose, even when that drug changes the step grid (a bolus with a short half-life).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import type { Drug } from '../../src/model/scenario.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';

const base = makeScenario({
  horizonH: 300,
  recordEveryH: 10,
  initial: 3000,
  persisterFraction: 0.01,
  bS: 0.03,
  dS: 0.005,
  bP: 0.003,
  dP: 0.001,
  entry: 0.001,
  induced: 0.01,
  exit: 0.01,
  replicates: 5,
  drugs: [squarePulseKill('chemo', 0.06, [{ start: 0, duration: 72 }])],
});

const lateInhibitor: Drug = {
  name: 'late',
  effect: 'block-entry',
  potency: 0.9,
  ec50: 1,
  hill: 1,
  halfLifeH: 3,
  doses: [{ timeH: 150, amount: 5, durationH: null }],
};

describe('common random numbers', () => {
  it('identical scenarios give identical replicates', () => {
    const a = simulate(base).outcomes;
    const b = simulate(base).outcomes;
    expect(a).toEqual(b);
  });

  it('a late drug leaves the trajectory identical up to its first dose, then changes it', () => {
    const control = simulate(base);
    const treated = simulate({ ...base, drugs: [...base.drugs, lateInhibitor] });
    expect(treated.timeline.boundaries.length).toBeGreaterThan(control.timeline.boundaries.length);
    const times = control.timeline.recordTimes;
    let differsAfter = 0;
    for (let r = 0; r < base.replicates; r++) {
      const c = control.outcomes[r];
      const t = treated.outcomes[r];
      for (let k = 0; k < times.length; k++) {
        if (times[k] <= 150) {
          expect(t.sensitive[k]).toBe(c.sensitive[k]);
          expect(t.persister[k]).toBe(c.persister[k]);
        } else if (t.sensitive[k] !== c.sensitive[k] || t.persister[k] !== c.persister[k]) differsAfter++;
      }
    }
    expect(differsAfter).toBeGreaterThan(0);
  });
});
