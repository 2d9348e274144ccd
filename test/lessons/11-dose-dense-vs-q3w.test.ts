// Lesson 11 (scenarios/11-dose-dense-vs-q3w.yaml): log-kill with regrowth (Norton-Simon,
// SCIENCE.md D12). Each cycle multiplies the mean burden by SF x e^{r tau}, with SF =
// exp(-potency x E x 24 h) and r = ln 2 / 5 d; after four cycles the mean burden is
// N0 (SF e^{r tau})^4 exactly (a linear birth-death process), within 4 standard errors for
// each arm. The factor is below 1 for every 14 days and above 1 for every 21 days, and the
// dose-dense arm leaves less residual disease in every replicate (paired log ratio beyond
// 4 standard errors).
import { describe, expect, it } from 'vitest';
import { hillEffect } from '../../src/model/pkpd.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { arm, burden, recordAt, runArms } from '../clonal/lessonArms.js';
import { meanAndSe } from '../helpers/stats.js';

const sims = runArms('11-dose-dense-vs-q3w.yaml');

function cycleFactor(sim: Simulation): { factor: number; tau: number } {
  const s = sim.scenario;
  const drug = s.drugs[0];
  const tau = drug.doses[1].timeH - drug.doses[0].timeH;
  const kill = drug.potency * hillEffect(drug.doses[0].amount, drug.ec50, drug.hill) * (drug.doses[0].durationH ?? 0);
  const r = s.phenotypes.sensitive.divisionRate - s.phenotypes.sensitive.deathRate;
  return { factor: Math.exp(-kill + r * tau), tau };
}

const residual = (sim: Simulation) => {
  const { tau } = cycleFactor(sim);
  const k = recordAt(sim, 4 * tau);
  return sim.outcomes.map((o) => burden(o, k));
};

describe('lesson 11: dose-dense versus q3w', () => {
  it('the per-cycle factor SF x e^{r tau} is below 1 every 14 days and above 1 every 21 days', () => {
    expect(cycleFactor(arm(sims, 'q2w')).factor).toBeLessThan(1);
    expect(cycleFactor(arm(sims, 'q3w')).factor).toBeGreaterThan(1);
  });

  it('after four cycles the mean burden is N0 (SF e^{r tau})^4', () => {
    for (const sim of sims.values()) {
      const { mean, se } = meanAndSe(residual(sim));
      const expected = sim.scenario.population.initial * cycleFactor(sim).factor ** 4;
      expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
    }
  });

  it('the shorter interval leaves less residual disease', () => {
    const dense = residual(arm(sims, 'q2w'));
    const q3w = residual(arm(sims, 'q3w'));
    const d = meanAndSe(dense.map((x, i) => Math.log(x / q3w[i])));
    expect(d.mean).toBeLessThan(-4 * d.se);
    const n0 = arm(sims, 'q2w').scenario.population.initial;
    expect(Math.max(...dense)).toBeLessThan(n0);
    expect(Math.min(...q3w)).toBeGreaterThan(n0);
  });
});
