// The two-state switch as compartments for the population engine: 0 sensitive, 1 persister,
// each dividing into itself, dying, and switching to the other at the timeline's step rates;
// with a resistant phenotype (model/resistance.ts) a third compartment, 2 resistant, fed by
// mutant divisions (a sensitive or persister mother keeps one daughter and gives the other
// to the resistant compartment, with probability u per division) and never switching.
// The leap's fates (populationFates.ts) come from the exact mean matrix exp(A h) of the
// two-type process (analysis/twoType.ts, SCIENCE.md D1), or of the three-type process with
// mutation (analysis/resistanceMean.ts; populationExpm3.ts), so the expected counts after a
// sub-step are exact whatever its length; the moves are the switches and mutant divisions.
import { expm2, type Mat2 } from '../analysis/twoType.js';
import { hasResistance, initialResistantFraction, mutationProbabilities } from '../model/resistance.js';
import type { Scenario } from '../model/scenario.js';
import type { Timeline } from '../model/timeline.js';
import type { RandomStream } from '../rng/stream.js';
import { Expm3 } from './populationExpm3.js';
import { factorialMoment2, setFates } from './populationFates.js';
import type { CompartmentModel, Sparse, Transitions } from './populationModel.js';
import { subStepLimit } from './populationStep.js';

export const S = 0;
export const P = 1;
export const R = 2;

/** Rounds x up with probability its fractional part (the agent engine's rule for initial counts). */
export function roundRandom(x: number, rng: RandomStream): number {
  const whole = Math.floor(x);
  return whole + (rng.double() < x - whole ? 1 : 0);
}

export class TwoStateCompartments implements CompartmentModel {
  readonly size: number;
  readonly phenotype: Uint8Array;
  readonly moves: Sparse;
  readonly moveDivides: Uint8Array;
  readonly kids: Sparse;
  readonly kidProb: Float64Array;
  readonly jumps = null;
  readonly level = null;
  private readonly resistance: boolean;
  private readonly uS: number;
  private readonly uP: number;
  private readonly A: Mat2 = [0, 0, 0, 0];
  private readonly M: Mat2 = [0, 0, 0, 0];
  private readonly A3 = new Float64Array(9);
  private readonly expm3 = new Expm3();

  constructor(private readonly s: Scenario, private readonly tl: Timeline) {
    this.resistance = hasResistance(s);
    const u = mutationProbabilities(s);
    this.uS = u.sensitive;
    this.uP = u.persister;
    if (this.resistance) {
      this.size = 3;
      this.phenotype = Uint8Array.of(S, P, R);
      this.moves = { start: Int32Array.of(0, 2, 4, 4), to: Int32Array.of(P, R, S, R) };
      this.moveDivides = Uint8Array.of(0, 1, 0, 1);
      this.kids = { start: Int32Array.of(0, 1, 2, 3), to: Int32Array.of(S, P, R) };
      this.kidProb = Float64Array.of(1, 1, 1);
    } else {
      this.size = 2;
      this.phenotype = Uint8Array.of(S, P);
      this.moves = { start: Int32Array.of(0, 1, 2), to: Int32Array.of(P, S) };
      this.moveDivides = Uint8Array.of(0, 0);
      this.kids = { start: Int32Array.of(0, 1, 2), to: Int32Array.of(S, P) };
      this.kidProb = Float64Array.of(1, 1);
    }
  }

  seed(n0: number, rng: RandomStream, counts: Float64Array, expected: boolean): void {
    // The agent engine's rule: resistant cells first, then persisters, each count rounded at random.
    const s = this.s;
    const round = (x: number) => (expected ? x : roundRandom(x, rng));
    const r0 = this.resistance ? Math.min(n0, round(n0 * initialResistantFraction(s))) : 0;
    const p0 = Math.min(n0 - r0, round(n0 * s.population.persisterFraction));
    counts[S] = n0 - r0 - p0;
    counts[P] = p0;
    if (this.resistance) counts[R] = r0;
  }

  netGrowth(i: number, crowd: number, out: Float64Array): void {
    const tl = this.tl;
    out[S] = tl.divisionS[i] * crowd - tl.deathS[i];
    out[P] = tl.divisionP[i] * crowd - tl.deathP[i];
    if (this.resistance) out[R] = tl.divisionR[i] * crowd - tl.deathR[i];
  }

  maxSubStep(i: number, _counts: Float64Array): number {
    const tl = this.tl;
    const k = Math.max(tl.divisionS[i] + tl.deathS[i] + tl.entry[i], tl.divisionP[i] + tl.deathP[i] + tl.exit[i]);
    return subStepLimit(this.resistance ? Math.max(k, tl.divisionR[i] + tl.deathR[i]) : k, 0);
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
    if (this.resistance) return this.prepareResistant(i, h, crowd, tr);
    tr.moveRate[0] = a;
    tr.moveRate[1] = b;
    const A = this.A;
    A[0] = bS - tl.deathS[i] - a;
    A[1] = b;
    A[2] = a;
    A[3] = bP - tl.deathP[i] - b;
    const M = expm2(A, h, this.M);
    tr.pMove[0] = M[2];
    tr.pMove[1] = M[1];
    return (
      setFates(tr, S, M[0], M[2], factorialMoment2(bS, tl.deathS[i] + a, h)) &&
      setFates(tr, P, M[3], M[1], factorialMoment2(bP, tl.deathP[i] + b, h))
    );
  }

  /**
   * With mutation: a division of a sensitive (persister) mother is normal at b (1 - u) and mutant
   * at b u; the mutant division's fate probability is the expected resistant descendants E_RS
   * (E_RP), and it keeps the mother, so the sensitive outcomes share E_SS - E_RS.
   */
  private prepareResistant(i: number, h: number, crowd: number, tr: Transitions): boolean {
    const tl = this.tl;
    const { uS, uP } = this;
    const bS = tl.divisionS[i] * crowd;
    const bP = tl.divisionP[i] * crowd;
    const bR = tl.divisionR[i] * crowd;
    const a = tl.entry[i];
    const b = tl.exit[i];
    tr.division[S] = tl.divisionS[i] * (1 - uS);
    tr.division[P] = tl.divisionP[i] * (1 - uP);
    tr.division[R] = tl.divisionR[i];
    tr.death[R] = tl.deathR[i];
    // Moves in order: S -> P, S -> R (mutant division), P -> S, P -> R (mutant division).
    tr.moveRate[0] = a;
    tr.moveRate[1] = tl.divisionS[i] * uS;
    tr.moveRate[2] = b;
    tr.moveRate[3] = tl.divisionP[i] * uP;
    const A = this.A3;
    A[0] = bS * (1 - uS) - tl.deathS[i] - a;
    A[1] = b;
    A[3] = a;
    A[4] = bP * (1 - uP) - tl.deathP[i] - b;
    A[6] = uS * bS;
    A[7] = uP * bP;
    A[8] = bR - tl.deathR[i];
    const E = this.expm3.compute(A, h);
    tr.pMove[0] = E[3];
    tr.pMove[1] = E[6];
    tr.pMove[2] = E[1];
    tr.pMove[3] = E[7];
    const ok =
      setFates(tr, S, E[0] - E[6], E[3] + E[6], factorialMoment2(bS * (1 - uS), tl.deathS[i] + a, h)) &&
      setFates(tr, P, E[4] - E[7], E[1] + E[7], factorialMoment2(bP * (1 - uP), tl.deathP[i] + b, h)) &&
      setFates(tr, R, E[8], 0, factorialMoment2(bR, tl.deathR[i], h));
    tr.growth[S] += E[6];
    tr.growth[P] += E[7];
    return ok;
  }
}
