// Agreement of the two engines on the barcoded lesson 09 (a fluctuation test over cultures;
// issue 5, items 4 and 6). Its tumours never relapse (the dish holds fewer cells than the
// detection size), so what is compared is what the lesson reads: the survivors of each
// culture after the drug, and its surviving barcodes. Spontaneous arm: survivors and
// surviving barcodes agree by the two-sample Kolmogorov-Smirnov test (p > 0.01), and the
// mean counts agree within 4 SE at every record time. Induced arm, where survival has a
// closed form: the dish empties within minutes of the lethal pulse, so its cells then follow
// the linear two-type process (SCIENCE.md D1) with A = [[b - k - a, 0], [a, b]] (induced
// entry a, kill k, division b, no exit), and a sensitive cell alive when the pulse starts
// leaves m = expm(A T)[P, S] persisters at its end (T = 15 min); the survivors of the cultures
// have mean sum(N m) over their sensitive counts N. A cell leaves no persister, or one that
// founds a Yule lineage over at most T hours, so E[X^2] <= m (1 + 2 (e^{b T} - 1)) and the
// variance is at most sum(N (m (1 + 2 (e^{b T} - 1)) - m^2)); each engine is within 4 SE; the
// engines agree by KS; and with the induced entry rate raised by 10% the population engine's
// survivors differ from the agent engine's (p < 0.01).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expm2 } from '../../src/analysis/twoType.js';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import type { EngineChoice } from '../../src/model/scenario.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { largestMeanGap } from './agreement.js';
import { ksTest } from './ks.js';

const LESSON = join(import.meta.dirname, '../../scenarios/09-pre-existing-vs-induced.yaml');
const INDUCED = ['switch.entry_rate=0', 'switch.induced_entry_rate=0.5/h'];

const run = (engine: EngineChoice, sets: string[]): Simulation => {
  const s = loadScenarioFile(LESSON, sets).scenario;
  return simulate({ ...s, engine });
};
const survivors = (sim: Simulation) => sim.outcomes.map((o) => o.final.sensitive + o.final.persister);
const barcodes = (sim: Simulation) => sim.outcomes.map((o) => o.clones?.final.surviving ?? 0);

describe('lesson 09 on both engines', () => {
  it('spontaneous arm: survivors, surviving barcodes and mean counts agree', () => {
    const agent = run('agent', []);
    const pop = run('population', []);
    expect(ksTest(survivors(agent), survivors(pop)).p).toBeGreaterThan(0.01);
    expect(ksTest(barcodes(agent), barcodes(pop)).p).toBeGreaterThan(0.01);
    const gap = largestMeanGap(agent, pop);
    expect(gap.z, gap.where).toBeLessThanOrEqual(4);
  });

  it('induced arm: the survivors match the closed form on both engines, agree, and a 10% faster induction is detected', () => {
    const sets = [...INDUCED, 'replicates=1000'];
    const s = loadScenarioFile(LESSON, sets).scenario;
    const drug = s.drugs[0];
    const dose = drug.doses[0];
    const effect = dose.amount / (drug.ec50 + dose.amount);
    const k = drug.potency * effect;
    const a = 0.5 * effect;
    const b = s.phenotypes.persister.divisionRate;
    expect(s.phenotypes.sensitive.divisionRate).toBe(b);
    const T = dose.durationH ?? 0;
    const m = expm2([b - k - a, 0, a, b], T, [0, 0, 0, 0])[2];
    const second = m * (1 + 2 * Math.expm1(b * T));
    const atDrug = Math.round(dose.timeH / s.time.recordEveryH);
    const sims = { agent: run('agent', sets), population: run('population', sets) };
    for (const [engine, sim] of Object.entries(sims)) {
      let expected = 0;
      let variance = 0;
      for (const o of sim.outcomes) {
        expect(o.persister[atDrug], engine).toBe(0);
        expected += o.sensitive[atDrug] * m;
        variance += o.sensitive[atDrug] * (second - m * m);
      }
      const observed = survivors(sim).reduce((x, y) => x + y, 0);
      expect(Math.abs(observed - expected), engine).toBeLessThan(4 * Math.sqrt(variance));
    }
    expect(ksTest(survivors(sims.agent), survivors(sims.population)).p).toBeGreaterThan(0.01);
    const faster = run('population', [...sets, 'switch.induced_entry_rate=0.55/h']);
    expect(ksTest(survivors(sims.agent), survivors(faster)).p).toBeLessThan(0.01);
  });
});
