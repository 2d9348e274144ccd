// The simulated likelihood of one subject: the observation models' densities of its values
// given one simulated tumour, and over M simulated tumours the log of their mean likelihood,
// an unbiased estimate of the subject's likelihood (the pseudo-marginal estimate the sampler
// carries, src/fit/smc.ts).
import type { ReplicateOutcome } from '../engine/outcome.js';
import type { FitSubject } from './fitSubjects.js';
import { logDensity } from './noise.js';
import { cellsAt, recordIndex, type SubjectPlan } from './subject.js';
import type { Observable } from './types.js';

/** ln p(subject's values | one simulated tumour); `sds[k]` is observable k's noise sd. */
export function subjectLogLik(plan: SubjectPlan, outcome: ReplicateOutcome, subject: FitSubject, observables: readonly Observable[], sds: readonly number[]): number {
  let ll = 0;
  for (const o of subject.observations) {
    const obs = observables[o.observable];
    const { cells, total } = cellsAt(outcome, recordIndex(plan, o.timeH), obs.quantity);
    ll += logDensity(obs, sds[o.observable], o.value, o.nCells, cells, total);
    if (ll === -Infinity) return ll;
  }
  return ll;
}

/** ln of the mean of exp(lls), stably; -Infinity when every term is. */
export function logMeanExp(lls: readonly number[]): number {
  let max = -Infinity;
  for (const l of lls) if (l > max) max = l;
  if (max === -Infinity) return -Infinity;
  let s = 0;
  for (const l of lls) s += Math.exp(l - max);
  return max + Math.log(s / lls.length);
}
