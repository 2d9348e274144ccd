// Properties of the population engine over random scenarios (fast-check, fixed seed): counts
// are non-negative integers, cells are conserved by the event counters (initial + divisions
// - deaths = final), the last record is the final state, and replicate r gives the same
// result alone, in any subset, or with any other replicates around it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';

const rate = (max: number) => fc.double({ min: 0, max, noNaN: true });

const scenarioArb = fc
  .record({
    initial: fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 400, max: 1e6 }), fc.constant(1e12)),
    persisterFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    bS: rate(0.05),
    dS: rate(0.05),
    bP: rate(0.02),
    dP: rate(0.02),
    entry: rate(0.02),
    induced: rate(0.05),
    exit: rate(0.05),
    kill: rate(0.1),
    capacity: fc.option(fc.integer({ min: 50, max: 2e6 }), { nil: null }),
    fosl1: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1e6 }),
  })
  .map((p) =>
    makeScenario({
      ...p,
      horizonH: 60,
      recordEveryH: 10,
      drugSensitivity: 0.1,
      replicates: 3,
      engine: 'population',
      fosl1: p.fosl1 ? {} : undefined,
      drugs: [squarePulseKill('chemo', p.kill, [{ start: 10, duration: 30 }])],
    }),
  );

describe('population engine properties', () => {
  it('counts are non-negative integers and cells are conserved', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const o of simulate(s).outcomes) {
          for (const arr of [o.sensitive, o.persister]) for (const x of arr) expect(Number.isSafeInteger(x) && x >= 0).toBe(true);
          const c = o.counters;
          expect(c.initial + c.divisions - c.deaths).toBe(o.final.sensitive + o.final.persister);
          const k = o.sensitive.length - 1;
          expect(o.sensitive[k] + o.persister[k]).toBe(o.final.sensitive + o.final.persister);
          expect(o.nadirCells).toBeLessThanOrEqual(s.population.initial);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('replicate r is the same alone, in a subset and among all replicates', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const all = simulate(s).outcomes;
        const alone = simulate(s, { replicates: [3, 1] }).outcomes;
        expect(alone[0]).toEqual(all[2]);
        expect(alone[1]).toEqual(all[0]);
      }),
      { numRuns: 15 },
    );
  });
});
