// What one replicate of any engine returns: counts at the record times, the exact nadir,
// relapse and extinction times, the final state and the event counters; with resistance,
// lineage barcodes or adaptive dosing, their records too.
import type { DosingRecord } from './adaptiveDosing.js';
import type { CloneSample, CloneStats } from './lineage.js';

/** Lineage barcodes of one replicate. */
export interface ClonesRecord {
  /** Barcodes given at t = 0: one per initial cell, or fewer shared at random (the population engine's cap, populationClones.ts). */
  readonly barcodes: number;
  /** The clones at each lineage sample time reached (the run may end early, extinct). */
  readonly samples: readonly CloneSample[];
  /** The clones when the burden regrew to the relapse threshold after responding; null if it did not. */
  readonly relapse: CloneSample | null;
  /** Surviving barcodes, largest clone and diversity at the end of the run. */
  readonly final: CloneStats;
}
export interface ReplicateOutcome {
  readonly replicate: number;
  /** Counts at each record time of the timeline; zeros after extinction. */
  readonly sensitive: Float64Array;
  readonly persister: Float64Array;
  /** Resistant counts at each record time (scenarios with a resistant phenotype). */
  readonly resistant?: Float64Array;
  readonly nadirH: number;
  readonly nadirCells: number;
  /** Persisters among the nadir cells (engines that track the split). */
  readonly nadirPersisters?: number;
  readonly responded: boolean;
  readonly relapseH: number | null;
  readonly extinctH: number | null;
  readonly final: { readonly sensitive: number; readonly persister: number; readonly resistant?: number };
  /** initial + divisions - deaths = final total (resistant cells included). */
  readonly counters: {
    readonly initial: number;
    readonly divisions: number;
    readonly deaths: number;
    readonly entries: number;
    readonly exits: number;
    /** Divisions that gave a resistant daughter (included in divisions). */
    readonly mutations?: number;
  };
  readonly clones?: ClonesRecord;
  readonly dosing?: DosingRecord;
  /** FOSL1 switch only: mean and standard deviation of the living cells' levels at each record time (NaN when none). */
  readonly fosl1Mean?: Float64Array;
  readonly fosl1Sd?: Float64Array;
}
