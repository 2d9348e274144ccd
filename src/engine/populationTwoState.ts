// The two-state switch as compartments for the population engine: 0 sensitive, 1 persister,
// each dividing into itself, dying, and switching to the other at the timeline's step rates.
// The leap's fates (populationFates.ts) come from the exact mean matrix exp(A h) of the
// two-type process (analysis/twoType.ts, SCIENCE.md D1), so the expected counts after a
// sub-step are exact whatever its length; the moves are the switches.
import { expm2, type Mat2 } from '../analysis/twoType.js';
import type { Scenario } from '../model/scenario.js';
import type { Timeline } from '../model/timeline.js';
import type { RandomStream } from '../rng/stream.js';
import { factorialMoment2, setFates } from './populationFates.js';
import type { CompartmentModel, Sparse, Transitions } from './populationModel.js';
import { subStepLimit } from './populationStep.js';

export const S = 0;
export const P = 1;

export class TwoStateCompartments implements CompartmentModel {
  readonly size = 2;
  readonly phenotype = Uint8Array.of(S, P);
  readonly moves: Sparse = { start: Int32Array.of(0, 1, 2), to: Int32Array.of(P, S) };
  readonly kids: Sparse = { start: Int32Array.of(0, 1, 2), to: Int32Array.of(S, P) };
  readonly kidProb = Float64Array.of(1, 1);
  readonly jumps = null;
  readonly level = null;
  private readonly A: Mat2 = [0, 0, 0, 0];
  private readonly M: Mat2 = [0, 0, 0, 0];

  constructor(private readonly s: Scenario, private readonly tl: Timeline) {}

  seed(n0: number, rng: RandomStream, counts: Float64Array, expected: boolean): void {
    // The agent engine's rule: floor(n0 f) persisters, one more with the fractional part's probability.
    const exact = n0 * this.s.population.persisterFraction;
    const p0 = expected ? exact : Math.floor(exact) + (rng.double() < exact - Math.floor(exact) ? 1 : 0);
    counts[S] = n0 - p0;
    counts[P] = p0;
  }

  maxSubStep(i: number, _counts: Float64Array): number {
    const tl = this.tl;
    return subStepLimit(Math.max(tl.divisionS[i] + tl.deathS[i] + tl.entry[i], tl.divisionP[i] + tl.deathP[i] + tl.exit[i]), 0);
  }

  prepare(i: number, h: number, crowd: number, tr: Transitions, _counts?: Float64Array): boolean {
    const tl = this.tl;
    const bS = tl.divisionS[i] * crowd;
    const bP = tl.divisionP[i] * crowd;
    const a = tl.entry[i];
    const b = tl.exit[i];
    tr.division[S] = tl.divisionS[i];
    tr.division[P] = tl.divisionP[i];
    tr.death[S] = tl.deathS[i];
    tr.death[P] = tl.deathP[i];
    tr.moveRate[S] = a;
    tr.moveRate[P] = b;
    const A = this.A;
    A[0] = bS - tl.deathS[i] - a;
    A[1] = b;
    A[2] = a;
    A[3] = bP - tl.deathP[i] - b;
    const M = expm2(A, h, this.M);
    tr.pMove[S] = M[2];
    tr.pMove[P] = M[1];
    return (
      setFates(tr, S, M[0], M[2], factorialMoment2(bS, tl.deathS[i] + a, h)) &&
      setFates(tr, P, M[3], M[1], factorialMoment2(bP, tl.deathP[i] + b, h))
    );
  }
}
