// What one replicate of any engine returns: counts at the record times, the exact nadir,
// relapse and extinction times, the final state and the event counters.
export interface ReplicateOutcome {
  readonly replicate: number;
  /** Counts at each record time of the timeline; zeros after extinction. */
  readonly sensitive: Float64Array;
  readonly persister: Float64Array;
  readonly nadirH: number;
  readonly nadirCells: number;
  /** Persisters among the nadir cells (engines that track the split). */
  readonly nadirPersisters?: number;
  readonly responded: boolean;
  readonly relapseH: number | null;
  readonly extinctH: number | null;
  readonly final: { readonly sensitive: number; readonly persister: number };
  /** initial + divisions - deaths = final total. */
  readonly counters: {
    readonly initial: number;
    readonly divisions: number;
    readonly deaths: number;
    readonly entries: number;
    readonly exits: number;
  };
  /** FOSL1 switch only: mean and standard deviation of the living cells' levels at each record time (NaN when none). */
  readonly fosl1Mean?: Float64Array;
  readonly fosl1Sd?: Float64Array;
}
