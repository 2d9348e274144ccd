// Which replicates relapse statistics are about. A replicate whose burden never fell below the
// relapse threshold did not respond: it has not relapsed (DESIGN.md), so it has no relapse time,
// is counted as "no response", and stays out of the relapse-free survival curve, its median and
// the hazard ratio and log-rank test of arms (relapse-free survival among responders). The
// engines' outcome gives such a replicate a relapse time equal to its nadir time; this is the
// one place that reads it.
import type { SurvivalObservation } from './kaplanMeier.js';

export interface RelapseFacts {
  readonly responded: boolean;
  /** The engine's relapse time (its nadir time when it did not respond), or null. */
  readonly relapseH: number | null;
}

/** The relapse time of a replicate that responded and relapsed, else null. */
export function relapseTime(r: RelapseFacts): number | null {
  return r.responded ? r.relapseH : null;
}

/** The Kaplan-Meier observations of the responding replicates: relapse, or censored at the horizon (extinct or not relapsed). */
export function responderObservations(runs: readonly RelapseFacts[], horizonH: number): SurvivalObservation[] {
  return runs.filter((r) => r.responded).map((r) => ({ time: r.relapseH ?? horizonH, event: r.relapseH !== null }));
}
