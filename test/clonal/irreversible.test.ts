// Resistance is irreversible (property test over random small scenarios with switching,
// mutation from both states and a drug given then withdrawn): with resistant cells that do
// not die, the resistant count never falls from one step to the next, whatever the switch
// does, and it ends at least at its start plus the mutations. The mean of all three types
// follows the three-type linear theory (resistanceMean.ts) within 4 standard errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedCounts3 } from '../../src/analysis/resistanceMean.js';
import { AgentRun } from '../../src/engine/agent.js';
import { RESISTANT } from '../../src/engine/cellStore.js';
import { simulate } from '../../src/engine/simulate.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { xoshiroStream } from '../../src/rng/xoshiro128.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';
import { meanAndSe } from '../helpers/stats.js';

const rate = (max: number) => fc.double({ min: 0, max, noNaN: true });

describe('resistance is irreversible', () => {
  it('no resistant cell ever leaves the resistant pool', () => {
    fc.assert(
      fc.property(
        fc.record({
          initial: fc.integer({ min: 1, max: 300 }), pf: fc.double({ min: 0, max: 0.5, noNaN: true }), rf: fc.double({ min: 0, max: 0.5, noNaN: true }),
          bS: rate(0.05), dS: rate(0.03), bP: rate(0.03), entry: rate(0.05), exit: rate(0.05), bR: rate(0.04),
          u: rate(0.2), factor: rate(5), kill: rate(0.2), capacity: fc.option(fc.integer({ min: 100, max: 1000 }), { nil: null }), seed: fc.integer({ min: 0, max: 1e6 }),
        }),
        (p) => {
          const s = makeScenario({
            horizonH: 120, recordEveryH: 10, initial: p.initial, persisterFraction: p.pf, bS: p.bS, dS: p.dS, bP: p.bP,
            entry: p.entry, exit: p.exit, capacity: p.capacity, seed: p.seed,
            drugs: [squarePulseKill('chemo', p.kill, [{ start: 20, duration: 40 }])],
            resistant: { divisionRate: p.bR, deathRate: 0, drugSensitivity: 0 }, resistantFraction: p.rf,
            mutation: { rate: p.u, persisterFactor: Math.min(p.factor, 1 / Math.max(p.u, 1e-9)) },
          });
          const run = new AgentRun(s, compileTimeline(s), 1, xoshiroStream(s.seed, 1, 'agent'));
          const r0 = run.store.counts[RESISTANT];
          let before = r0;
          while (run.advance()) {
            const now = run.store.counts[RESISTANT];
            expect(now).toBeGreaterThanOrEqual(before);
            before = now;
          }
          const o = run.outcome();
          expect(o.final.resistant).toBeGreaterThanOrEqual(r0 + (o.counters.mutations ?? 0));
          const c = o.counters;
          expect(c.initial + c.divisions - c.deaths).toBe(o.final.sensitive + o.final.persister + (o.final.resistant ?? 0));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the three-type mean', () => {
  it('the engine follows it with switching, mutation from both states and a drug', () => {
    const s = makeScenario({
      horizonH: 150, recordEveryH: 30, initial: 300, persisterFraction: 0.1, bS: 0.04, dS: 0.01, bP: 0.01, dP: 0.002,
      entry: 0.01, induced: 0.03, exit: 0.02, drugSensitivity: 0.1, replicates: 400, seed: 5,
      drugs: [squarePulseKill('chemo', 0.08, [{ start: 40, duration: 50 }])],
      resistant: { divisionRate: 0.03, deathRate: 0.01, drugSensitivity: 0.2 }, resistantFraction: 0.02,
      mutation: { rate: 0.01, persisterFactor: 5 },
    });
    const sim = simulate(s);
    const theory = expectedCounts3(s, sim.timeline);
    for (const [k] of sim.timeline.recordTimes.entries()) {
      const check = (observed: number[], expected: number) => {
        const { mean, se } = meanAndSe(observed);
        expect(Math.abs(mean - expected)).toBeLessThanOrEqual(4 * se + 1e-9);
      };
      check(sim.outcomes.map((o) => o.sensitive[k]), theory.sensitive[k]);
      check(sim.outcomes.map((o) => o.persister[k]), theory.persister[k]);
      check(sim.outcomes.map((o) => o.resistant?.[k] ?? NaN), theory.resistant[k]);
    }
  });
});
