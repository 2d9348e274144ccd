// Extinction with switching (SCIENCE.md D5) in the population engine: from one persister the
// probability that the lineage is extinct by time t solves the backward equations of the
// two-type process, dq_S/dt = b_S q_S^2 + d_S + a q_P - (b_S + d_S + a) q_S and the mirror for
// q_P, from q(0) = 0 (integrated here by RK4); t -> infinity gives D5's q_P = 0.3998. The
// rates are D5's example (per day): b_S 0.5, d_S 1.5, entry 0.001, b_P 0.05, d_P 0.01, exit 0.01.
import { describe, expect, it } from 'vitest';
import { twoTypeExtinction } from '../../src/analysis/branching.js';
import { simulate } from '../../src/engine/simulate.js';
import { makeScenario } from '../helpers/makeScenario.js';
import { proportionSe } from '../helpers/stats.js';

const day = 24;
const r = { divisionS: 0.5 / day, deathS: 1.5 / day, entry: 0.001 / day, divisionP: 0.05 / day, deathP: 0.01 / day, exit: 0.01 / day };

function extinctByTime(t: number): { sensitive: number; persister: number } {
  const f = (s: number, p: number): [number, number] => [
    r.divisionS * s * s + r.deathS + r.entry * p - (r.divisionS + r.deathS + r.entry) * s,
    r.divisionP * p * p + r.deathP + r.exit * s - (r.divisionP + r.deathP + r.exit) * p,
  ];
  let s = 0;
  let p = 0;
  const n = 20000;
  const h = t / n;
  for (let i = 0; i < n; i++) {
    const k1 = f(s, p);
    const k2 = f(s + (h / 2) * k1[0], p + (h / 2) * k1[1]);
    const k3 = f(s + (h / 2) * k2[0], p + (h / 2) * k2[1]);
    const k4 = f(s + h * k3[0], p + h * k3[1]);
    s += (h / 6) * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
    p += (h / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
  }
  return { sensitive: s, persister: p };
}

describe('two-type extinction in the population engine', () => {
  it('the backward equations converge to D5 (q_P = 0.3998)', () => {
    expect(twoTypeExtinction(r).persister).toBeCloseTo(0.3998, 4);
    expect(extinctByTime(5000 * day).persister).toBeCloseTo(twoTypeExtinction(r).persister, 6);
  });

  it('from one persister, P(extinct by 100 days) matches within 4 SE (600 replicates)', () => {
    const horizon = 100 * day;
    const s = makeScenario({
      horizonH: horizon, recordEveryH: horizon, initial: 1, persisterFraction: 1, replicates: 600, seed: 9, engine: 'population',
      bS: r.divisionS, dS: r.deathS, entry: r.entry, bP: r.divisionP, dP: r.deathP, exit: r.exit,
    });
    const extinct = simulate(s).outcomes.filter((o) => o.extinctH !== null).length / s.replicates;
    const want = extinctByTime(horizon).persister;
    expect(Math.abs(extinct - want)).toBeLessThan(4 * proportionSe(want, s.replicates));
  });
});
