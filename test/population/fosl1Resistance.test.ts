// A resistant phenotype under the FOSL1 switch in the population engine (engine/populationFosl1.ts):
// a division of a sensitive or persister cell is mutant with probability u and gives a
// resistant daughter, which never switches and carries no level.
//   - Closed form: with equal sensitive and persister rates (and u the same for both), the
//     level does not matter to the counts: the non-resistant cells have mean N0 e^{lambda t}
//     with lambda = b (1 - u) - d, and the resistant ones
//       E[R(t)] = R0 e^{mu t} + N0 b u e^{mu t} (e^{(lambda - mu) t} - 1) / (lambda - mu),
//     mu = b_R - d_R (SCIENCE.md D7's three-type mean); the population engine's means are
//     within 4 SE over 200 replicates.
//   - Agreement with the agent engine on a treated tumour that relapses by its resistant
//     cells: relapse times by the two-sample KS test (p > 0.01), mean counts within 4 SE at
//     every record time, and a 10% faster resistant division is detected (p < 0.01).
import { describe, expect, it } from 'vitest';
import { expm1Over } from '../../src/engine/populationFates.js';
import { simulate } from '../../src/engine/simulate.js';
import type { EngineChoice, Scenario } from '../../src/model/scenario.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';
import { meanAndSe } from '../helpers/stats.js';
import { largestMeanGap, outcomeTimes } from './agreement.js';
import { ksTest } from './ks.js';

describe('FOSL1 switch with resistance, population engine', () => {
  it('the resistant and non-resistant means match the three-type closed form', () => {
    const [b, d, bR, dR, u, n0, r0, t] = [Math.LN2 / 24, 0.002, Math.LN2 / 30, 0.001, 1e-3, 1e5, 20, 120];
    const s = makeScenario({
      horizonH: t, recordEveryH: t / 4, initial: n0, bS: b, dS: d, bP: b, dP: d, seed: 17, replicates: 200, engine: 'population',
      fosl1: {}, resistant: { divisionRate: bR, deathRate: dR, drugSensitivity: 0 }, resistantFraction: r0 / n0, mutation: { rate: u, persisterFactor: 1 },
    });
    const sim = simulate(s);
    const lambda = b * (1 - u) - d;
    const mu = bR - dR;
    const wantR = r0 * Math.exp(mu * t) + (n0 - r0) * b * u * Math.exp(mu * t) * expm1Over(lambda - mu, t);
    const wantN = (n0 - r0) * Math.exp(lambda * t);
    const R = meanAndSe(sim.outcomes.map((o) => o.final.resistant ?? 0));
    const N = meanAndSe(sim.outcomes.map((o) => o.final.sensitive + o.final.persister));
    expect(Math.abs(R.mean - wantR), `resistant ${R.mean} vs ${wantR}`).toBeLessThan(4 * R.se);
    expect(Math.abs(N.mean - wantN), `non-resistant ${N.mean} vs ${wantN}`).toBeLessThan(4 * N.se);
    expect(sim.outcomes.every((o) => o.fosl1Mean !== undefined && Number.isFinite(o.fosl1Mean[4]))).toBe(true);
  });

  it('agrees with the agent engine on a treated tumour that relapses by its resistant cells', () => {
    const scenario = (engine: EngineChoice, bR = Math.LN2 / 40): Scenario =>
      makeScenario({
        horizonH: 40 * 24, recordEveryH: 24, initial: 300, capacity: 3000, bS: Math.LN2 / 40, dS: 0.002, bP: 0.001, dP: 0.0005, drugSensitivity: 0.01,
        seed: 23, replicates: 200, engine, fosl1: {}, resistant: { divisionRate: bR, deathRate: 0.002, drugSensitivity: 0 }, resistantFraction: 0.01,
        mutation: { rate: 1e-3, persisterFactor: 10 }, drugs: [squarePulseKill('chemo', 0.08, [{ start: 3 * 24, duration: 20 * 24 }])],
      });
    const agent = simulate(scenario('agent'));
    const pop = simulate(scenario('population'));
    const ks = ksTest(outcomeTimes(agent), outcomeTimes(pop));
    expect(ks.p, `KS D = ${ks.d}`).toBeGreaterThan(0.01);
    const gap = largestMeanGap(agent, pop);
    expect(gap.z, gap.where).toBeLessThanOrEqual(4);
    const faster = simulate(scenario('population', (Math.LN2 / 40) * 1.1));
    expect(ksTest(outcomeTimes(agent), outcomeTimes(faster)).p).toBeLessThan(0.01);
  });
});
