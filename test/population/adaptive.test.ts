// Adaptive dosing in the population engine (engine/adaptiveDosing.ts, the agent engine's
// rule): at every check the drug is on for the steps up to the next check iff the rule says
// so from the burden the check saw, for tumours leaped and exact alike; a rule that never
// stops has the mean of a fixed square pulse (the mean fields agree to 1e-9).
import { describe, expect, it } from 'vitest';
import { PopulationRun } from '../../src/engine/population.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { streamFor } from '../../src/rng/stream.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';
import { adaptiveKill } from '../clonal/fixtures.js';

const base = { horizonH: 300, recordEveryH: 10, bS: 0.04, dS: 0.01, bP: 0.005, entry: 0.002, induced: 0.01, exit: 0.01, drugSensitivity: 0.1, engine: 'population' as const };

describe('adaptive dosing in the population engine', () => {
  for (const [initial, capacity] of [[300, 1000], [1e9, 3e9], [1e12, null]] as const) {
    it(`${initial} cells: the drug is on iff the rule says so at every check`, () => {
      const s = makeScenario({ ...base, initial, capacity, seed: 3, drugs: [adaptiveKill('chemo', 0.08, { startH: 20, checkEveryH: 12, stopBelow: 0.5, resumeAt: 0.9 })] });
      const tl = compileTimeline(s);
      const ad = tl.adaptive!;
      const run = new PopulationRun(s, tl, 1, streamFor(3, 1, 'population'));
      const dosing = run.dosing!;
      let on = false;
      let baseline = NaN;
      let k = 0;
      let switches = 0;
      while (!run.finished) {
        const i = run.step;
        if (k < ad.checkBoundary.length && ad.checkBoundary[k] === i) {
          const burden = run.total();
          const was: boolean = on;
          if (k === 0) {
            baseline = burden;
            on = true;
          } else if (on && burden < ad.rule.stopBelow * baseline) on = false;
          else if (!on && burden >= ad.rule.resumeAt * baseline) on = true;
          if (k > 0 && on !== was) switches++;
          k++;
        }
        run.advance();
        expect(dosing.isOn).toBe(on);
        expect(dosing.timeline.deathS[i]).toBe(on ? ad.on.deathS[i] : tl.deathS[i]);
      }
      expect(switches).toBeGreaterThan(2);
      const record = run.outcome().dosing!;
      expect(record.checkOn.length).toBe(ad.checkTimes.length);
    });
  }

  it('a rule that never stops has the mean of a continuous square pulse', () => {
    const mean = (drugs: ReturnType<typeof squarePulseKill>[]) => {
      const s = makeScenario({ ...base, initial: 1e6, drugs });
      const run = new PopulationRun(s, compileTimeline(s), 0, streamFor(1, 0, 'unused'), { expected: true });
      while (run.advance());
      return run.outcome();
    };
    const a = mean([adaptiveKill('chemo', 0.06, { startH: 50, checkEveryH: 24, stopBelow: 0, resumeAt: 1 })]);
    const b = mean([squarePulseKill('chemo', 0.06, [{ start: 50, duration: 250 }])]);
    for (let k = 0; k < a.sensitive.length; k++) {
      expect(Math.abs(a.sensitive[k] - b.sensitive[k])).toBeLessThanOrEqual(1e-9 * b.sensitive[k]);
      expect(Math.abs(a.persister[k] - b.persister[k])).toBeLessThanOrEqual(1e-9 * Math.max(1, b.persister[k]));
    }
    expect(a.dosing?.onHours).toBeCloseTo(250, 9);
  });
});
