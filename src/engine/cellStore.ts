// The agents. Cells are kept in one pool per phenotype, each pool a struct of typed arrays
// in which slot k holds the k-th living cell of that phenotype: a uniformly random cell of
// a phenotype is slot floor(U x count), a birth appends a copy of the mother's per-cell
// fields, a death moves the last cell into the freed slot, a switch moves a cell from one
// pool to the other. Pools are dense, so every operation is O(1), memory stays proportional
// to the living population, and a model with no per-cell field (the two-state switch) pays
// nothing for them. Per-cell fields (the FOSL1 level, a lineage barcode) are registered with
// `addField` and live in every pool. The third pool holds genetically resistant cells; it
// starts small and stays empty in a scenario without them.

export const SENSITIVE = 0;
export const PERSISTER = 1;
export const RESISTANT = 2;
export const PHENOTYPE_COUNT = 3;
/** Initial slots of a pool that starts empty. */
const MIN_POOL = 16;

export type FieldArray = Float64Array | Int32Array;
type FieldKind = 'float64' | 'int32';

export class PopulationLimitError extends Error {
  constructor(readonly limit: number, readonly timeH: number) {
    super(
      `the population passed ${limit.toExponential(1)} cells at t = ${timeH.toFixed(1)} h, ` +
        `more than the agent engine holds in memory; lower population.initial or population.capacity, ` +
        `shorten time.horizon, or use a relapse threshold the engine can reach`,
    );
  }
}

export class CellStore {
  /** Living cells per phenotype. */
  readonly counts = new Int32Array(PHENOTYPE_COUNT);
  /** fields[f][p] is field f of the pool of phenotype p. */
  readonly fields: FieldArray[][] = [];
  private readonly kinds: FieldKind[] = [];
  private readonly capacity = new Float64Array(PHENOTYPE_COUNT);

  /** `initialCapacity`: slots of the sensitive and persister pools, or of each pool. */
  constructor(initialCapacity: number | readonly number[], readonly maxCells: number) {
    const slots = typeof initialCapacity === 'number' ? [initialCapacity, initialCapacity, 0] : initialCapacity;
    for (let p = 0; p < PHENOTYPE_COUNT; p++) this.capacity[p] = Math.max(MIN_POOL, Math.min(slots[p] ?? 0, maxCells));
  }

  get size(): number {
    return this.counts[SENSITIVE] + this.counts[PERSISTER] + this.counts[RESISTANT];
  }

  /** Registers a per-cell field; returns its index into `fields`. */
  addField(kind: FieldKind): number {
    const make = (n: number) => (kind === 'float64' ? new Float64Array(n) : new Int32Array(n));
    this.fields.push(Array.from({ length: PHENOTYPE_COUNT }, (_, p) => make(this.capacity[p])));
    this.kinds.push(kind);
    return this.fields.length - 1;
  }

  /** Appends a cell to pool p and returns its slot; its fields are left for the caller to set. */
  add(p: number, timeH: number): number {
    if (this.size >= this.maxCells) throw new PopulationLimitError(this.maxCells, timeH);
    return this.append(p, timeH);
  }

  /** A free slot at the end of pool p, growing it if needed (no population check). */
  private append(p: number, timeH: number): number {
    if (this.counts[p] >= this.capacity[p]) this.grow(p, timeH);
    return this.counts[p]++;
  }

  /** A daughter of the cell in slot k of pool p: appended with a copy of its fields. */
  divide(p: number, k: number, timeH: number): number {
    const j = this.add(p, timeH);
    for (let f = 0; f < this.fields.length; f++) {
      const a = this.fields[f][p];
      a[j] = a[k];
    }
    return j;
  }

  /** A daughter of the cell in slot k of pool p born into pool `to` (a mutant): a copy of its fields there. */
  divideInto(p: number, k: number, to: number, timeH: number): number {
    const j = this.add(to, timeH);
    for (let f = 0; f < this.fields.length; f++) this.fields[f][to][j] = this.fields[f][p][k];
    return j;
  }

  /** Removes the cell in slot k of pool p (the last cell takes its slot). */
  remove(p: number, k: number): void {
    const last = --this.counts[p];
    for (let f = 0; f < this.fields.length; f++) {
      const a = this.fields[f][p];
      a[k] = a[last];
    }
  }

  /** Moves the cell in slot k of pool p to pool `to`; returns its new slot. */
  move(p: number, k: number, to: number, timeH: number): number {
    const j = this.append(to, timeH);
    for (let f = 0; f < this.fields.length; f++) this.fields[f][to][j] = this.fields[f][p][k];
    this.remove(p, k);
    return j;
  }

  private grow(p: number, timeH: number): void {
    const next = Math.min(this.maxCells, this.capacity[p] * 2);
    if (next <= this.counts[p]) throw new PopulationLimitError(this.maxCells, timeH);
    for (let f = 0; f < this.fields.length; f++) {
      const old = this.fields[f][p];
      const fresh = this.kinds[f] === 'float64' ? new Float64Array(next) : new Int32Array(next);
      fresh.set(old.subarray(0, this.counts[p]));
      this.fields[f][p] = fresh;
    }
    this.capacity[p] = next;
  }
}
