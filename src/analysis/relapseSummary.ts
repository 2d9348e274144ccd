// The relapse summary across replicates (summary.json `relapse`): the median relapse time
// and its 95% CI from the Kaplan-Meier estimate (replicates without relapse are censored at
// the horizon: extinct ones and survivors alike), the counts relapsed, censored (alive and
// not relapsed at the horizon) and extinct, and the relapse probability with its Wilson
// interval.
import type { ReplicateOutcome } from '../engine/outcome.js';
import { kaplanMeier } from './kaplanMeier.js';
import { wilsonInterval } from './wilson.js';

export interface RelapseSummary {
  median_h: number | null;
  ci95_h: [number | null, number | null];
  relapsed: number;
  censored: number;
  extinct: number;
  probability: number;
  probability_ci95: [number, number];
}

export function relapseSummary(outcomes: readonly ReplicateOutcome[], horizonH: number): RelapseSummary {
  const n = outcomes.length;
  const relapsed = outcomes.filter((o) => o.relapseH !== null).length;
  const extinct = outcomes.filter((o) => o.relapseH === null && o.extinctH !== null).length;
  const km = kaplanMeier(outcomes.map((o) => ({ time: o.relapseH ?? horizonH, event: o.relapseH !== null })));
  const [lo, hi] = wilsonInterval(relapsed, n);
  return {
    median_h: km.median,
    ci95_h: [km.medianLower, km.medianUpper],
    relapsed,
    censored: n - relapsed - extinct,
    extinct,
    probability: n === 0 ? 0 : relapsed / n,
    probability_ci95: [lo, hi],
  };
}
