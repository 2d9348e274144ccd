// The mean numbers of sensitive (S), persister (P) and resistant (R) cells with mutation at
// division (SCIENCE.md D1 extended by D7): a division of an S cell gives S + R with
// probability u_S, so
//   d/dt [S, P, R] = M [S, P, R],  M = [[b_S (1 - u_S) - d_S - a,  b,                        0],
//                                       [a,                        b_P (1 - u_P) - d_P - b,  0],
//                                       [u_S b_S,                  u_P b_P,                  b_R - d_R]]
// with a = entry, b = exit and every rate the timeline step's average; piecewise-constant
// steps multiply the exponentials (analysis/expmMetzler.ts). Neutral pure birth from one
// cell gives E[R(t)] = e^{b t} - e^{b (1 - u) t}, about u N ln N at size N = e^{b t}
// (Luria & Delbrueck 1943). Like the two-type mean, it ignores the carrying capacity. It
// does not apply to an adaptive drug, whose dosing depends on the burden.
import { hasResistance, initialResistantFraction, mutationProbabilities } from '../model/resistance.js';
import type { Scenario } from '../model/scenario.js';
import type { Timeline } from '../model/timeline.js';
import { expmMetzler } from './expmMetzler.js';

export interface MeanCounts3 {
  sensitive: Float64Array;
  persister: Float64Array;
  resistant: Float64Array;
}

/** The 3 x 3 mean matrix (per hour, row-major) of timeline step i. */
export function stepMatrix3(tl: Timeline, i: number, uS: number, uP: number): Float64Array {
  const bS = tl.divisionS[i];
  const bP = tl.divisionP[i];
  return Float64Array.of(
    bS * (1 - uS) - tl.deathS[i] - tl.entry[i], tl.exit[i], 0,
    tl.entry[i], bP * (1 - uP) - tl.deathP[i] - tl.exit[i], 0,
    uS * bS, uP * bP, tl.divisionR[i] - tl.deathR[i],
  );
}

/** m(0) = initial x (1 - persister - resistant fractions, persister fraction, resistant fraction). */
export function initialMean3(s: Scenario): [number, number, number] {
  const n = s.population.initial;
  const f = s.population.persisterFraction;
  const r = initialResistantFraction(s);
  return [n * (1 - f - r), n * f, n * r];
}

/** The mean at the given boundary indices (non-decreasing), from m0 at boundary 0. */
export function propagateMean3(s: Scenario, tl: Timeline, m0: readonly [number, number, number], at: ArrayLike<number>): MeanCounts3 {
  const u = hasResistance(s) ? mutationProbabilities(s) : { sensitive: 0, persister: 0 };
  const out: MeanCounts3 = { sensitive: new Float64Array(at.length), persister: new Float64Array(at.length), resistant: new Float64Array(at.length) };
  let [mS, mP, mR] = m0;
  let step = 0;
  for (let k = 0; k < at.length; k++) {
    for (; step < at[k]; step++) {
      const E = expmMetzler(stepMatrix3(tl, step, u.sensitive, u.persister), 3, tl.boundaries[step + 1] - tl.boundaries[step]);
      [mS, mP, mR] = [E[0] * mS + E[1] * mP + E[2] * mR, E[3] * mS + E[4] * mP + E[5] * mR, E[6] * mS + E[7] * mP + E[8] * mR];
    }
    out.sensitive[k] = mS;
    out.persister[k] = mP;
    out.resistant[k] = mR;
  }
  return out;
}

/** Expected counts at every record time (linear process, capacity ignored). */
export function expectedCounts3(s: Scenario, tl: Timeline): MeanCounts3 {
  return propagateMean3(s, tl, initialMean3(s), tl.recordBoundary);
}
