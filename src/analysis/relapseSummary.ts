// The relapse summary across replicates (summary.json `relapse`): the median relapse time
// and its 95% CI from the Kaplan-Meier estimate over the replicates that responded
// (replicates without relapse censored at the horizon: extinct ones and survivors alike;
// replicates that never responded left out, relapseEvent.ts), the counts relapsed, censored
// (alive and not relapsed at the horizon), extinct and no_response (the burden never fell
// below the threshold), which add up to the replicates, and the relapse probability (relapsed
// over all replicates) with its Wilson interval.
import { relapseTime, responderObservations, type RelapseFacts } from './relapseEvent.js';
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
  /** Replicates whose burden never fell below the relapse threshold (not relapsed, not in the median). */
  no_response: number;
}

export function relapseSummary(outcomes: readonly (RelapseFacts & { readonly extinctH: number | null })[], horizonH: number): RelapseSummary {
  const n = outcomes.length;
  const relapsed = outcomes.filter((o) => relapseTime(o) !== null).length;
  const noResponse = outcomes.filter((o) => !o.responded).length;
  const extinct = outcomes.filter((o) => o.responded && o.relapseH === null && o.extinctH !== null).length;
  const km = kaplanMeier(responderObservations(outcomes, horizonH));
  const [lo, hi] = wilsonInterval(relapsed, n);
  return {
    median_h: km.median,
    ci95_h: [km.medianLower, km.medianUpper],
    relapsed,
    censored: n - relapsed - extinct - noResponse,
    extinct,
    probability: n === 0 ? 0 : relapsed / n,
    probability_ci95: [lo, hi],
    no_response: noResponse,
  };
}
