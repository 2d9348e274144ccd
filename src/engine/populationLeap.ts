// The leap of the population engine: the fates of all n cells of a compartment over a
// sub-step drawn at once as one multinomial (chained conditional binomials, rng/multinomial.ts;
// binomial tau-leaping, Tian & Burrage 2004, Chatterjee et al. 2005), so the cost does not
// depend on n and counts stay exact non-negative integers (populationDraw.ts). Fates: die, divide (both
// daughters placed by the model's kernel, one multinomial over its targets), each move, or
// stay (a mutant division keeps the mother and adds a resistant daughter); then, for the
// FOSL1 lattice, the end-of-step jumps. In expected mode (the pilot of
// `engine: auto`) every draw is replaced by its mean.
import type { RandomStream } from '../rng/stream.js';
import { drawMultinomial, expectedMultinomial } from './populationDraw.js';
import type { CompartmentModel, Transitions } from './populationModel.js';

/** Event counters of a run. */
export interface Tally {
  divisions: number;
  deaths: number;
  entries: number;
  exits: number;
  /** Divisions that gave a resistant daughter (included in divisions). */
  mutations: number;
}

/** Counts m cells moving from compartment `from` to `to` as entries (sensitive to persister) or exits (back). */
export function countMove(phenotype: Uint8Array, from: number, to: number, m: number, tally: Tally): void {
  const a = phenotype[from];
  const b = phenotype[to];
  if (a === 0 && b === 1) tally.entries += m;
  else if (a === 1 && b === 0) tally.exits += m;
}

export class Leaper {
  /** Probability and count buffers by number of categories. */
  private readonly probs: Float64Array[] = [];
  private readonly out: Float64Array[] = [];

  constructor(
    private readonly model: CompartmentModel,
    private readonly rng: RandomStream,
    private readonly expected: boolean,
  ) {}

  private buffers(k: number): [Float64Array, Float64Array] {
    while (this.probs.length <= k) {
      this.probs.push(new Float64Array(this.probs.length));
      this.out.push(new Float64Array(this.out.length));
    }
    return [this.probs[k], this.out[k]];
  }

  private draw(n: number, probs: Float64Array, out: Float64Array): void {
    if (this.expected) expectedMultinomial(n, probs, out);
    else drawMultinomial(this.rng, n, probs, out);
  }

  private moved(from: number, to: number, m: number, tally: Tally): void {
    countMove(this.model.phenotype, from, to, m, tally);
  }

  /** Draws the fates of n cells of compartment c over the sub-step and adds the cells they leave to next. */
  leap(c: number, n: number, tr: Transitions, next: Float64Array, tally: Tally): void {
    const { moves } = this.model;
    const m0 = moves.start[c];
    const nMoves = moves.start[c + 1] - m0;
    const [probs, out] = this.buffers(nMoves + 3);
    probs[0] = tr.pDie[c];
    probs[1] = tr.pDivide[c];
    let rest = 1 - probs[0] - probs[1];
    for (let k = 0; k < nMoves; k++) {
      probs[2 + k] = tr.pMove[m0 + k];
      rest -= probs[2 + k];
    }
    probs[nMoves + 2] = rest > 0 ? rest : 0;
    this.draw(n, probs, out);
    tally.deaths += out[0];
    tally.divisions += out[1];
    next[c] += out[nMoves + 2];
    for (let k = 0; k < nMoves; k++) {
      const to = moves.to[m0 + k];
      const m = out[2 + k];
      next[to] += m;
      if (this.model.moveDivides[m0 + k] === 1) {
        next[c] += m;
        tally.divisions += m;
        tally.mutations += m;
      } else this.moved(c, to, m, tally);
    }
    if (out[1] > 0) this.placeKids(c, 2 * out[1], next, tally);
  }

  /** Places m daughters of mothers in compartment c by the model's kernel. */
  placeKids(c: number, m: number, next: Float64Array, tally: Tally): void {
    const { kids, kidProb } = this.model;
    const k0 = kids.start[c];
    const nk = kids.start[c + 1] - k0;
    if (nk === 1) {
      next[kids.to[k0]] += m;
      this.moved(c, kids.to[k0], m, tally);
      return;
    }
    const [probs, out] = this.buffers(nk);
    for (let k = 0; k < nk; k++) probs[k] = kidProb[k0 + k];
    this.draw(m, probs, out);
    for (let k = 0; k < nk; k++) {
      const to = kids.to[k0 + k];
      next[to] += out[k];
      this.moved(c, to, out[k], tally);
    }
  }

  /** The end-of-step jumps of the n cells of compartment c; adds them (and those that stay) to next. */
  jump(c: number, n: number, tr: Transitions, next: Float64Array, tally: Tally): void {
    const jumps = this.model.jumps;
    if (jumps === null) {
      next[c] += n;
      return;
    }
    const j0 = jumps.start[c];
    const nj = jumps.start[c + 1] - j0;
    const [probs, out] = this.buffers(nj + 1);
    let rest = 1;
    for (let k = 0; k < nj; k++) {
      probs[k] = tr.pJump[j0 + k];
      rest -= probs[k];
    }
    probs[nj] = rest > 0 ? rest : 0;
    this.draw(n, probs, out);
    next[c] += out[nj];
    for (let k = 0; k < nj; k++) {
      const to = jumps.to[j0 + k];
      next[to] += out[k];
      this.moved(c, to, out[k], tally);
    }
  }
}
