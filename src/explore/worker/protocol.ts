// Messages between the page and its two Web Workers. Both run the same code: the live worker
// advances one replicate on request and reports what the dish needs; the batch worker runs
// the replicates of the scenario one after the other for the charts. Every request carries
// the generation of the run it belongs to, so answers to a superseded run are dropped.

export interface ScenarioSource {
  readonly text: string;
  readonly file: string;
  readonly sets: readonly string[];
}

export type ToWorker =
  | { readonly kind: 'live-start'; readonly gen: number; readonly source: ScenarioSource; readonly replicate: number }
  | { readonly kind: 'live-advance'; readonly gen: number; readonly untilH: number }
  | { readonly kind: 'batch-start'; readonly gen: number; readonly source: ScenarioSource; readonly replicates: number };

/** The live replicate after a request: counts now, event counters since t = 0, FOSL1 level quantiles per state. */
export interface LiveFrame {
  readonly t: number;
  readonly sensitive: number;
  readonly persister: number;
  /** Genetically resistant cells (0 in a scenario without them). */
  readonly resistant: number;
  readonly divisions: number;
  readonly deaths: number;
  readonly entries: number;
  readonly exits: number;
  readonly finished: boolean;
  /** The chemotherapy's effect averaged over the last step, as this replicate received it (adaptive dosing included). */
  readonly stress: number;
  /** The run stopped because the tumour outgrew the explorer (EXPLORER_MAX_CELLS). */
  readonly limited: boolean;
  readonly extinctH: number | null;
  readonly relapseH: number | null;
  /** FOSL1 switch only: LEVEL_QUANTILES evenly spaced quantiles of each pool's levels (empty when the pool is). */
  readonly levelsSensitive: Float32Array | null;
  readonly levelsPersister: Float32Array | null;
}

/** One finished replicate of the batch: counts at the record times and its relapse. */
export interface BatchReplicate {
  readonly replicate: number;
  readonly sensitive: Float64Array;
  readonly persister: Float64Array;
  /** Null in a scenario without resistant cells. */
  readonly resistant: Float64Array | null;
  /** The burden fell below the relapse threshold; relapseH counts only then (analysis/relapseEvent.ts). */
  readonly responded: boolean;
  readonly relapseH: number | null;
  readonly extinctH: number | null;
  /** Stopped at EXPLORER_MAX_CELLS: counts after that time are NaN. */
  readonly limited: boolean;
}

export type FromWorker =
  | { readonly kind: 'live-frame'; readonly gen: number; readonly frame: LiveFrame }
  | { readonly kind: 'batch-replicate'; readonly gen: number; readonly result: BatchReplicate; readonly done: number; readonly total: number }
  | { readonly kind: 'failed'; readonly gen: number; readonly role: 'live' | 'batch'; readonly message: string };

export const LEVEL_QUANTILES = 33;
/** The explorer keeps at most this many cells in a replicate (the CLI allows 5e7). */
export const EXPLORER_MAX_CELLS = 2e6;
