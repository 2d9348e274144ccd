// The drug-free steady state of the FOSL1 switch. One cell (no division): the stationary
// density exp(2U/noise^2) and the committor in the hysteresis band (model/fosl1Stationary.ts).
// A growing tumour: the Perron eigenvector of the discretised population dynamics
// (model/fosl1SteadyState.ts), which must reduce to the one-cell closed form when both states
// grow alike without inheritance noise, and which the engine, drawing its initial cells from
// it, must keep stationary: the persister share and the mean level stay at the computed values
// over several doublings (within 4 SE over replicates).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { stationaryLevels } from '../../src/model/fosl1Stationary.js';
import { populationSteadyState } from '../../src/model/fosl1SteadyState.js';
import type { Fosl1Switch } from '../../src/model/scenario.js';
import { FOSL1_REFERENCE, makeScenario } from '../helpers/makeScenario.js';
import { meanAndSe } from '../helpers/stats.js';

const same = { divisionRate: 0.02, deathRate: 0.005 };

describe('steady state of the FOSL1 level', () => {
  it.each([
    ['the reference switch', {}],
    ['a higher basal production', { basal: 0.027 }],
    ['a Hill coefficient of 4 and more noise', { hill: 4, feedback: 0.07, basal: 0.015, noise: 0.05 }],
    ['a non-integer Hill coefficient', { hill: 5.5, noise: 0.04 }],
  ])('with equal growth and no inheritance noise is the one-cell closed form: %s', (_name, change) => {
    const sw: Fosl1Switch = { ...FOSL1_REFERENCE, inheritanceNoise: 0, ...change };
    const closed = stationaryLevels(sw);
    const eigen = populationSteadyState(sw, same, same);
    expect(eigen.persisterFraction).toBeGreaterThan(0);
    expect(Math.abs(eigen.persisterFraction / closed.persisterFraction - 1)).toBeLessThan(2e-3);
    expect(eigen.meanLevel).toBeCloseTo(closed.mean, 3);
    expect(eigen.growthRate).toBeCloseTo(same.divisionRate - same.deathRate, 10);
  });

  it('in a growing tumour is kept by the engine: share and mean level stay put (within 4 SE)', () => {
    const s = makeScenario({
      horizonH: 120,
      recordEveryH: 40,
      initial: 2000,
      bS: Math.LN2 / 40,
      dS: 0.002,
      bP: 0.004,
      dP: 0.0005,
      seed: 9,
      replicates: 20,
      fosl1: { ...FOSL1_REFERENCE, basal: 0.028 },
    });
    const sw = s.switch as Fosl1Switch;
    const st = populationSteadyState(sw, s.phenotypes.sensitive, s.phenotypes.persister);
    expect(st.persisterFraction).toBeGreaterThan(0.01);
    const sim = simulate(s);
    for (let k = 0; k < sim.timeline.recordTimes.length; k++) {
      const share = meanAndSe(sim.outcomes.map((o) => o.persister[k] / (o.sensitive[k] + o.persister[k])));
      expect(Math.abs(share.mean - st.persisterFraction), `share at ${sim.timeline.recordTimes[k]} h`).toBeLessThan(4 * share.se);
      const level = meanAndSe(sim.outcomes.map((o) => o.fosl1Mean![k]));
      expect(Math.abs(level.mean - st.meanLevel), `level at ${sim.timeline.recordTimes[k]} h`).toBeLessThan(4 * level.se);
    }
  });
});
