// The step grid: the times at which the drug-dependent rates may change. Within a step the
// rates are held at their average over the step; the engines draw events exactly in
// continuous time inside it, so the step discretises only the drug's time course.
//
// Default step rule (documented in the README): dt = min(record_every, half_life / 10 over
// the bolus drugs). Every dose time, every square-pulse end and every record time is also a
// step boundary, so square pulses are represented exactly; so are the lineage sample times
// and the check times of an adaptive drug, at which the engine reads the cells. With half_life / 10 the effect
// changes by at most 7% across a step, and averaging it over the step (3-point
// Gauss-Legendre) keeps the mean trajectory within 0.1% of the exact mean in the tests.
//
// Under the FOSL1 switch the step also discretises each cell's level (Euler-Maruyama), so
// dt <= FOSL1_STEP_FRACTION / L as well, where L = max(decay + the promote-exit drugs'
// potencies, feedback x max h') bounds |f'(x)|, the drug-free and drug-forced drift's rate of
// change: the fastest rate at which a level relaxes or runs away. Euler's error on a
// relaxation is at most about L dt / 5 of the distance travelled; with L dt <= 0.015 a noise-free
// level stays within 0.5% of its exact ODE even through a fivefold drop driven by a
// promote-exit drug (test/fosl1), and the bias of the stationary variance of the level,
// L dt / 2, is at most 0.75%. Since (decay + promote) dt < 1 the update also preserves order
// (a higher level stays higher), so a stronger drug never raises a level.
import { adaptiveCheckTimes } from './adaptiveRule.js';
import { driftSlopeBound } from './fosl1Drift.js';
import type { Scenario } from './scenario.js';
import { drugBreakpoints } from './pkpd.js';

export const HALF_LIFE_STEPS = 10;
export const FOSL1_STEP_FRACTION = 0.015;

/** The largest step the FOSL1 level allows (Infinity for the two-state switch). */
export function fosl1StepLimit(s: Scenario): number {
  if (s.switch.model !== 'fosl1') return Infinity;
  let maxPromote = 0;
  for (const d of s.drugs) if (d.effect === 'promote-exit' && d.doses.some((x) => x.amount > 0)) maxPromote += d.potency;
  const L = driftSlopeBound(s.switch, maxPromote);
  return L > 0 ? FOSL1_STEP_FRACTION / L : Infinity;
}

export function defaultStep(s: Scenario): number {
  let dt = Math.min(s.time.recordEveryH, fosl1StepLimit(s));
  for (const d of s.drugs) {
    if (d.halfLifeH !== null && d.doses.some((x) => x.amount > 0)) dt = Math.min(dt, d.halfLifeH / HALF_LIFE_STEPS);
  }
  return dt;
}

export function stepOf(s: Scenario): number {
  return s.time.dtH ?? defaultStep(s);
}

/** Record times: 0, record_every, 2 record_every, ... up to the horizon, and the horizon. */
export function recordTimes(s: Scenario): Float64Array {
  const { horizonH, recordEveryH } = s.time;
  const out: number[] = [];
  const n = Math.floor(horizonH / recordEveryH + 1e-9);
  for (let k = 0; k <= n; k++) out.push(k * recordEveryH);
  if (horizonH - out[out.length - 1] > 1e-9 * horizonH) out.push(horizonH);
  return Float64Array.from(out);
}

/** Sorted, de-duplicated step boundaries from 0 to the horizon. */
export function stepBoundaries(s: Scenario, dt: number, records: Float64Array): Float64Array {
  const h = s.time.horizonH;
  const pts: number[] = [0, h];
  const nGrid = Math.ceil(h / dt - 1e-9);
  for (let k = 1; k < nGrid; k++) pts.push(k * dt);
  for (const t of records) pts.push(t);
  for (const d of s.drugs) for (const t of drugBreakpoints(d)) if (t > 0 && t < h) pts.push(t);
  for (const t of s.lineage?.sampleAtH ?? []) if (t > 0 && t < h) pts.push(t);
  for (const d of s.drugs) if (d.adaptive !== undefined) for (const t of adaptiveCheckTimes(d.adaptive, h)) if (t > 0) pts.push(t);
  pts.sort((a, b) => a - b);
  const out: number[] = [];
  const tol = 1e-9 * Math.max(1, h);
  for (const t of pts) if (out.length === 0 || t - out[out.length - 1] > tol) out.push(t);
  out[out.length - 1] = h;
  return Float64Array.from(out);
}
