// The replicate means of the agent engine match the exact mean of the linear two-type
// process, m(t) = expm(A t) m(0), piecewise for a pulsed schedule (SCIENCE.md D1), within
// 1% + 4 standard errors at every record time.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { expectedCounts } from '../../src/analysis/meanTrajectory.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';
import { meanAndSe } from '../helpers/stats.js';
import type { Scenario } from '../../src/model/scenario.js';

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
  replicates: 400,
  seed: 11,
};

function checkMeans(s: Scenario): void {
  const sim = simulate(s);
  const exact = expectedCounts(s, sim.timeline);
  const times = sim.timeline.recordTimes;
  for (let k = 1; k < times.length; k++) {
    for (const type of ['sensitive', 'persister'] as const) {
      const { mean, se } = meanAndSe(sim.outcomes.map((o) => o[type][k]));
      const want = exact[type][k];
      expect(Math.abs(mean - want), `${type} at ${times[k]} h: mean ${mean}, exact ${want}, se ${se}`).toBeLessThanOrEqual(
        0.01 * want + 4 * se,
      );
    }
  }
}

describe('agent engine mean against expm(A t) m0', () => {
  it('under a constant drug', () => {
    checkMeans(makeScenario({ ...base, drugs: [squarePulseKill('chemo', 0.05, [{ start: 0, duration: 150 }])] }));
  });

  it('under a pulsed schedule (product of exponentials)', () => {
    const pulses = [0, 48, 96].map((start) => ({ start, duration: 24 }));
    checkMeans(makeScenario({ ...base, drugs: [squarePulseKill('chemo', 0.08, pulses)] }));
  });

  it('with no drug at all', () => {
    checkMeans(makeScenario({ ...base, horizonH: 100, recordEveryH: 20 }));
  });

  it('with every drug effect at once (kill, block-entry, kill-persisters, promote-exit)', () => {
    const drugs = [
      squarePulseKill('chemo', 0.05, [{ start: 0, duration: 75 }]),
      { ...squarePulseKill('blocker', 0.7, [{ start: 0, duration: 150 }], 'block-entry'), doses: [{ timeH: 0, amount: 1, durationH: 150 }] },
      squarePulseKill('ferro', 0.01, [{ start: 50, duration: 50 }], 'kill-persisters'),
      squarePulseKill('reverter', 0.02, [{ start: 75, duration: 75 }], 'promote-exit'),
    ];
    checkMeans(makeScenario({ ...base, drugs }));
  });
});
