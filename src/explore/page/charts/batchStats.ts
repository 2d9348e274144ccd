// The replicates of the background batch, summarised as they arrive: the median and 10-90%
// band of the burden (resistant cells included) and the median persister fraction at each record time (the report's
// quantiles, and its rule for too few cells), and the Kaplan-Meier curve of relapse-free survival
// over the replicates that responded (relapse, or censored at the horizon, as in the report).
import { kaplanMeier, type KaplanMeier } from '../../../analysis/kaplanMeier.js';
import { relapseTime, responderObservations } from '../../../analysis/relapseEvent.js';
import { persisterFractionBand } from '../../../report/fractionBand.js';
import { bandOver, type Band } from '../../../report/quantiles.js';
import type { BatchReplicate } from '../../worker/protocol.js';

export interface BatchSummary {
  readonly replicates: number;
  readonly burden: Band;
  readonly fraction: Band;
  readonly survival: KaplanMeier;
  readonly relapsed: number;
  readonly extinct: number;
}

export class BatchStats {
  private readonly runs: BatchReplicate[] = [];

  constructor(readonly recordTimesH: Float64Array, readonly horizonH: number) {}

  get size(): number {
    return this.runs.length;
  }

  add(r: BatchReplicate): void {
    this.runs.push(r);
  }

  summary(): BatchSummary {
    const runs = this.runs;
    const n = this.recordTimesH.length;
    const total = (r: number, k: number) => runs[r].sensitive[k] + runs[r].persister[k] + (runs[r].resistant?.[k] ?? 0);
    const burden = bandOver(runs.length, n, total);
    const fraction = persisterFractionBand(runs.length, n, (r, k) => runs[r].persister[k], total);
    const survival = kaplanMeier(responderObservations(runs, this.horizonH));
    return {
      replicates: runs.length,
      burden,
      fraction,
      survival,
      relapsed: runs.filter((r) => relapseTime(r) !== null).length,
      extinct: runs.filter((r) => r.extinctH !== null).length,
    };
  }
}
