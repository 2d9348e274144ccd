// The expected (mean) numbers of sensitive and persister cells over a scenario's timeline:
// m(T) = exp(A_k t_k) ... exp(A_1 t_1) m(0), with A_i the mean matrix of step i's averaged
// rates (SCIENCE.md D1, piecewise-constant schedules). This is the linear process: the
// carrying capacity is ignored, so the result is exact for the engines' means only while
// the burden stays far below capacity. The engines' replicate means are tested against it.
import type { Scenario } from '../model/scenario.js';
import type { Timeline } from '../model/timeline.js';
import { expm2, type Mat2 } from './twoType.js';

export interface MeanCounts {
  sensitive: Float64Array;
  persister: Float64Array;
}

/** The mean matrix of timeline step i (per hour), as in twoType.meanMatrix. */
export function stepMatrix(tl: Timeline, i: number, out: Mat2 = [0, 0, 0, 0]): Mat2 {
  out[0] = tl.divisionS[i] - tl.deathS[i] - tl.entry[i];
  out[1] = tl.exit[i];
  out[2] = tl.entry[i];
  out[3] = tl.divisionP[i] - tl.deathP[i] - tl.exit[i];
  return out;
}

/** m(0) = initial x (1 - persister_fraction, persister_fraction). */
export function initialMean(s: Scenario): [number, number] {
  const { initial, persisterFraction } = s.population;
  return [initial * (1 - persisterFraction), initial * persisterFraction];
}

/** The mean at the given step-boundary indices (non-decreasing), starting from m0 at boundary 0. */
export function propagateMean(tl: Timeline, m0: readonly [number, number], at: ArrayLike<number>): MeanCounts {
  const sensitive = new Float64Array(at.length);
  const persister = new Float64Array(at.length);
  const A: Mat2 = [0, 0, 0, 0];
  const M: Mat2 = [0, 0, 0, 0];
  let [mS, mP] = m0;
  let step = 0;
  for (let k = 0; k < at.length; k++) {
    for (; step < at[k]; step++) {
      expm2(stepMatrix(tl, step, A), tl.boundaries[step + 1] - tl.boundaries[step], M);
      const s = M[0] * mS + M[1] * mP;
      mP = M[2] * mS + M[3] * mP;
      mS = s;
    }
    sensitive[k] = mS;
    persister[k] = mP;
  }
  return { sensitive, persister };
}

/** Expected counts at every record time of the timeline (linear process, capacity ignored). */
export function expectedCounts(s: Scenario, tl: Timeline): MeanCounts {
  return propagateMean(tl, initialMean(s), tl.recordBoundary);
}
