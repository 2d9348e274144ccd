// One subject (an independent tumour) of a fit: the scenario's engine run on a record grid
// that holds every observation time, from the stream identity (seed, subject, name), where
// `name` carries the rest of the identity (`fit/<generation>/<particle>`, `predict/<draw>`,
// `synthetic`). The agent engine under the FOSL1 switch also draws its levels from
// (seed, subject, `<name>/fosl1`). Nothing else is drawn, so a subject gives the same
// counts on any worker and in any order.
import { DEFAULT_MAX_CELLS, runAgentReplicate } from '../engine/agent.js';
import type { ReplicateOutcome } from '../engine/outcome.js';
import { runPopulationReplicate } from '../engine/population.js';
import { populationTimeline } from '../engine/populationTimeline.js';
import type { EngineName } from '../engine/simulate.js';
import type { Scenario } from '../model/scenario.js';
import { stepOf } from '../model/steps.js';
import { compileTimeline, type Timeline } from '../model/timeline.js';
import { streamFor } from '../rng/stream.js';
import type { Quantity } from './types.js';

/** Observation times are matched to record times to this many hours. */
const TIME_TOLERANCE_H = 1e-6;

/** The engine of a fit: population by default, the agent engine when the scenario asks for it. */
export function fitEngine(s: Scenario): EngineName {
  return s.engine === 'agent' ? 'agent' : 'population';
}

/** The largest grid (hours) on which every time lies: their greatest common divisor at 1e-6 h. */
export function recordGrid(timesH: readonly number[]): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let g = 0;
  for (const t of timesH) g = gcd(Math.round(t / TIME_TOLERANCE_H), g);
  return g === 0 ? 0 : g * TIME_TOLERANCE_H;
}

/**
 * The scenario as a fit runs it: recorded on `gridH` up to `horizonH`, with the step the
 * scenario itself would take (the finer record grid must not shrink the step).
 */
export function onGrid(s: Scenario, gridH: number, horizonH: number): Scenario {
  const dtH = s.time.dtH ?? stepOf(s);
  const recordEveryH = gridH > 0 ? gridH : s.time.recordEveryH;
  return { ...s, time: { horizonH, dtH, recordEveryH } };
}

export interface SubjectPlan {
  readonly scenario: Scenario;
  readonly timeline: Timeline;
  readonly engine: EngineName;
}

export function planSubject(s: Scenario, engine: EngineName): SubjectPlan {
  return { scenario: s, engine, timeline: engine === 'population' ? populationTimeline(s) : compileTimeline(s) };
}

export function runSubject(plan: SubjectPlan, seed: number, name: string, subject: number): ReplicateOutcome {
  const { scenario: s, timeline: tl } = plan;
  if (plan.engine === 'population') return runPopulationReplicate(s, tl, subject, streamFor(seed, subject, `${name}/population`));
  const fosl1 = s.switch.model === 'fosl1';
  return runAgentReplicate(s, tl, subject, streamFor(seed, subject, `${name}/agent`), DEFAULT_MAX_CELLS, {
    levelRng: fosl1 ? streamFor(seed, subject, `${name}/fosl1`) : undefined,
  });
}

/** Index of time t on a plan's record grid. */
export function recordIndex(plan: SubjectPlan, timeH: number): number {
  const times = plan.timeline.recordTimes;
  const k = Math.round(timeH / plan.scenario.time.recordEveryH);
  if (k >= 0 && k < times.length && Math.abs(times[k] - timeH) <= TIME_TOLERANCE_H) return k;
  for (let i = 0; i < times.length; i++) if (Math.abs(times[i] - timeH) <= TIME_TOLERANCE_H) return i;
  throw new Error(`internal: time ${timeH} h is not a record time of the fit's grid`);
}

/** Cells of each quantity at record k, as [quantity, total] (total = all living cells). */
export function cellsAt(o: ReplicateOutcome, k: number, q: Quantity): { readonly cells: number; readonly total: number } {
  const S = o.sensitive[k];
  const P = o.persister[k];
  const R = o.resistant?.[k] ?? 0;
  const total = S + P + R;
  const cells = q === 'total' ? total : q === 'sensitive' ? S : q === 'persister' ? P : R;
  return { cells, total };
}
