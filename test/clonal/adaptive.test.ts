// Adaptive dosing follows its rule exactly (property test over random trajectories): at every
// check the drug is on for the steps up to the next check if and only if the rule, written out
// again here, says so from the burden the check saw; before the first check it is off. A rule
// that never stops (stop_below 0) is continuous dosing: it gives exactly the run of a fixed
// square pulse over the same span, on the same random numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgentRun } from '../../src/engine/agent.js';
import { simulate } from '../../src/engine/simulate.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { xoshiroStream } from '../../src/rng/xoshiro128.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';
import { adaptiveKill } from './fixtures.js';

const rate = (max: number) => fc.double({ min: 0, max, noNaN: true });

const arb = fc
  .record({
    initial: fc.integer({ min: 5, max: 300 }), bS: fc.double({ min: 0.02, max: 0.08, noNaN: true }), dS: rate(0.01), bP: rate(0.02), entry: rate(0.02), exit: rate(0.05),
    potency: fc.double({ min: 0.03, max: 0.3, noNaN: true }), startH: fc.double({ min: 0, max: 40, noNaN: true }),
    checkEveryH: fc.double({ min: 2, max: 30, noNaN: true }), stop: fc.double({ min: 0.2, max: 0.9, noNaN: true }), above: rate(0.6),
    // Always a capacity: without one, a tumour whose drug the rule stops early can grow for
    // 300 h at up to 0.08/h, to 10^10 cells, which the agent engine would take minutes to follow.
    capacity: fc.integer({ min: 100, max: 1000 }), seed: fc.integer({ min: 0, max: 1e6 }),
  })
  .map((p) =>
    makeScenario({
      horizonH: 300, recordEveryH: 10, initial: p.initial, bS: p.bS, dS: p.dS, bP: p.bP, entry: p.entry, exit: p.exit, capacity: p.capacity,
      seed: p.seed, drugSensitivity: 0.1,
      drugs: [adaptiveKill('chemo', p.potency, { startH: p.startH, checkEveryH: p.checkEveryH, stopBelow: p.stop, resumeAt: p.stop + p.above })],
    }),
  );

describe('adaptive dosing', () => {
  it('the drug is on iff the state machine says so, at every check', () => {
    let switches = 0;
    fc.assert(
      fc.property(arb, (s) => {
        const tl = compileTimeline(s);
        const ad = tl.adaptive;
        if (ad === null) throw new Error('no adaptive timeline');
        const rule = ad.rule;
        const run = new AgentRun(s, tl, 1, xoshiroStream(s.seed, 1, 'agent'));
        const dosing = run.dosing;
        if (dosing === null) throw new Error('no adaptive dosing');
        let on = false;
        let baseline = NaN;
        let k = 0;
        const seen: number[] = [];
        const decided: boolean[] = [];
        while (!run.finished) {
          const i = run.step;
          if (k < ad.checkBoundary.length && ad.checkBoundary[k] === i) {
            const burden = run.store.size;
            const was: boolean = on;
            if (k === 0) {
              baseline = burden;
              on = true;
            } else if (on && burden < rule.stopBelow * baseline) on = false;
            else if (!on && burden >= rule.resumeAt * baseline) on = true;
            if (k > 0 && on !== was) switches++;
            seen.push(burden);
            decided.push(on);
            k++;
          }
          run.advance();
          expect(dosing.isOn).toBe(on);
          expect(dosing.timeline.deathS[i]).toBe(on ? ad.on.deathS[i] : tl.deathS[i]);
          expect(dosing.timeline.deathS[i]).not.toBe(on ? tl.deathS[i] : ad.on.deathS[i]);
        }
        const record = run.outcome().dosing;
        expect(Array.from(record?.checkCells ?? []).slice(0, k)).toEqual(seen);
        expect(Array.from(record?.checkOn ?? []).slice(0, k)).toEqual(decided.map((x) => (x ? 1 : 0)));
        if (run.extinctH === null) expect(k).toBe(ad.checkTimes.length);
      }),
      { numRuns: 60 },
    );
    expect(switches).toBeGreaterThan(10);
  });

  it('a rule that never stops is a continuous square pulse, on the same random numbers', () => {
    const base = { horizonH: 300, recordEveryH: 10, initial: 400, bS: 0.04, dS: 0.01, bP: 0.005, entry: 0.002, induced: 0.01, exit: 0.01, replicates: 4, seed: 9 };
    const adaptive = simulate(makeScenario({ ...base, drugs: [adaptiveKill('chemo', 0.06, { startH: 50, checkEveryH: 24, stopBelow: 0, resumeAt: 1 })] }));
    const fixed = simulate(makeScenario({ ...base, drugs: [squarePulseKill('chemo', 0.06, [{ start: 50, duration: 250 }])] }));
    const trace = (o: (typeof fixed.outcomes)[number]) => [Array.from(o.sensitive), Array.from(o.persister), o.counters];
    expect(adaptive.outcomes.map(trace)).toEqual(fixed.outcomes.map(trace));
    for (const o of adaptive.outcomes) {
      expect(Array.from(o.dosing?.checkOn ?? [])).toEqual(Array(11).fill(1));
      expect(o.dosing?.onHours).toBeCloseTo(250, 9);
    }
  });
});
