// Properties of the agent engine over random small scenarios (fast-check): counts are never
// negative, cells are conserved by the event counters, a zero-dose schedule is no drug,
// and the same seed gives the same run while another seed gives another.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/engine/simulate.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';
import type { Scenario } from '../../src/model/scenario.js';

const rate = (max: number) => fc.double({ min: 0, max, noNaN: true });

const scenarioArb = fc
  .record({
    initial: fc.integer({ min: 1, max: 400 }),
    persisterFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    bS: rate(0.05),
    dS: rate(0.05),
    bP: rate(0.02),
    dP: rate(0.02),
    entry: rate(0.02),
    induced: rate(0.05),
    exit: rate(0.05),
    kill: rate(0.1),
    capacity: fc.option(fc.integer({ min: 50, max: 2000 }), { nil: null }),
    seed: fc.integer({ min: 0, max: 1e6 }),
  })
  .map((p) =>
    makeScenario({
      ...p,
      horizonH: 100,
      recordEveryH: 10,
      drugSensitivity: 0.1,
      replicates: 2,
      drugs: [squarePulseKill('chemo', p.kill, [{ start: 10, duration: 30 }])],
    }),
  );

const withDose = (s: Scenario, amount: number): Scenario => ({
  ...s,
  drugs: s.drugs.map((d) => ({ ...d, doses: d.doses.map((x) => ({ ...x, amount })) })),
});

describe('agent engine properties', () => {
  it('counts are non-negative integers and cells are conserved', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const o of simulate(s).outcomes) {
          for (const arr of [o.sensitive, o.persister]) for (const x of arr) expect(Number.isInteger(x) && x >= 0).toBe(true);
          const c = o.counters;
          expect(c.initial + c.divisions - c.deaths).toBe(o.final.sensitive + o.final.persister);
          const k = o.sensitive.length - 1;
          expect(o.sensitive[k] + o.persister[k]).toBe(o.final.sensitive + o.final.persister);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a zero-dose schedule gives exactly the run with no drug', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const zero = simulate(withDose(s, 0)).outcomes;
        const none = simulate({ ...s, drugs: [] }).outcomes;
        expect(zero.map((o) => [Array.from(o.sensitive), Array.from(o.persister), o.relapseH])).toEqual(
          none.map((o) => [Array.from(o.sensitive), Array.from(o.persister), o.relapseH]),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('the same seed gives the same run, another seed another run', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const grow: Scenario = { ...s, population: { ...s.population, initial: 200 } };
        const a = simulate(grow).outcomes[0];
        const b = simulate(grow).outcomes[0];
        const c = simulate({ ...grow, seed: grow.seed + 1 }).outcomes[0];
        expect(Array.from(a.sensitive)).toEqual(Array.from(b.sensitive));
        expect(a.counters).toEqual(b.counters);
        const eventful = a.counters.divisions + a.counters.deaths + a.counters.entries + a.counters.exits > 20;
        const trace = (o: typeof a) => [Array.from(o.sensitive), Array.from(o.persister), o.nadirH, o.extinctH, o.counters];
        if (eventful) expect(trace(c)).not.toEqual(trace(a));
      }),
      { numRuns: 30 },
    );
  });
});
