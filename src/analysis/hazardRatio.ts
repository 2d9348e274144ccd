// The hazard ratio of group 1 against group 0: a Cox proportional-hazards model with one
// binary covariate (Cox 1972, JRSS B 34:187), fitted by Newton-Raphson on the partial
// likelihood with step halving, from beta = 0, as R's coxph does (Therneau & Grambsch
// 2000, Modeling Survival Data, ch. 3). Tied event times use Efron's approximation (Efron
// 1977, JASA 72:557; R's default) or Breslow's (Breslow 1974; Stata's default). The 95%
// interval is Wald's: exp(beta +- 1.96 se), se = 1 / sqrt(information at beta).
// With no event in one group the partial likelihood is monotone and the ratio is 0 or
// infinite: the estimate is null, and `notEstimable` says why. The same holds when the groups
// separate completely (every event of one group while the other's are still all at risk,
// and none after: a monotone likelihood, Bryson & Johnson 1981), seen as the Newton
// iterates running off (|beta| > 30); any other fit that does not converge is null too.
import { Z95, type SurvivalObservation } from './kaplanMeier.js';
import { pooled } from './logRank.js';

export type Ties = 'efron' | 'breslow';

/** Why there is no estimate: no event in group 0, in group 1 or in either; a monotone likelihood (beta to -infinity or +infinity); no convergence. */
export type NotEstimable = 'no-events-0' | 'no-events-1' | 'no-events' | 'separated-low' | 'separated-high' | 'no-convergence';

export interface HazardRatio {
  /** exp(beta): hazard of group 1 over hazard of group 0; null when not estimable. */
  ratio: number | null;
  ci95: [number, number] | null;
  /** log hazard ratio and its standard error. */
  beta: number | null;
  se: number | null;
  /** Partial log-likelihood at the estimate (at beta = 0 when not estimable), and at beta = 0. */
  logLik: number;
  logLikNull: number;
  ties: Ties;
  /** null when estimated. */
  notEstimable: NotEstimable | null;
}

/** Per distinct event time: at risk in each group, events in each group. */
interface EventTime {
  n0: number;
  n1: number;
  d0: number;
  d1: number;
}

function eventTimes(group0: readonly SurvivalObservation[], group1: readonly SurvivalObservation[]): EventTime[] {
  const all = pooled(group0, group1);
  const out: EventTime[] = [];
  let n0 = group0.length;
  let n1 = group1.length;
  for (let i = 0; i < all.length;) {
    const t = all[i].time;
    const e: EventTime = { n0, n1, d0: 0, d1: 0 };
    for (; i < all.length && all[i].time === t; i++) {
      const o = all[i];
      if (o.group === 0) n0--;
      else n1--;
      if (o.event) {
        if (o.group === 0) e.d0++;
        else e.d1++;
      }
    }
    if (e.d0 + e.d1 > 0) out.push(e);
  }
  return out;
}

/** Log partial likelihood, score and information at beta. */
function partial(times: readonly EventTime[], beta: number, ties: Ties): { logLik: number; score: number; info: number } {
  const r = Math.exp(beta);
  let logLik = 0;
  let score = 0;
  let info = 0;
  for (const { n0, n1, d0, d1 } of times) {
    const d = d0 + d1;
    const s0 = n0 + n1 * r;
    const s1 = n1 * r;
    const dead0 = d0 + d1 * r;
    const dead1 = d1 * r;
    logLik += d1 * beta;
    score += d1;
    for (let k = 0; k < d; k++) {
      const f = ties === 'efron' ? k / d : 0;
      const a0 = s0 - f * dead0;
      const mean = (s1 - f * dead1) / a0;
      logLik -= Math.log(a0);
      score -= mean;
      info += mean - mean * mean; // x is 0 or 1, so the second moment equals the first
    }
  }
  return { logLik, score, info };
}

export function hazardRatio(group0: readonly SurvivalObservation[], group1: readonly SurvivalObservation[], ties: Ties = 'efron'): HazardRatio {
  const times = eventTimes(group0, group1);
  const events0 = times.reduce((n, e) => n + e.d0, 0);
  const events1 = times.reduce((n, e) => n + e.d1, 0);
  const atZero = partial(times, 0, ties);
  const none = (why: NotEstimable): HazardRatio => ({ ratio: null, ci95: null, beta: null, se: null, logLik: atZero.logLik, logLikNull: atZero.logLik, ties, notEstimable: why });
  if (events0 === 0 && events1 === 0) return none('no-events');
  if (events0 === 0) return none('no-events-0');
  if (events1 === 0) return none('no-events-1');
  let beta = 0;
  let cur = atZero;
  for (let iter = 0; iter < 50; iter++) {
    if (!(cur.info > 0)) return none(Math.abs(beta) > 10 ? (beta < 0 ? 'separated-low' : 'separated-high') : 'no-convergence');
    let step = cur.score / cur.info;
    let next = partial(times, beta + step, ties);
    // Halve only a real overshoot: at the optimum, changes are at the rounding level.
    const slack = 1e-12 * Math.max(1, Math.abs(cur.logLik));
    for (let halvings = 0; next.logLik < cur.logLik - slack && halvings < 30; halvings++) {
      step /= 2;
      next = partial(times, beta + step, ties);
    }
    beta += step;
    const converged = Math.abs(step) < 1e-10;
    cur = next;
    if (converged) break;
  }
  if (Math.abs(beta) > 30) return none(beta < 0 ? 'separated-low' : 'separated-high');
  if (!Number.isFinite(beta) || !(cur.info > 0)) return none('no-convergence');
  const se = 1 / Math.sqrt(cur.info);
  return {
    ratio: Math.exp(beta),
    ci95: [Math.exp(beta - Z95 * se), Math.exp(beta + Z95 * se)],
    beta,
    se,
    logLik: cur.logLik,
    logLikNull: atZero.logLik,
    ties,
    notEstimable: null,
  };
}
