// Kaplan-Meier survival estimate from right-censored (time, event) observations
// (Kaplan & Meier 1958), with Greenwood's variance (Greenwood 1926) and the 95% confidence
// band of R's survfit default (conf.type "log"): S exp(+-1.96 se(log S)), upper capped at 1,
// se(log S)^2 = sum d / (n (n - d)). At tied times events come before censorings, so a
// censored cell is at risk at its own time.
// The median and its CI follow R's quantile.survfit (survival package, Therneau), the
// band-intersection method of Brookmeyer & Crowley 1982: the median is the first time the
// curve reaches 0.5, the CI limits are where the lower and the upper band reach it, and a
// curve flat at exactly 0.5 gives the midpoint of the flat (of the follow-up at its end).
// Undefined quantities are null (R's NA); bands are NaN where S = 0.

export interface SurvivalObservation {
  time: number;
  /** true: the event happened at `time`; false: censored at `time`. */
  event: boolean;
}

export interface KaplanMeier {
  n: number;
  events: number;
  /** Distinct observation times (events and censorings), ascending. */
  time: Float64Array;
  /** Number at risk just before each time. */
  atRisk: Int32Array;
  nEvent: Int32Array;
  nCensor: Int32Array;
  /** S just after each time: a right-continuous step curve starting at S = 1 from t = 0. */
  survival: Float64Array;
  /** Greenwood standard error of S (as in R's summary.survfit). */
  stdErr: Float64Array;
  /** 95% confidence band (log transform); NaN where S = 0. */
  lower: Float64Array;
  upper: Float64Array;
  /** Times with at least one censoring, and S there (for tick marks on a chart). */
  censorTimes: Float64Array;
  censorSurvival: Float64Array;
  median: number | null;
  medianLower: number | null;
  medianUpper: number | null;
}

/** qnorm(0.975), as R uses for a 95% interval. */
export const Z95 = 1.959963984540054;

export function kaplanMeier(observations: readonly SurvivalObservation[]): KaplanMeier {
  const sorted = [...observations].sort((a, b) => a.time - b.time);
  const times: number[] = [];
  const events: number[] = [];
  const censors: number[] = [];
  for (const o of sorted) {
    const last = times.length - 1;
    if (last < 0 || times[last] !== o.time) {
      times.push(o.time);
      events.push(0);
      censors.push(0);
    }
    if (o.event) events[times.length - 1]++;
    else censors[times.length - 1]++;
  }
  const k = times.length;
  const out: KaplanMeier = {
    n: sorted.length,
    events: events.reduce((a, b) => a + b, 0),
    time: Float64Array.from(times),
    atRisk: new Int32Array(k),
    nEvent: Int32Array.from(events),
    nCensor: Int32Array.from(censors),
    survival: new Float64Array(k),
    stdErr: new Float64Array(k),
    lower: new Float64Array(k),
    upper: new Float64Array(k),
    censorTimes: new Float64Array(0),
    censorSurvival: new Float64Array(0),
    median: null,
    medianLower: null,
    medianUpper: null,
  };
  let atRisk = sorted.length;
  let s = 1;
  let greenwood = 0;
  for (let i = 0; i < k; i++) {
    const d = events[i];
    out.atRisk[i] = atRisk;
    s *= 1 - d / atRisk;
    greenwood += d / (atRisk * (atRisk - d));
    const seLog = Math.sqrt(greenwood);
    out.survival[i] = s;
    const defined = s > 0;
    out.stdErr[i] = defined ? s * seLog : NaN;
    out.lower[i] = defined ? Math.exp(Math.log(s) - Z95 * seLog) : NaN;
    out.upper[i] = defined ? Math.min(1, Math.exp(Math.log(s) + Z95 * seLog)) : NaN;
    atRisk -= d + censors[i];
  }
  const censored = times.map((_, i) => i).filter((i) => censors[i] > 0);
  out.censorTimes = Float64Array.from(censored, (i) => times[i]);
  out.censorSurvival = Float64Array.from(censored, (i) => out.survival[i]);
  out.median = curveQuantile(out.time, out.survival, 0.5);
  out.medianLower = curveQuantile(out.time, out.lower, 0.5);
  out.medianUpper = curveQuantile(out.time, out.upper, 0.5);
  return out;
}

/** S(t) of a fitted curve (1 before the first time). */
export function survivalAt(km: KaplanMeier, t: number): number {
  let lo = 0;
  let hi = km.time.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (km.time[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : km.survival[lo - 1];
}

/** The time by which a fraction p of the curve's events have happened (S reaches 1 - p); null if not reached. */
export function survivalQuantile(km: KaplanMeier, p: number): number | null {
  return curveQuantile(km.time, km.survival, p);
}

/**
 * The time at which a survival-like step curve reaches 1 - p, as R's findq does: on
 * F = 1 - curve, starting from (0, 0), with repeated values and NaN dropped, pick the point
 * with the smallest F >= p (within sqrt(eps)); a flat at exactly p gives the midpoint.
 */
function curveQuantile(times: Float64Array, curve: Float64Array, p: number): number | null {
  const tol = Math.sqrt(Number.EPSILON);
  const xs: number[] = [0];
  const ys: number[] = [0];
  const seen = new Set<number>([0]);
  let maxY = 0;
  for (let i = 0; i < times.length; i++) {
    const y = 1 - curve[i];
    if (y > maxY) maxY = y;
    if (seen.has(y)) continue;
    seen.add(y);
    xs.push(times[i]);
    ys.push(y);
  }
  if (maxY < p) return null;
  const smallestAtLeast = (shift: number): number => {
    let best = -1;
    for (let i = 0; i < ys.length; i++) {
      if (Number.isNaN(ys[i]) || ys[i] + shift < p) continue;
      if (best < 0 || ys[i] < ys[best]) best = i;
    }
    return best;
  };
  const i1 = smallestAtLeast(tol);
  const i2 = smallestAtLeast(-tol);
  const lastY = ys[ys.length - 1];
  if (!Number.isNaN(lastY) && Math.abs(p - lastY) < tol && i1 >= 0) {
    return (xs[i1] + (times.length > 0 ? times[times.length - 1] : 0)) / 2;
  }
  return i1 < 0 || i2 < 0 ? null : (xs[i1] + xs[i2]) / 2;
}
