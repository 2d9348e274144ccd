// Luria-Delbrueck (SCIENCE.md D7; Luria & Delbrueck 1943): resistance arising at division.
// 1. Pure birth from one cell at rate b for t hours, mutation probability u per division.
//    Until the first mutation every cell is sensitive and the tumour is a Yule process, whose
//    size N(t) is geometric with p = e^{-bt}; each of its N - 1 divisions mutates with
//    probability u, so exactly P(no resistant cell) = E[(1 - u)^(N - 1)] = p / (1 - (1 - p)(1 - u))
//    (the E[exp(-u (N - 1))] to first order in u). With neutral mutants the mean is
//    E[R(t)] = e^{bt} - e^{b(1-u)t}, about u N ln N (the three-type mean, resistanceMean.ts).
// 2. With death: n0 cells grow at b - d; then a drug kills every sensitive cell and the
//    resistant lineages (birth b_R, death d_R, untouched by the drug) are left to settle.
//    Each mutant lineage survives with probability 1 - d_R/b_R, so P(no resistant cell at the
//    end) = exp(-u E[D] (1 - d_R/b_R)) with E[D] = b n0 (e^{rT} - 1)/r ~ N b/(b - d) the
//    divisions before treatment (plus the few under the drug, and the chance that a lineage
//    still alive at the end dies later, 1% of the exponent here: both computed exactly below).
// Tolerances are 4 standard errors of the simulated proportion or mean.
import { describe, expect, it } from 'vitest';
import { expectedCounts3 } from '../../src/analysis/resistanceMean.js';
import { simulate } from '../../src/engine/simulate.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';
import { meanAndSe, proportionSe } from '../helpers/stats.js';

describe('Luria-Delbrueck: pure birth from one cell', () => {
  const b = 0.05;
  const t = Math.log(400) / b; // E[N] = 400
  const u = 1 / 400;
  const n = 2000;
  const s = makeScenario({
    horizonH: t, recordEveryH: t, initial: 1, bS: b, replicates: n, seed: 11,
    resistant: { divisionRate: b, deathRate: 0, drugSensitivity: 0 }, mutation: { rate: u, persisterFactor: 1 },
  });
  const sim = simulate(s);
  const R = sim.outcomes.map((o) => o.final.resistant ?? NaN);

  it('P(no resistant cell) = E[(1 - u)^(N - 1)] over the geometric N', () => {
    const p = Math.exp(-b * t);
    const exact = p / (1 - (1 - p) * (1 - u));
    const observed = R.filter((x) => x === 0).length / n;
    expect(Math.abs(observed - exact)).toBeLessThan(4 * proportionSe(exact, n));
  });

  it('the mean number of resistant cells is e^{bt} - e^{b(1-u)t} (neutral mutants)', () => {
    const exact = Math.exp(b * t) - Math.exp(b * (1 - u) * t);
    const { mean, se } = meanAndSe(R);
    expect(Math.abs(mean - exact)).toBeLessThan(4 * se);
    const theory = expectedCounts3(s, compileTimeline(s));
    expect(theory.resistant.at(-1)).toBeCloseTo(exact, 9);
  });

  it('the counts are Luria-Delbrueck: variance far above the mean, median below it', () => {
    const { mean } = meanAndSe(R);
    const variance = R.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
    expect(variance / mean).toBeGreaterThan(10);
    const sorted = [...R].sort((x, y) => x - y);
    expect(sorted[n / 2]).toBeLessThan(mean);
  });
});

describe('Luria-Delbrueck with death: resistance present when treatment starts', () => {
  const [b, d, bR, dR] = [0.04, 0.02, 0.04, 0.02];
  const r = b - d;
  const n0 = 500;
  const T = Math.log(5) / r; // grow to N = 5 n0, then treat
  const kill = 10;
  const tail = Math.log(50) / (bR - dR); // long enough for the closed form to hold within 0.3 standard errors
  const divisions = (b * n0 * (Math.exp(r * T) - 1)) / r;
  const q = dR / bR;
  const u = Math.LN2 / (divisions * (1 - q)); // P(no resistance) near 1/2
  const n = 1500;
  const s = makeScenario({
    horizonH: T + tail, recordEveryH: T, initial: n0, bS: b, dS: d, replicates: n, seed: 12,
    drugs: [squarePulseKill('kill', kill, [{ start: T, duration: tail }])],
    resistant: { divisionRate: bR, deathRate: dR, drugSensitivity: 0 }, mutation: { rate: u, persisterFactor: 1 },
  });
  const sim = simulate(s);
  const none = sim.outcomes.filter((o) => (o.final.resistant ?? 0) === 0).length / n;

  it('matches exp(-u N b/(b - d) (1 - d_R/b_R)) within 4 standard errors', () => {
    const N = n0 * Math.exp(r * T);
    const closedForm = Math.exp(-u * (N - n0) * (b / (b - d)) * (1 - q));
    expect(Math.abs(none - closedForm)).toBeLessThan(4 * proportionSe(closedForm, n));
  });

  it('matches the exact expectation with the divisions under the drug and finite follow-up', () => {
    // Kendall: a lineage born `a` hours before the end is extinct by then with probability p0(a).
    const p0 = (a: number) => (dR * Math.expm1((bR - dR) * a)) / (bR * Math.exp((bR - dR) * a) - dR);
    const N = n0 * Math.exp(r * T);
    const underDrug = b - d - kill;
    let lambda = 0;
    const steps = 40000;
    for (let k = 0; k < steps; k++) {
      const h = (T + tail) / steps;
      const x = (k + 0.5) * h;
      const mS = x < T ? n0 * Math.exp(r * x) : N * Math.exp(underDrug * (x - T));
      lambda += u * b * mS * (1 - p0(T + tail - x)) * h;
    }
    const exact = Math.exp(-lambda);
    expect(Math.abs(none - exact)).toBeLessThan(4 * proportionSe(exact, n));
  });
});
