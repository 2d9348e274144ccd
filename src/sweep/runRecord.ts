// One replicate of one sweep point, as journaled and as written to runs.csv: the outcome's
// scalars, times rounded to 6 significant digits. Every output of a sweep is computed from
// these records, so a merge of shards, which reads them back from disk, gives the same bytes.
import { relapseTime } from '../analysis/relapseEvent.js';
import type { ReplicateOutcome } from '../engine/outcome.js';
import { round6 } from '../output/numbers.js';

export interface RunRecord {
  readonly replicate: number;
  readonly nadir_h: number;
  readonly nadir_cells: number;
  readonly nadir_persisters: number;
  readonly responded: boolean;
  /** null without relapse, and when it never responded (relapseEvent.ts). */
  readonly relapse_h: number | null;
  readonly extinct_h: number | null;
  readonly final_sensitive: number;
  readonly final_persister: number;
  /** Resistant cells at the end (0 without a resistant phenotype). */
  readonly final_resistant: number;
}

export const RUN_FIELDS = [
  'replicate', 'nadir_h', 'nadir_cells', 'nadir_persisters', 'responded', 'relapse_h', 'extinct_h', 'final_sensitive', 'final_persister', 'final_resistant',
] as const satisfies readonly (keyof RunRecord)[];

const r6 = (x: number | null) => (x === null ? null : round6(x));

export function runRecord(o: ReplicateOutcome): RunRecord {
  return {
    replicate: o.replicate,
    nadir_h: round6(o.nadirH),
    nadir_cells: o.nadirCells,
    nadir_persisters: o.nadirPersisters ?? 0,
    responded: o.responded,
    relapse_h: r6(relapseTime(o)),
    extinct_h: r6(o.extinctH),
    final_sensitive: o.final.sensitive,
    final_persister: o.final.persister,
    final_resistant: o.final.resistant ?? 0,
  };
}
