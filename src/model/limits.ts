// What one run may ask of the machine: the largest per-cell rate, the number of steps, of
// record times and of replicates x record times, and the cells the agent engine holds. The
// scenario loader refuses a scenario beyond any of them (exit 2, naming the field and the
// limit) before anything is allocated; the engines use the same numbers. Each is far above
// what the shipped lessons need (at most 10,950 steps, 1,096 record times, 300 replicates,
// potency 100/h).

/** Per cell per hour: once every 3.6 s. */
export const MAX_RATE_PER_H = 1000;
/** Step boundaries of the timeline (about 100 bytes each, per scenario). */
export const MAX_STEPS = 1_000_000;
/** Record times of one replicate. */
export const MAX_RECORD_TIMES = 100_000;
/** Replicates of one scenario (or one arm, or one sweep point). */
export const MAX_REPLICATES = 100_000;
/** Replicates x record times: the rows of timeseries.csv. */
export const MAX_REPLICATE_RECORDS = 5_000_000;
/** Doses of one periodic schedule block. */
export const MAX_BLOCK_DOSES = 100_000;
/**
 * The FOSL1 level's spread, in on-thresholds: a daughter's level may differ from its
 * mother's by at most this many on_threshold (sd). (The noise may move a level by at most
 * sqrt(MAX_RATE_PER_H) on_threshold per sqrt(hour): its rate noise^2 / on^2 <= 1000/h.)
 */
export const MAX_LEVEL_SPREAD = 1000;
/** Living cells the agent engine holds (one agent per cell). */
export const AGENT_MAX_CELLS = 5e7;
/** The most barcodes the population engine tracks (populationClones.ts barcodeCap at 2 compartments a clone). */
export const POPULATION_MAX_BARCODES = 2048;
/**
 * Lineage barcodes: clone rows a run may hold, barcodes x (sample times + relapse) x
 * replicates at most (28 bytes each in memory, about 20 in clones.csv): one barcode per cell
 * of 5 x 10^7 cells at one sample time and at relapse.
 */
export const MAX_CLONE_ROWS = 1e8;
