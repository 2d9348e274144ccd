// What the population engine advances: cells that share a state are exchangeable, so the
// tumour is a vector of compartment counts (sensitive, persister; under the FOSL1 switch one
// compartment per bin of the level and phenotype). A model describes, per compartment, what
// a cell can do: divide (daughters placed by a kernel), die, move to another compartment in
// continuous time (the two-state switch) and, for the FOSL1 lattice, jump to a neighbouring
// bin at the end of each step. Targets are fixed; rates and per-step fate probabilities
// are filled in for every sub-step by `prepare`.
//
// Sparse lists are in compressed-row form: the entries of compartment c are
// start[c] .. start[c + 1] - 1 of the `to` (and probability or rate) arrays.
import type { RandomStream } from '../rng/stream.js';

export interface Sparse {
  readonly start: Int32Array;
  readonly to: Int32Array;
}

/** Per-cell rates and fate probabilities of one sub-step, filled by CompartmentModel.prepare. */
export class Transitions {
  /** Division rate per cell per hour, before crowding (the exact part applies the crowding at every event). */
  readonly division: Float64Array;
  readonly death: Float64Array;
  /** Continuous-time move rates, aligned with model.moves.to (a dividing move's before crowding). */
  readonly moveRate: Float64Array;
  /** Probabilities of each fate of a cell over the sub-step (the leap): die, divide, each move; the rest stays. */
  readonly pDie: Float64Array;
  readonly pDivide: Float64Array;
  readonly pMove: Float64Array;
  /** End-of-step jump probabilities, aligned with model.jumps.to (FOSL1 lattice). */
  readonly pJump: Float64Array;
  /** Expected cells per cell at the end of the sub-step (1 - pDie + pDivide, mutant divisions included). */
  readonly growth: Float64Array;

  constructor(model: CompartmentModel) {
    const n = model.size;
    this.division = new Float64Array(n);
    this.death = new Float64Array(n);
    this.moveRate = new Float64Array(model.moves.to.length);
    this.pDie = new Float64Array(n);
    this.pDivide = new Float64Array(n);
    this.pMove = new Float64Array(model.moves.to.length);
    this.pJump = new Float64Array(model.jumps?.to.length ?? 0);
    this.growth = new Float64Array(n);
  }
}

export interface CompartmentModel {
  readonly size: number;
  /** Phenotype of each compartment: 0 sensitive, 1 persister, 2 resistant. */
  readonly phenotype: Uint8Array;
  /** Continuous-time moves (switches), drawn as events by the exact part and as fates by the leap. */
  readonly moves: Sparse;
  /**
   * Per move: 1 when it is a division that keeps the mother and puts one daughter in the
   * target (a mutant division), so that it adds a cell and its rate is crowded like a division.
   */
  readonly moveDivides: Uint8Array;
  /** Where the daughters of a division go: each daughter independently to kids.to[j] with kidProb[j]. */
  readonly kids: Sparse;
  readonly kidProb: Float64Array;
  /** End-of-step jumps between neighbouring bins (the FOSL1 lattice), or null. */
  readonly jumps: Sparse | null;
  /** The level of each compartment (FOSL1 bin centres), or null. */
  readonly level: Float64Array | null;
  /** Fills counts (zeroed) with the n0 initial cells; `expected`: their expected numbers instead of a draw. */
  seed(n0: number, rng: RandomStream, counts: Float64Array, expected: boolean): void;
  /** Per compartment, the net growth rate of its cells' descendants (division x crowd - death, mutant divisions included), per hour: the crowding predictor. */
  netGrowth(i: number, crowd: number, out: Float64Array): void;
  /** The longest sub-step timeline step i allows for these counts (the step rule of populationStep.ts). */
  maxSubStep(i: number, counts: Float64Array): number;
  /**
   * Fills tr for a sub-step of h hours of timeline step i, divisions at crowd x the division
   * rate. Returns false when h is too long for the fates of a compartment holding cells to be
   * probabilities; the engine then halves the sub-step.
   */
  prepare(i: number, h: number, crowd: number, tr: Transitions, counts: Float64Array): boolean;
}
