// The limits of model/limits.ts that need more than one field or the resolved scenario: the
// doses of the schedules (before they are expanded), then the rates a doubling time, an exit
// half-life or a stationary fraction stand for, the record times, the steps (whatever sets
// the step: time.dt, a bolus half-life, the FOSL1 level, an adaptive check interval),
// replicates x record times, and the agent engine's cells. Each problem names the field the
// user wrote and the limit, so a scenario that validates also runs.
import { AGENT_MAX_CELLS, MAX_RATE_PER_H, MAX_RECORD_TIMES, MAX_REPLICATE_RECORDS, MAX_STEPS } from '../model/limits.js';
import type { Scenario } from '../model/scenario.js';
import { maxHillSlope } from '../model/fosl1Drift.js';
import { FOSL1_STEP_FRACTION, fosl1StepLimit, HALF_LIFE_STEPS } from '../model/steps.js';
import type { RawScenario } from './schema.js';

export interface BoundIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected: string;
  readonly found: string;
}

const num = (x: number) => (x >= 1e6 || (x > 0 && x < 1e-3) ? x.toExponential(2).replace('e+', 'e') : String(Number(x.toPrecision(4))));
const hours = (h: number) => `${num(h)} h`;

/** Doses per drug, counted before expanding them. */
export function doseIssues(raw: RawScenario): BoundIssue[] {
  const issues: BoundIssue[] = [];
  raw.drugs.forEach((d, i) => {
    const n = d.schedule.reduce((sum, b) => sum + ('count' in b ? b.count : 'at' in b ? b.at.length : 0), 0);
    if (n > MAX_STEPS / 2) {
      issues.push({ path: ['drugs', i, 'schedule'], message: `${num(n)} doses, more than a run can step through`, expected: `at most ${num(MAX_STEPS / 2)} doses per drug`, found: num(n) });
    }
  });
  return issues;
}

function rateIssues(raw: RawScenario, s: Scenario): BoundIssue[] {
  const issues: BoundIssue[] = [];
  const too = (rate: number) => rate > MAX_RATE_PER_H;
  for (const name of ['sensitive', 'persister', 'resistant'] as const) {
    const dt = raw.phenotypes[name]?.doubling_time;
    if (dt !== undefined && too(Math.LN2 / dt)) {
      issues.push({
        path: ['phenotypes', name, 'doubling_time'], message: `a division rate of ${num(Math.LN2 / dt)}/h, faster than a run can follow`,
        expected: `a doubling_time >= ${hours(Math.LN2 / MAX_RATE_PER_H)} (a rate <= ${MAX_RATE_PER_H}/h)`, found: hours(dt),
      });
    }
  }
  const sw = s.switch;
  if (sw.model === 'two-state' && sw.targets !== undefined) {
    if (sw.targets.exitHalfLifeH !== null && too(sw.exitRate)) {
      issues.push({
        path: ['switch', 'exit_half_life'], message: `an exit rate of ${num(sw.exitRate)}/h, faster than a run can follow`,
        expected: `an exit_half_life >= ${hours(Math.LN2 / MAX_RATE_PER_H)}`, found: hours(sw.targets.exitHalfLifeH),
      });
    }
    if (sw.targets.stationaryFraction !== null && too(sw.entryRate)) {
      issues.push({
        path: ['switch', 'stationary_fraction'], message: `needs an entry rate of ${num(sw.entryRate)}/h, faster than a run can follow`,
        expected: `a smaller fraction or a slower exit (entry <= ${MAX_RATE_PER_H}/h)`, found: num(sw.targets.stationaryFraction),
      });
    }
  }
  return issues;
}

/** What sets the default step, as the field to name and what to change. */
function stepSource(raw: RawScenario, s: Scenario, dt: number): { path: PropertyKey[]; expected: string; found: string } {
  const h = s.time.horizonH;
  if (raw.time.dt !== undefined) return { path: ['time', 'dt'], expected: `a dt >= ${hours(h / MAX_STEPS)} over this horizon`, found: hours(dt) };
  const i = s.drugs.findIndex((d) => d.halfLifeH !== null && d.halfLifeH / HALF_LIFE_STEPS <= dt && d.doses.some((x) => x.amount > 0));
  if (i >= 0) {
    const hl = s.drugs[i].halfLifeH as number;
    return { path: ['drugs', i, 'half_life'], expected: `a half_life >= ${hours((HALF_LIFE_STEPS * h) / MAX_STEPS)} (the step is half_life / ${HALF_LIFE_STEPS}), or a shorter horizon`, found: hours(hl) };
  }
  const sw = s.switch;
  if (sw.model === 'fosl1' && fosl1StepLimit(s) <= dt) {
    const byFeedback = sw.feedback * maxHillSlope(sw.hill, sw.halfSaturation) >= sw.decay;
    return {
      path: ['switch', byFeedback ? 'feedback' : 'decay'],
      expected: `a slower level (the step is ${FOSL1_STEP_FRACTION} / the level's fastest rate, ${byFeedback ? 'feedback x the steepest slope of the Hill term' : 'decay + promote-exit'}), or a shorter horizon`,
      found: `${num(byFeedback ? sw.feedback : sw.decay)}/h, so steps of ${hours(dt)}`,
    };
  }
  return { path: ['time', 'horizon'], expected: `a horizon <= ${hours(dt * MAX_STEPS)}`, found: hours(h) };
}

function timeIssues(raw: RawScenario, s: Scenario, stepH: number): BoundIssue[] {
  const h = s.time.horizonH;
  const every = s.time.recordEveryH;
  const records = Math.floor(h / every) + 2;
  if (records > MAX_RECORD_TIMES) {
    const given = raw.time.record_every !== undefined;
    return [{
      path: given ? ['time', 'record_every'] : ['time', 'horizon'],
      message: `${num(records)} record times, more than ${num(MAX_RECORD_TIMES)}`,
      expected: given ? `a record_every >= ${hours(h / MAX_RECORD_TIMES)} over this horizon` : `a horizon <= ${hours(every * MAX_RECORD_TIMES)}, or a longer time.record_every`,
      found: given ? hours(every) : hours(h),
    }];
  }
  const issues: BoundIssue[] = [];
  const steps = h / stepH;
  if (steps > MAX_STEPS) {
    issues.push({ ...stepSource(raw, s, stepH), message: `${num(steps)} steps over the horizon (${hours(h)}), more than ${num(MAX_STEPS)}` });
  }
  raw.drugs.forEach((d, i) => {
    const j = d.schedule.findIndex((b) => 'adaptive' in b);
    const rule = s.drugs[i].adaptive;
    if (j < 0 || rule === undefined || h / rule.checkEveryH <= MAX_STEPS) return;
    issues.push({
      path: ['drugs', i, 'schedule', j, 'adaptive', 'check_every'], message: `${num(h / rule.checkEveryH)} checks over the horizon, more than ${num(MAX_STEPS)}`,
      expected: `a check_every >= ${hours(h / MAX_STEPS)}`, found: hours(rule.checkEveryH),
    });
  });
  if (s.replicates * records > MAX_REPLICATE_RECORDS) {
    issues.push({
      path: ['replicates'], message: `${num(s.replicates)} replicates x ${num(records)} record times is more than ${num(MAX_REPLICATE_RECORDS)} rows of results`,
      expected: `at most ${num(Math.floor(MAX_REPLICATE_RECORDS / records))} replicates, or a longer time.record_every`, found: num(s.replicates),
    });
  }
  return issues;
}

function engineIssues(s: Scenario): BoundIssue[] {
  if (s.engine !== 'agent' || s.population.initial <= AGENT_MAX_CELLS) return [];
  return [{
    path: ['engine'], message: `the agent engine holds at most ${num(AGENT_MAX_CELLS)} cells (one agent per cell); population.initial is ${num(s.population.initial)}`,
    expected: 'engine: population or auto (or fewer initial cells)', found: '"agent"',
  }];
}

/** Every limit the resolved scenario passes beyond; `stepH` is its step (model/steps.ts stepOf). */
export function boundIssues(raw: RawScenario, s: Scenario, stepH: number): BoundIssue[] {
  return [...rateIssues(raw, s), ...timeIssues(raw, s, stepH), ...engineIssues(s)];
}
