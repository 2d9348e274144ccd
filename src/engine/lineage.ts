// Lineage barcodes: every initial cell gets its own barcode (1 .. n), a per-cell int32 field
// of the CellStore that daughters copy and switches carry along, as in lentiviral barcoding
// experiments (e.g. Shaffer et al. 2017, Nature 546:431; the barcoded persisters of Marsolier
// et al. 2022). Nothing is kept per barcode between samples: a sample is one pass over the
// living cells (sorted, then counted run by run), so memory stays proportional to the living
// population, never to the barcodes ever created.
import { CellStore, PERSISTER, PHENOTYPE_COUNT, RESISTANT, SENSITIVE } from './cellStore.js';
import { radixSortInt32 } from './radixSort.js';

/** The living clones at one time, sorted by barcode; only barcodes with cells appear. */
export interface CloneSample {
  readonly timeH: number;
  readonly barcodes: Int32Array;
  /** Cells of each clone (all phenotypes), and among them persisters and resistant cells (whole numbers; doubles, as the population engine's clones may pass 2^31). */
  readonly cells: Float64Array;
  readonly persisters: Float64Array;
  readonly resistant: Float64Array;
}

export interface CloneStats {
  /** Barcodes with at least one living cell. */
  readonly surviving: number;
  /** The largest clone's share of the living cells; null without cells. */
  readonly largestShare: number | null;
  /** Shannon diversity -sum p ln p over the clones' shares (natural log; 0 without cells). */
  readonly shannon: number;
}

export class LineageBarcodes {
  readonly field: number;

  constructor(private readonly store: CellStore) {
    this.field = store.addField('int32');
  }

  /** Gives the cells now in the store barcodes 1, 2, ... in pool and slot order. */
  label(): void {
    let next = 1;
    for (let p = 0; p < PHENOTYPE_COUNT; p++) {
      const a = this.store.fields[this.field][p];
      for (let k = 0; k < this.store.counts[p]; k++) a[k] = next++;
    }
  }

  /**
   * The living clones now: each pool's barcodes copied and sorted (radixSort.ts), then the
   * three sorted lists merged into runs of one barcode. Memory is up to 8 bytes a living cell
   * while it counts (a copy and the sort's buffer), then 28 bytes a living clone for the
   * sample; no per-barcode table.
   */
  sample(timeH: number): CloneSample {
    const store = this.store;
    let longest = 0;
    for (let p = 0; p < PHENOTYPE_COUNT; p++) longest = Math.max(longest, store.counts[p]);
    const scratch = new Int32Array(longest);
    const sorted: Int32Array[] = [];
    for (let p = 0; p < PHENOTYPE_COUNT; p++) {
      const copy = (store.fields[this.field][p] as Int32Array).slice(0, store.counts[p]);
      const out = radixSortInt32(copy, scratch);
      if (out !== copy) copy.set(out.subarray(0, copy.length));
      sorted.push(copy);
    }
    const clones = mergeRuns(sorted, null);
    const out: Runs = { barcodes: new Int32Array(clones), cells: new Float64Array(clones), persisters: new Float64Array(clones), resistant: new Float64Array(clones) };
    mergeRuns(sorted, out);
    return { timeH, ...out };
  }
}

interface Runs {
  readonly barcodes: Int32Array;
  readonly cells: Float64Array;
  readonly persisters: Float64Array;
  readonly resistant: Float64Array;
}

/**
 * Walks the three pools' sorted barcode lists (sensitive, persister, resistant) in barcode
 * order, one run of equal barcodes at a time; writes each run's barcode and counts into `out`
 * when given; returns the number of distinct barcodes.
 */
function mergeRuns(lists: readonly Int32Array[], out: Runs | null): number {
  const s = lists[SENSITIVE];
  const p = lists[PERSISTER];
  const r = lists[RESISTANT];
  const ns = s.length;
  const np = p.length;
  const nr = r.length;
  let i = 0;
  let j = 0;
  let k = 0;
  let clones = 0;
  while (i < ns || j < np || k < nr) {
    let b = 2147483647;
    if (i < ns) b = s[i];
    if (j < np && p[j] < b) b = p[j];
    if (k < nr && r[k] < b) b = r[k];
    const i0 = i;
    const j0 = j;
    const k0 = k;
    while (i < ns && s[i] === b) i++;
    while (j < np && p[j] === b) j++;
    while (k < nr && r[k] === b) k++;
    if (out !== null) {
      out.barcodes[clones] = b;
      out.cells[clones] = i - i0 + (j - j0) + (k - k0);
      // zeros are not written: the arrays start zero, and their untouched pages cost nothing
      if (j > j0) out.persisters[clones] = j - j0;
      if (k > k0) out.resistant[clones] = k - k0;
    }
    clones++;
  }
  return clones;
}

/**
 * A replicate's lineage record (either engine): its samples, the clones at relapse while that
 * relapse still stands (a later, lower nadir may have moved it), and the statistics of the
 * clones at the end.
 */
export function clonesRecord(
  barcodes: number,
  samples: readonly CloneSample[],
  atRelapse: CloneSample | null,
  watched: { readonly relapseH: number | null; readonly responded: boolean },
  atEnd: CloneSample,
): { barcodes: number; samples: CloneSample[]; relapse: CloneSample | null; final: CloneStats } {
  return {
    barcodes,
    samples: [...samples],
    relapse: atRelapse !== null && watched.responded && watched.relapseH === atRelapse.timeH ? atRelapse : null,
    final: cloneStats(atEnd),
  };
}

export function cloneStats(sample: CloneSample): CloneStats {
  let total = 0;
  let largest = 0;
  for (const c of sample.cells) {
    total += c;
    if (c > largest) largest = c;
  }
  let shannon = 0;
  for (const c of sample.cells) {
    const p = c / total;
    if (p > 0) shannon -= p * Math.log(p);
  }
  return { surviving: sample.barcodes.length, largestShare: total > 0 ? largest / total : null, shannon };
}
