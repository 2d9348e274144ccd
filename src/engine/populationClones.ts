// Lineage barcodes in the population engine: every barcode is a clone, and every clone holds
// its own copy of the model's compartments (sensitive, persister, resistant, or the FOSL1
// bins), so compartment k * m + c is compartment c of the clone with barcode k + 1. Cells
// of different clones share the rates of their compartment and never mix: divisions,
// deaths, switches, mutations and the FOSL1 lattice's jumps stay inside a clone.
//
// Clones are many when there are more initial cells than the cap, K = MAX_CLONE_COMPARTMENTS
// / (compartments per clone): 2048 barcodes with the two-state switch, 1365 with a resistant
// phenotype, 56 under the FOSL1 switch of lesson 04 at 64 bins (73 compartments). The cap holds
// the cost, since every sub-step draws the fates of each living clone compartment. From at
// most K initial cells each cell gets its own barcode (1 to n, in the agent engine's order:
// sensitive cells, then persisters, then resistant ones; under the FOSL1 switch bin by bin),
// as in the agent engine. From more, there are K barcodes and each initial cell draws one at
// random with equal probabilities (a multinomial per compartment), as when a library of K
// barcodes is transduced into more cells than it holds: a barcode then marks a group of about
// n / K founders, and clone sizes are those of the groups.
//
// A clone compartment is leaped or advanced exactly by its own cells, so a clone of a few
// cells is exact: the leap matches the mean and variance of a compartment's cells, not each
// cell's fate (in a pure-birth process a leaped cell may "die" to match the variance), which
// is right for the counts of a large compartment but would end small clones that cannot die.
// Splitting compartments into clones thus makes more of the tumour exact, never less, at a
// cost: the exact part's events cost O(log compartments) (populationExact.ts), but a tumour
// of many small clones has many cells to simulate exactly (lesson 13's 10^5 persisters sit
// about 50 to a barcode, and a barcoded replicate takes seconds instead of a tenth of one).
import { multinomialInto } from '../rng/multinomial.js';
import type { RandomStream } from '../rng/stream.js';
import type { CloneSample } from './lineage.js';
import { Transitions, type CompartmentModel, type Sparse } from './populationModel.js';

/** The most clone compartments (barcodes x compartments per clone) the population engine tracks (see the header). */
export const MAX_CLONE_COMPARTMENTS = 4096;

/** The most barcodes for a model of `compartments` compartments per clone. */
export function barcodeCap(compartments: number): number {
  return Math.max(1, Math.floor(MAX_CLONE_COMPARTMENTS / compartments));
}

/** Barcodes for a tumour of n0 initial cells: one per cell up to the cap, else the cap. */
export function populationBarcodes(n0: number, cap: number): number {
  return Math.max(1, Math.min(n0, cap));
}

/** The sparse lists of `base` repeated once per clone, targets shifted into the clone. */
function tileSparse(base: Sparse, m: number, clones: number): Sparse {
  const entries = base.to.length;
  const start = new Int32Array(clones * m + 1);
  const to = new Int32Array(clones * entries);
  for (let k = 0; k < clones; k++) {
    for (let c = 0; c < m; c++) start[k * m + c] = k * entries + base.start[c];
    for (let j = 0; j < entries; j++) to[k * entries + j] = k * m + base.to[j];
  }
  start[clones * m] = clones * entries;
  return { start, to };
}

function tile<T extends Float64Array | Uint8Array>(a: T, clones: number, make: (n: number) => T): T {
  const out = make(a.length * clones);
  for (let k = 0; k < clones; k++) out.set(a, k * a.length);
  return out;
}

export class ClonedCompartments implements CompartmentModel {
  readonly size: number;
  readonly phenotype: Uint8Array;
  readonly moves: Sparse;
  readonly moveDivides: Uint8Array;
  readonly kids: Sparse;
  readonly kidProb: Float64Array;
  readonly jumps: Sparse | null;
  readonly level: Float64Array | null;
  private readonly m: number;
  private readonly baseTr: Transitions;
  private readonly baseCounts: Float64Array;
  private readonly baseRate: Float64Array;

  constructor(
    readonly base: CompartmentModel,
    readonly clones: number,
  ) {
    const m = base.size;
    this.m = m;
    this.size = m * clones;
    this.phenotype = tile(base.phenotype, clones, (n) => new Uint8Array(n));
    this.moves = tileSparse(base.moves, m, clones);
    this.moveDivides = tile(base.moveDivides, clones, (n) => new Uint8Array(n));
    this.kids = tileSparse(base.kids, m, clones);
    this.kidProb = tile(base.kidProb, clones, (n) => new Float64Array(n));
    this.jumps = base.jumps === null ? null : tileSparse(base.jumps, m, clones);
    this.level = base.level === null ? null : tile(base.level, clones, (n) => new Float64Array(n));
    this.baseTr = new Transitions(base);
    this.baseCounts = new Float64Array(m);
    this.baseRate = new Float64Array(m);
  }

  /** Cells per base compartment, summed over the clones, into out. */
  sumClones(counts: Float64Array, out: Float64Array = this.baseCounts): Float64Array {
    const m = this.m;
    out.fill(0);
    for (let c = 0; c < this.size; c++) out[c % m] += counts[c];
    return out;
  }

  seed(n0: number, rng: RandomStream, counts: Float64Array, expected: boolean): void {
    const { m, clones, baseCounts } = this;
    this.base.seed(n0, rng, baseCounts, expected);
    counts.fill(0);
    if (expected) {
      for (let k = 0; k < clones; k++) for (let c = 0; c < m; c++) counts[k * m + c] = baseCounts[c] / clones;
    } else if (clones === n0) {
      let k = 0;
      for (let c = 0; c < m; c++) for (let j = 0; j < baseCounts[c]; j++) counts[k++ * m + c] = 1;
    } else {
      const even = new Float64Array(clones).fill(1);
      const out = new Float64Array(clones);
      for (let c = 0; c < m; c++) {
        if (baseCounts[c] === 0) continue;
        multinomialInto(rng, baseCounts[c], even, out);
        for (let k = 0; k < clones; k++) counts[k * m + c] = out[k];
      }
    }
  }

  netGrowth(i: number, crowd: number, out: Float64Array): void {
    this.base.netGrowth(i, crowd, this.baseRate);
    for (let k = 0; k < this.clones; k++) out.set(this.baseRate, k * this.m);
  }

  maxSubStep(i: number, counts: Float64Array): number {
    return this.base.maxSubStep(i, this.sumClones(counts));
  }

  prepare(i: number, h: number, crowd: number, tr: Transitions, counts: Float64Array): boolean {
    const b = this.baseTr;
    if (!this.base.prepare(i, h, crowd, b, this.sumClones(counts))) return false;
    const { m, clones } = this;
    const moves = b.moveRate.length;
    const jumps = b.pJump.length;
    for (let k = 0; k < clones; k++) {
      // A clone without cells gains none (cells never leave their clone), so its transitions are never read.
      let alive = false;
      for (let c = k * m; c < (k + 1) * m && !alive; c++) alive = counts[c] > 0;
      if (!alive) continue;
      tr.division.set(b.division, k * m);
      tr.death.set(b.death, k * m);
      tr.pDie.set(b.pDie, k * m);
      tr.pDivide.set(b.pDivide, k * m);
      tr.growth.set(b.growth, k * m);
      tr.moveRate.set(b.moveRate, k * moves);
      tr.pMove.set(b.pMove, k * moves);
      if (jumps > 0) tr.pJump.set(b.pJump, k * jumps);
    }
    return true;
  }

  /** The living clones at time t (barcode k + 1 for clone k), as the agent engine's lineage sample. */
  sample(timeH: number, counts: Float64Array): CloneSample {
    const { m, clones, phenotype } = this;
    const barcodes: number[] = [];
    const cells: number[] = [];
    const persisters: number[] = [];
    const resistant: number[] = [];
    for (let k = 0; k < clones; k++) {
      let n = 0;
      let p = 0;
      let r = 0;
      for (let c = k * m; c < (k + 1) * m; c++) {
        n += counts[c];
        if (phenotype[c] === 1) p += counts[c];
        else if (phenotype[c] === 2) r += counts[c];
      }
      if (n === 0) continue;
      barcodes.push(k + 1);
      cells.push(n);
      persisters.push(p);
      resistant.push(r);
    }
    return {
      timeH,
      barcodes: Int32Array.from(barcodes),
      cells: Float64Array.from(cells),
      persisters: Float64Array.from(persisters),
      resistant: Float64Array.from(resistant),
    };
  }
}
