// The population engine's timeline: the agent engine's (model/timeline.ts, model/steps.ts),
// except that under the FOSL1 switch with no `time.dt` the step is not held to the agent
// engine's Euler-Maruyama limit on the level (0.015 / L): the population engine moves the
// level on its lattice with exponentially fitted drift and its own sub-step rule
// (populationFosl1.ts, populationStep.ts). The step is then min(record_every,
// half_life / 10 over the bolus drugs), the rest of model/steps.ts's default. Record times
// are the same, so both engines report at the same times.
import type { Scenario } from '../model/scenario.js';
import { HALF_LIFE_STEPS } from '../model/steps.js';
import { compileTimeline, type Timeline } from '../model/timeline.js';

const cache = new WeakMap<Scenario, Timeline>();

export function populationStep(s: Scenario): number | null {
  if (s.time.dtH !== null || s.switch.model !== 'fosl1') return s.time.dtH;
  let dt = s.time.recordEveryH;
  for (const d of s.drugs) {
    if (d.halfLifeH !== null && d.doses.some((x) => x.amount > 0)) dt = Math.min(dt, d.halfLifeH / HALF_LIFE_STEPS);
  }
  return dt;
}

export function populationTimeline(s: Scenario): Timeline {
  let tl = cache.get(s);
  if (tl === undefined) {
    const dtH = populationStep(s);
    tl = compileTimeline(dtH === s.time.dtH ? s : { ...s, time: { ...s.time, dtH } });
    cache.set(s, tl);
  }
  return tl;
}
