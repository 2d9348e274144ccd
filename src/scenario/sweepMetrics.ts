// What `persim sweep --metric` may show (src/sweep/metrics.ts); every metric is in sweep.csv.
// A module of its own, without zod, so the library's type declarations need no zod.
export const SWEEP_METRICS = [
  'median_relapse_h', 'relapse_probability', 'extinction_probability', 'response_probability',
  'nadir_cells', 'nadir_h', 'nadir_persister_fraction', 'final_cells',
] as const;
export type SweepMetric = (typeof SWEEP_METRICS)[number];
