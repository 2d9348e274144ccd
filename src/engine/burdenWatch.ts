// Exact nadir and relapse tracking, updated at every change of the burden N.
// The nadir is the first time N reaches its overall minimum; relapse is the first time after
// the nadir that N is at or above the threshold. Both are kept for the running minimum, so a
// single pass gives them for the global minimum. When N never falls below the threshold the
// relapse time equals the nadir time (and the replicate did not respond).
export class BurdenWatch {
  private minCells: number;
  private minH = 0;
  private relapseH: number | null;

  constructor(private readonly threshold: number, initial: number) {
    this.minCells = initial;
    this.relapseH = initial >= threshold ? 0 : null;
  }

  shrank(t: number, n: number): void {
    if (n < this.minCells) {
      this.minCells = n;
      this.minH = t;
      this.relapseH = n >= this.threshold ? t : null;
    }
  }

  grew(t: number, n: number): void {
    if (this.relapseH === null && n >= this.threshold) this.relapseH = t;
  }

  result(): { nadirH: number; nadirCells: number; relapseH: number | null; responded: boolean } {
    return {
      nadirH: this.minH,
      nadirCells: this.minCells,
      relapseH: this.relapseH,
      responded: this.minCells < this.threshold,
    };
  }
}
