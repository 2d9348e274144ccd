// The cells of an arms table as the stdout summary, the HTML report and the survival legend
// print them: counts with the replicates that did not respond, the hazard ratio (or why there
// is none, marked for a note below the table), the log-rank p (exact when enumerable), and the
// median difference with its interval.
import type { ArmComparison } from './compareArms.js';
import { formatP } from './charts/survival.js';

const days = (h: number | null) => (h === null ? 'not reached' : `${(h / 24).toFixed(1)} d`);
const signedDays = (h: number | null) => (h === null ? 'not reached' : `${h >= 0 ? '+' : ''}${(h / 24).toFixed(1)} d`);

/** "38/40", or "0/40, 40 no response". */
export function relapsedCell(r: ArmComparison): string {
  return `${r.relapsed}/${r.replicates}${r.no_response > 0 ? `, ${r.no_response} no response` : ''}`;
}

/** The median, or why there is none: every replicate without response, or fewer than half relapsing. */
export function medianCell(r: ArmComparison): string {
  if (r.median_h !== null) return `${days(r.median_h)} (${days(r.median_ci95_h[0])} to ${days(r.median_ci95_h[1])})`;
  return r.no_response === r.replicates ? 'no response' : 'not reached';
}

/** `mark` follows a hazard ratio that has a note below the table. */
export function hazardRatioCell(r: ArmComparison, first: boolean, mark = ''): string {
  if (first) return 'reference';
  const base = r.hazard_ratio === null || r.hazard_ratio_ci95 === null
    ? 'not estimable'
    : `${r.hazard_ratio.toPrecision(3)} (${r.hazard_ratio_ci95[0].toPrecision(3)}-${r.hazard_ratio_ci95[1].toPrecision(3)})`;
  return r.hazard_ratio_note === null ? base : `${base}${mark}`;
}

/** The exact p when it was enumerated (small p-values in full), else the chi-square p. */
export function logRankCell(r: ArmComparison, first: boolean): string {
  if (first) return '';
  if (r.no_response === r.replicates) return 'no response';
  if (r.log_rank_exact_p !== null) return `${r.log_rank_exact_p < 1e-4 ? `p = ${r.log_rank_exact_p.toExponential(1)}` : formatP(r.log_rank_exact_p)} (exact)`;
  return r.log_rank_p === null ? 'no events' : formatP(r.log_rank_p);
}

export function medianDifferenceCell(r: ArmComparison, first: boolean): string {
  if (first || r.median_difference_ci95_h === null) return '';
  if (r.no_response === r.replicates) return 'no response';
  if (r.median_difference_h === null) return 'not reached';
  const [lo, hi] = r.median_difference_ci95_h;
  return `${signedDays(r.median_difference_h)} (${signedDays(lo)} to ${signedDays(hi)})`;
}
