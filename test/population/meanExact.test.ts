// The population engine's mean against the exact mean of the linear two-type process,
// m(t) = expm(A t) m(0), piecewise over the schedule (SCIENCE.md D1):
// - its mean field (every draw replaced by its expectation) is that mean to 1e-9: the leap's
//   fates reproduce the exact mean over any sub-step, whatever its length;
// - at 10^9 cells the replicate means are within 0.5% of it (the bound) and 4 SE;
// - at 2000 cells, where the exact part (compartments of 100 cells or fewer) and the leap
//   work together, within 4 SE at every record time.
import { describe, expect, it } from 'vitest';
import { expectedCounts } from '../../src/analysis/meanTrajectory.js';
import { PopulationRun } from '../../src/engine/population.js';
import { simulate } from '../../src/engine/simulate.js';
import type { Scenario } from '../../src/model/scenario.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { streamFor } from '../../src/rng/stream.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';
import { meanAndSe } from '../helpers/stats.js';

const base = {
  horizonH: 150,
  recordEveryH: 25,
  initial: 2000,
  persisterFraction: 0.1,
  bS: 0.04,
  dS: 0.01,
  bP: 0.005,
  dP: 0.002,
  drugSensitivity: 0.1,
  entry: 0.002,
  induced: 0.01,
  exit: 0.01,
  exitOnDrug: 0.002,
  seed: 11,
  engine: 'population' as const,
};

const schedules = {
  'a constant drug': [squarePulseKill('chemo', 0.05, [{ start: 0, duration: 150 }])],
  'a pulsed schedule': [squarePulseKill('chemo', 0.08, [0, 48, 96].map((start) => ({ start, duration: 24 })))],
  'no drug': [],
  'every drug effect at once': [
    squarePulseKill('chemo', 0.05, [{ start: 0, duration: 75 }]),
    { ...squarePulseKill('blocker', 0.7, [{ start: 0, duration: 150 }], 'block-entry'), doses: [{ timeH: 0, amount: 1, durationH: 150 }] },
    squarePulseKill('ferro', 0.01, [{ start: 50, duration: 50 }], 'kill-persisters'),
    squarePulseKill('reverter', 0.02, [{ start: 75, duration: 75 }], 'promote-exit'),
  ],
};

function checkMeans(s: Scenario, relative: number, ses: number): void {
  const sim = simulate(s);
  expect(sim.engine.engine).toBe('population');
  const exact = expectedCounts(s, sim.timeline);
  const times = sim.timeline.recordTimes;
  for (let k = 1; k < times.length; k++) {
    for (const type of ['sensitive', 'persister'] as const) {
      const { mean, se } = meanAndSe(sim.outcomes.map((o) => o[type][k]));
      const want = exact[type][k];
      const tolerance = relative > 0 ? Math.min(relative * want, ses * se) : ses * se;
      expect(Math.abs(mean - want), `${type} at ${times[k]} h: mean ${mean}, exact ${want}, se ${se}`).toBeLessThanOrEqual(tolerance);
    }
  }
}

describe('population engine mean against expm(A t) m0', () => {
  for (const [name, drugs] of Object.entries(schedules)) {
    it(`${name}: the mean field is the exact mean to 1e-9`, () => {
      const s = makeScenario({ ...base, initial: 1e9, drugs });
      const tl = compileTimeline(s);
      const run = new PopulationRun(s, tl, 0, streamFor(1, 0, 'unused'), { expected: true });
      while (run.advance());
      const o = run.outcome();
      const exact = expectedCounts(s, tl);
      for (let k = 0; k < tl.recordTimes.length; k++) {
        expect(Math.abs(o.sensitive[k] / exact.sensitive[k] - 1)).toBeLessThan(1e-9);
        expect(Math.abs(o.persister[k] / exact.persister[k] - 1)).toBeLessThan(1e-9);
      }
    });

    it(`${name}: 10^9 cells, 40 replicates, within 0.5% and 4 SE`, () => {
      checkMeans(makeScenario({ ...base, initial: 1e9, replicates: 40, drugs }), 0.005, 4);
    });

    it(`${name}: 2000 cells, 400 replicates (exact part and leap), within 4 SE`, () => {
      checkMeans(makeScenario({ ...base, replicates: 400, drugs }), 0, 4);
    });
  }
});

describe('crowding', () => {
  it('the mean field follows the logistic equation within 0.1% (division at the predicted mid-step burden)', () => {
    // dN/dt = b N (1 - N / K) - d N, from 10^8 cells towards K (1 - d / b) = 6 x 10^9.
    const b = 0.05;
    const d = 0.01;
    const K = 1e10;
    const s = makeScenario({ horizonH: 400, recordEveryH: 10, initial: 1e8, bS: b, dS: d, capacity: K, engine: 'population' });
    const tl = compileTimeline(s);
    const run = new PopulationRun(s, tl, 0, streamFor(1, 0, 'unused'), { expected: true });
    while (run.advance());
    const o = run.outcome();
    const r = b - d;
    const limit = K * (r / b);
    for (let k = 0; k < tl.recordTimes.length; k++) {
      const t = tl.recordTimes[k];
      const want = limit / (1 + (limit / 1e8 - 1) * Math.exp(-r * t));
      expect(Math.abs(o.sensitive[k] / want - 1), `at ${t} h`).toBeLessThan(0.001);
    }
  });
});
