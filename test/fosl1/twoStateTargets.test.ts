// The two-state switch written by its targets (stationary_fraction + exit_half_life, the
// half-life possibly in doublings): the solved rates reproduce the targets exactly (closed
// forms: the stationary persister fraction is the attracting root of the Riccati equation,
// SCIENCE.md D2, computed independently from the dominant eigenvector of the mean matrix; the
// exit half-life is ln 2 / exit rate), and the agent engine reproduces both within 4 SE.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stationaryPersisterFraction, twoTypeMatrix } from '../../src/analysis/twoType.js';
import { simulate } from '../../src/engine/simulate.js';
import type { Scenario, TwoStateSwitch } from '../../src/model/scenario.js';
import { entryRateForFraction, exitRateForHalfLife } from '../../src/model/twoStateTargets.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { meanAndSe, proportionSe } from '../helpers/stats.js';

function targetsScenario(extra: string, sw: string): Scenario {
  return loadScenarioText(
    `name: targets
seed: 5
replicates: 30
time:
  horizon: 200h
  record_every: 50h
population:
  initial: 2000
${extra}phenotypes:
  sensitive:
    doubling_time: 40h
    death_rate: 0.002/h
  persister:
    division_rate: 0.004/h
    death_rate: 0.001/h
switch:
${sw}`,
    'targets.yaml',
  );
}

describe('two-state switch by targets: the closed form', () => {
  it('solves entry and exit so that the stationary fraction and the exit half-life are exact', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.9, noNaN: true }),
        fc.double({ min: 1, max: 2000, noNaN: true }),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        (p, halfLife, lS, lP) => {
          const exit = exitRateForHalfLife(halfLife);
          const entry = entryRateForFraction(p, exit, { sensitive: lS, persister: lP });
          fc.pre(entry > 1e-9);
          expect(Math.LN2 / exit).toBeCloseTo(halfLife, 9);
          const fraction = stationaryPersisterFraction(twoTypeMatrix(lS, lP, entry, exit));
          expect(Math.abs(fraction - p)).toBeLessThan(1e-9 * Math.max(1, p / (1 - p)));
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it('resolves a scenario written with 9 doublings and 0.3%', () => {
    const s = targetsScenario('', '  stationary_fraction: 0.003\n  exit_half_life: 9 doublings\n  exit_rate_on_drug: 0.001/h\n');
    const sw = s.switch as TwoStateSwitch;
    expect(sw.targets).toEqual({ stationaryFraction: 0.003, exitHalfLifeH: 360, exitHalfLifeDoublings: 9 });
    expect(sw.exitRate).toBeCloseTo(Math.LN2 / 360, 15);
    expect(sw.exitRateOnDrug).toBe(0.001);
    const A = twoTypeMatrix(Math.LN2 / 40 - 0.002, 0.003, sw.entryRate, sw.exitRate);
    expect(stationaryPersisterFraction(A)).toBeCloseTo(0.003, 12);
  });
});

describe('two-state switch by targets: the engine', () => {
  it('keeps the persister fraction at the requested stationary fraction (within 4 SE)', () => {
    const s = targetsScenario('  persister_fraction: 0.1\n', '  stationary_fraction: 0.1\n  exit_half_life: 2 doublings\n');
    const sim = simulate(s);
    for (let k = 1; k < sim.timeline.recordTimes.length; k++) {
      const { mean, se } = meanAndSe(sim.outcomes.map((o) => o.persister[k] / (o.sensitive[k] + o.persister[k])));
      expect(Math.abs(mean - 0.1), `t = ${sim.timeline.recordTimes[k]} h`).toBeLessThan(4 * se);
    }
  });

  it('halves the persisters in one exit half-life when entry is blocked (within 4 SE)', () => {
    // No division or death; a block-entry drug at full effect cuts entry to ~1e-9 of its rate.
    const s = loadScenarioText(
      `name: half-life
seed: 6
time:
  horizon: 30h
  record_every: 30h
population:
  initial: 20000
  persister_fraction: 1
phenotypes:
  sensitive:
    division_rate: 0
switch:
  stationary_fraction: 0.2
  exit_half_life: 30h
drugs:
  - name: block
    effect: block-entry
    potency: 1
    schedule:
      - at: [0h]
        dose: 1e9
        duration: 30h
`,
      'half-life.yaml',
    );
    const o = simulate(s).outcomes[0];
    const remaining = o.persister[1] / 20000;
    expect(Math.abs(remaining - 0.5)).toBeLessThan(4 * proportionSe(0.5, 20000));
  });
});
