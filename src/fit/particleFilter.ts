// The simulated likelihood of one subject by a bootstrap particle filter over its observation
// times (Gordon, Salmond & Smith 1993, IEE Proc. F 140:107): N tumours advance together to the
// next observation time, each is weighted by the observation model's density of the values
// there, the mean weight multiplies the estimate, and the tumours are resampled
// systematically (Kitagawa 1996, J. Comput. Graph. Stat. 5:1) before the next interval. The
// product of the mean weights is an unbiased estimate of the subject's likelihood (Del Moral
// 2004, Feynman-Kac Formulae, Prop. 7.4.1), so a sampler that carries it stays exact
// (particle MCMC: Andrieu, Doucet & Holenstein 2010, JRSS B 72:269). Independent tumours must
// each track every observation at once, and for small stochastic tumours (wells of a few
// hundred cells, observed with a few percent of error) almost none does: the estimate's
// variance then explodes with the number of observation times, the sampler's particles stick
// and the posterior is too narrow. The filter keeps the tumours that track the data so far.
//
// Population engine only, without adaptive dosing or barcodes (whose state is their history):
// elsewhere the caller averages independent tumours (likelihood.ts). Tumour j draws from
// (seed, subject, `<name>/<j>/population`), the resampling from (seed, subject, `<name>/resample`),
// so the estimate does not depend on the worker that computes it; with one tumour it is
// exactly the independent estimate of that tumour.
import { PopulationRun, type PopulationState } from '../engine/population.js';
import { streamFor } from '../rng/stream.js';
import type { FitSubject, SubjectObservation } from './fitSubjects.js';
import { logMeanExp } from './likelihood.js';
import { logDensity } from './noise.js';
import { recordIndex, type SubjectPlan } from './subject.js';
import type { Observable } from './types.js';
import { systematicResample } from './weights.js';

/** Whether the filter can run a plan: the population engine without history-dependent state. */
export function filterable(plan: SubjectPlan): boolean {
  const s = plan.scenario;
  return plan.engine === 'population' && plan.timeline.adaptive === null && s.lineage === undefined;
}

/** The subject's observations grouped by the timeline boundary at which they are recorded, in time order. */
function observationGroups(plan: SubjectPlan, subject: FitSubject): { boundary: number; observations: SubjectObservation[] }[] {
  const byBoundary = new Map<number, SubjectObservation[]>();
  for (const o of subject.observations) {
    const b = plan.timeline.recordBoundary[recordIndex(plan, o.timeH)];
    const group = byBoundary.get(b);
    if (group === undefined) byBoundary.set(b, [o]);
    else group.push(o);
  }
  return [...byBoundary.entries()].sort((a, b) => a[0] - b[0]).map(([boundary, observations]) => ({ boundary, observations }));
}

/** ln of the filter's estimate of p(subject's values | theta) with `tumours` tumours. */
export function filteredLogLik(
  plan: SubjectPlan, subject: FitSubject, observables: readonly Observable[], sds: readonly number[],
  seed: number, name: string, tumours: number,
): number {
  const runs: PopulationRun[] = [];
  for (let j = 0; j < tumours; j++) runs.push(new PopulationRun(plan.scenario, plan.timeline, subject.index, streamFor(seed, subject.index, `${name}/${j}/population`)));
  const resample = streamFor(seed, subject.index, `${name}/resample`);
  const split = new Float64Array(3);
  const logW = new Array<number>(tumours);
  const groups = observationGroups(plan, subject);
  let ll = 0;
  for (let g = 0; g < groups.length; g++) {
    const { boundary, observations } = groups[g];
    for (let j = 0; j < tumours; j++) {
      const run = runs[j];
      while (run.step < boundary && run.advance());
      const [S, P, R] = run.byPhenotype(split);
      const total = S + P + R;
      let w = 0;
      for (const o of observations) {
        const obs = observables[o.observable];
        const q = obs.quantity;
        const cells = q === 'total' ? total : q === 'sensitive' ? S : q === 'persister' ? P : R;
        w += logDensity(obs, sds[o.observable], o.value, o.nCells, cells, total);
        if (w === -Infinity) break;
      }
      logW[j] = w;
    }
    const step = logMeanExp(logW);
    if (step === -Infinity) return -Infinity;
    ll += step;
    if (g === groups.length - 1 || tumours === 1) continue;
    const weights = logW.map((w) => Math.exp(w - step) / tumours);
    const ancestors = systematicResample(weights, resample.double());
    const states: PopulationState[] = runs.map((r) => r.snapshot());
    for (let j = 0; j < tumours; j++) if (ancestors[j] !== j) runs[j].restore(states[ancestors[j]]);
  }
  return ll;
}
