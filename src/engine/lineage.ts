// Lineage barcodes: every initial cell gets its own barcode (1 .. n), a per-cell int32 field
// of the CellStore that daughters copy and switches carry along, as in lentiviral barcoding
// experiments (e.g. Shaffer et al. 2017, Nature 546:431; the barcoded persisters of Marsolier
// et al. 2022). Nothing is kept per barcode between samples: a sample is one pass over the
// living cells, so memory stays proportional to the living population, never to the
// barcodes ever created.
import { CellStore, PERSISTER, PHENOTYPE_COUNT, RESISTANT } from './cellStore.js';

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

  sample(timeH: number): CloneSample {
    const store = this.store;
    const row = new Map<number, number>();
    const barcodes: number[] = [];
    const cells: number[] = [];
    const persisters: number[] = [];
    const resistant: number[] = [];
    for (let p = 0; p < PHENOTYPE_COUNT; p++) {
      const a = store.fields[this.field][p];
      const n = store.counts[p];
      for (let k = 0; k < n; k++) {
        const b = a[k];
        let i = row.get(b);
        if (i === undefined) {
          i = barcodes.length;
          row.set(b, i);
          barcodes.push(b);
          cells.push(0);
          persisters.push(0);
          resistant.push(0);
        }
        cells[i]++;
        if (p === PERSISTER) persisters[i]++;
        else if (p === RESISTANT) resistant[i]++;
      }
    }
    const order = barcodes.map((_, i) => i).sort((x, y) => barcodes[x] - barcodes[y]);
    const pick = (xs: number[]) => Float64Array.from(order, (i) => xs[i]);
    return { timeH, barcodes: Int32Array.from(order, (i) => barcodes[i]), cells: pick(cells), persisters: pick(persisters), resistant: pick(resistant) };
  }
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
