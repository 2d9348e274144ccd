// Lineage barcodes (property tests over random small scenarios): at every sample the clones
// add up to the population (cells, persisters, resistant cells); without switching or
// mutation each clone keeps its ancestor's phenotype; the clones at relapse are counted at
// the relapse time, when the burden has just reached the threshold; only living clones are
// listed, and the final statistics agree with the last sample. Both engines: the population
// engine's clones are compartments (engine/populationClones.ts); its clones at relapse are
// exact while every cell is advanced exactly, else counted at the end of the sub-step in
// which the threshold is crossed (at least the threshold).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneStats, type CloneSample } from '../../src/engine/lineage.js';
import { simulate } from '../../src/engine/simulate.js';
import { relapseThreshold } from '../../src/model/scenario.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';

const rate = (max: number) => fc.double({ min: 0, max, noNaN: true });
const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);

const arb = (switching: boolean) =>
  fc.record({
    initial: fc.integer({ min: 1, max: 200 }), pf: fc.double({ min: 0, max: 0.5, noNaN: true }), rf: fc.double({ min: 0, max: 0.4, noNaN: true }),
    bS: fc.double({ min: 0.02, max: 0.06, noNaN: true }), dS: rate(0.02), bP: rate(0.03), dP: rate(0.02), bR: rate(0.04), dR: rate(0.02),
    entry: switching ? rate(0.05) : fc.constant(0), exit: switching ? rate(0.05) : fc.constant(0), u: switching ? rate(0.1) : fc.constant(0),
    kill: rate(0.08), capacity: fc.option(fc.integer({ min: 100, max: 1000 }), { nil: null }), seed: fc.integer({ min: 0, max: 1e6 }),
  }).map((p) =>
    makeScenario({
      horizonH: 100, recordEveryH: 10, initial: p.initial, persisterFraction: p.pf, bS: p.bS, dS: p.dS, bP: p.bP, dP: p.dP,
      entry: p.entry, exit: p.exit, capacity: p.capacity, seed: p.seed, replicates: 2, drugSensitivity: 0.1,
      drugs: [squarePulseKill('chemo', p.kill, [{ start: 20, duration: 30 }])],
      resistant: { divisionRate: p.bR, deathRate: p.dR, drugSensitivity: 0 }, resistantFraction: p.rf,
      mutation: { rate: p.u, persisterFactor: 1 },
      lineage: { sampleAtH: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] },
      relapse: { kind: 'relative', value: 1.2 },
    }),
  );

describe.each(['agent', 'population'] as const)('lineage barcodes, %s engine', (engine) => {
  it('the clones add up to the population at every sample', () => {
    let relapses = 0;
    fc.assert(
      fc.property(arb(true), (s) => {
        for (const o of simulate({ ...s, engine }).outcomes) {
          const samples = o.clones?.samples ?? [];
          expect(samples.length).toBeGreaterThan(0);
          for (const c of samples) {
            const k = Math.round(c.timeH / 10);
            expect(sum(c.cells)).toBe(o.sensitive[k] + o.persister[k] + (o.resistant?.[k] ?? 0));
            expect(sum(c.persisters)).toBe(o.persister[k]);
            expect(sum(c.resistant)).toBe(o.resistant?.[k] ?? 0);
            expect(c.cells.every((x) => x > 0)).toBe(true);
            expect(c.barcodes.every((b, i) => i === 0 || b > c.barcodes[i - 1])).toBe(true);
          }
          expect(samples[0].barcodes.length).toBe(s.population.initial);
          const last = samples.at(-1) as CloneSample;
          if (o.extinctH === null) expect(o.clones?.final).toEqual(cloneStats(last));
          const atRelapse = o.clones?.relapse;
          if (atRelapse != null) {
            expect(atRelapse.timeH).toBe(o.relapseH);
            if (engine === 'agent') expect(sum(atRelapse.cells)).toBe(Math.ceil(relapseThreshold(s)));
            else expect(sum(atRelapse.cells)).toBeGreaterThanOrEqual(relapseThreshold(s));
            relapses++;
          }
        }
      }),
      { numRuns: 40 },
    );
    expect(relapses).toBeGreaterThan(5);
  });

  it('without switching or mutation every clone keeps its ancestor\'s phenotype', () => {
    fc.assert(
      fc.property(arb(false), (s) => {
        for (const o of simulate({ ...s, engine }).outcomes) {
          const [first, ...later] = o.clones?.samples ?? [];
          const ancestor = new Map<number, 'S' | 'P' | 'R'>();
          first.barcodes.forEach((b, i) => ancestor.set(b, first.persisters[i] === 1 ? 'P' : first.resistant[i] === 1 ? 'R' : 'S'));
          for (const c of later) {
            c.barcodes.forEach((b, i) => {
              const kind = ancestor.get(b);
              expect(kind).toBeDefined();
              expect(c.persisters[i]).toBe(kind === 'P' ? c.cells[i] : 0);
              expect(c.resistant[i]).toBe(kind === 'R' ? c.cells[i] : 0);
            });
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
