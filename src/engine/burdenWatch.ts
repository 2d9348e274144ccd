// Exact nadir and relapse tracking, updated at every change of the burden N.
// The nadir is the first time N reaches its overall minimum; relapse is the first time after
// the nadir that N is at or above the threshold. Both are kept for the running minimum, so a
// single pass gives them for the global minimum. When N never falls below the threshold the
// relapse time equals the nadir time (and the replicate did not respond).
// The persisters among the nadir cells are kept too (the persister fraction at the nadir).
// `onRelapse` is told when the burden regrows to the threshold after a nadir below it (the
// lineage barcodes count the clones then); a later, lower nadir may still move the relapse.
export class BurdenWatch {
  private minCells: number;
  private minH = 0;
  private minPersisters: number;
  private relapseH: number | null;

  constructor(
    private readonly threshold: number,
    initial: number,
    initialPersisters = 0,
    private readonly onRelapse: ((t: number) => void) | null = null,
  ) {
    this.minCells = initial;
    this.minPersisters = initialPersisters;
    this.relapseH = initial >= threshold ? 0 : null;
  }

  /** `persisters`: persisters among the n cells. */
  shrank(t: number, n: number, persisters = 0): void {
    if (n < this.minCells) {
      this.minCells = n;
      this.minH = t;
      this.minPersisters = persisters;
      this.relapseH = n >= this.threshold ? t : null;
    }
  }

  grew(t: number, n: number): void {
    if (this.relapseH === null && n >= this.threshold) {
      this.relapseH = t;
      if (this.onRelapse !== null) this.onRelapse(t);
    }
  }

  result(): { nadirH: number; nadirCells: number; nadirPersisters: number; relapseH: number | null; responded: boolean } {
    return {
      nadirH: this.minH,
      nadirCells: this.minCells,
      nadirPersisters: this.minPersisters,
      relapseH: this.relapseH,
      responded: this.minCells < this.threshold,
    };
  }
}
