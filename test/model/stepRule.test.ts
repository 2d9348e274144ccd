// The default step rule (model/steps.ts): with dt = half_life / 10 and rates averaged over
// each step, the mean trajectory stays within 1% of the exact mean. The exact mean is
// approximated by the same product of exponentials with steps 50 times finer (its own error is 2500 times smaller, the error being second order in the step).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectedCounts } from '../../src/analysis/meanTrajectory.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { defaultStep } from '../../src/model/steps.js';
import type { Drug, Scenario } from '../../src/model/scenario.js';
import { makeScenario } from '../helpers/makeScenario.js';

function bolus(effect: Drug['effect'], potency: number, halfLifeH: number, dose: number, every: number, hill: number): Drug {
  return {
    name: effect,
    effect,
    potency,
    ec50: 1,
    hill,
    halfLifeH,
    doses: Array.from({ length: 4 }, (_, i) => ({ timeH: i * every, amount: dose, durationH: null })),
  };
}

describe('default step rule', () => {
  it('keeps the mean within 1% of the exact mean for bolus schedules', () => {
    let worst = 0;
    fc.assert(
      fc.property(
        fc.double({ min: 2, max: 48, noNaN: true }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        fc.double({ min: 0.02, max: 0.2, noNaN: true }),
        (halfLife, dose, hill, potency) => {
          const s = makeScenario({
            horizonH: 400,
            recordEveryH: 24,
            initial: 1e4,
            persisterFraction: 0.01,
            bS: 0.02,
            dS: 0.002,
            bP: 0.002,
            dP: 0.001,
            drugSensitivity: 0.05,
            entry: 1e-4,
            induced: 0.01,
            exit: 0.01,
            exitOnDrug: 0.001,
            drugs: [bolus('kill', potency, halfLife, dose, 96, hill), bolus('block-entry', 0.8, halfLife * 2, dose, 96, 1)],
          });
          const coarse = expectedCounts(s, compileTimeline(s));
          const fineScenario: Scenario = { ...s, time: { ...s.time, dtH: defaultStep(s) / 50 } };
          const fine = expectedCounts(fineScenario, compileTimeline(fineScenario));
          for (let k = 0; k < fine.sensitive.length; k++) {
            const exact = fine.sensitive[k] + fine.persister[k];
            const approx = coarse.sensitive[k] + coarse.persister[k];
            worst = Math.max(worst, Math.abs(approx - exact) / exact);
            expect(Math.abs(approx - exact) / exact).toBeLessThan(0.01);
          }
        },
      ),
      { numRuns: 20 },
    );
    console.log(`step rule: worst relative error of the mean ${(worst * 100).toFixed(3)}%`);
  });

  it('uses half_life / 10 and never exceeds record_every', () => {
    const s = makeScenario({ horizonH: 100, recordEveryH: 5, initial: 10, bS: 0.01, drugs: [bolus('kill', 0.1, 20, 1, 24, 1)] });
    expect(defaultStep(s)).toBe(2);
    expect(defaultStep({ ...s, time: { ...s.time, recordEveryH: 1 } })).toBe(1);
    expect(defaultStep({ ...s, drugs: [] })).toBe(5);
  });
});
