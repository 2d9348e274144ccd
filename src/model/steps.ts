// The step grid: the times at which the drug-dependent rates may change. Within a step the
// rates are held at their average over the step; the engines draw events exactly in
// continuous time inside it, so the step discretises only the drug's time course.
//
// Default step rule (documented in the README): dt = min(record_every, half_life / 10 over
// the bolus drugs). Every dose time, every square-pulse end and every record time is also a
// step boundary, so square pulses are represented exactly. With half_life / 10 the effect
// changes by at most 7% across a step, and averaging it over the step (3-point
// Gauss-Legendre) keeps the mean trajectory within 0.1% of the exact mean in the tests.
import type { Scenario } from './scenario.js';
import { drugBreakpoints } from './pkpd.js';

export const HALF_LIFE_STEPS = 10;

export function defaultStep(s: Scenario): number {
  let dt = s.time.recordEveryH;
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
  pts.sort((a, b) => a - b);
  const out: number[] = [];
  const tol = 1e-9 * Math.max(1, h);
  for (const t of pts) if (out.length === 0 || t - out[out.length - 1] > tol) out.push(t);
  out[out.length - 1] = h;
  return Float64Array.from(out);
}
