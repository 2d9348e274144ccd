// Lesson 12 (scenarios/12-adaptive-therapy.yaml): adaptive dosing against continuous dosing
// of the same drug, with resistant cells that pay a fitness cost and compete for space.
// Time to progression (relapse_h; a replicate that never progresses counts at the horizon,
// a lower bound) is longer under adaptive dosing, by more than 4 standard errors of the
// paired difference; the drug given is less, both over the horizon (summary.json
// cumulative_dose) and per day up to progression (from the checks of dosing.csv); and the
// adaptive arm really cycles, off at some checks.
import { describe, expect, it } from 'vitest';
import type { ReplicateOutcome } from '../../src/engine/outcome.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { buildSummary } from '../../src/output/summaryJson.js';
import { arm, runArms } from '../clonal/lessonArms.js';
import { meanAndSe } from '../helpers/stats.js';

const sims = runArms('12-adaptive-therapy.yaml');
const adaptive = arm(sims, 'adaptive');
const continuous = arm(sims, 'continuous');
const horizon = adaptive.scenario.time.horizonH;
const ttp = (o: ReplicateOutcome) => o.relapseH ?? horizon;

/** Hours on drug before progression, over the time to progression. */
function doseRateToProgression(o: ReplicateOutcome): number {
  const d = o.dosing;
  if (d === undefined) throw new Error('no dosing record');
  const end = ttp(o);
  let on = 0;
  for (let k = 0; k < d.checkTimes.length && d.checkTimes[k] < end; k++) {
    const next = Math.min(k + 1 < d.checkTimes.length ? d.checkTimes[k + 1] : horizon, end);
    if (d.checkOn[k] === 1) on += next - d.checkTimes[k];
  }
  return on / end;
}

const cumulative = (sim: Simulation) => buildSummary(sim, { name: '', file: '', sha256: '', overrides: [] }).runs.map((r) => r.cumulative_dose?.drug ?? NaN);

describe('lesson 12: adaptive therapy', () => {
  it('the adaptive arm stops and resumes; the continuous arm never stops', () => {
    for (const o of adaptive.outcomes) expect(Array.from(o.dosing?.checkOn ?? []).filter((x) => x === 0).length).toBeGreaterThan(0);
    for (const o of continuous.outcomes) expect(Array.from(o.dosing?.checkOn ?? [])).not.toContain(0);
  });

  it('delays progression', () => {
    const d = meanAndSe(adaptive.outcomes.map((o, i) => ttp(o) - ttp(continuous.outcomes[i])));
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });

  it('with less cumulative drug', () => {
    const a = cumulative(adaptive);
    const c = cumulative(continuous);
    const d = meanAndSe(a.map((x, i) => x - c[i]));
    expect(d.mean).toBeLessThan(-4 * d.se);
    const rate = meanAndSe(adaptive.outcomes.map(doseRateToProgression));
    expect(1 - rate.mean).toBeGreaterThan(4 * rate.se);
    for (const o of continuous.outcomes) expect(doseRateToProgression(o)).toBeCloseTo(1, 9);
  });
});
