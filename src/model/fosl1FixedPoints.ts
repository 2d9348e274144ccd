// Fixed points of the FOSL1 drift f(x) = 0 under a constant forcing, and their stability: a
// root where f goes from + to - attracts (a steady level), one where it goes from - to +
// repels (the barrier between two steady levels). Two attracting roots: the switch is
// bistable. Every root lies in [0, xMax] with xMax = (P (basal + feedback) + stress_gain P
// stress) / (decay + promote), beyond which production cannot match the loss. Found by a
// scan of FIXED_POINT_GRID cells and bisection to machine precision; a root where f only
// touches 0 (the exact fold of a bifurcation) may be missed.
import { fosl1Drift, type Fosl1Forcing } from './fosl1Drift.js';
import type { Fosl1Switch } from './scenario.js';

export const FIXED_POINT_GRID = 4000;

export interface FixedPoint {
  readonly level: number;
  readonly stable: boolean;
}

/** The largest level the drift can sustain: f(x) < 0 beyond it. */
export function levelCeiling(sw: Fosl1Switch, f: Fosl1Forcing): number {
  const loss = sw.decay + f.promote;
  if (loss <= 0) return Infinity;
  return (f.block * (sw.basal + sw.feedback) + sw.stressGain * f.blockedStress) / loss;
}

/** Roots of the drift in increasing order (none when decay + promote = 0 and production > 0). */
export function fixedPoints(sw: Fosl1Switch, f: Fosl1Forcing): FixedPoint[] {
  const top = levelCeiling(sw, f);
  const drift = (x: number) => fosl1Drift(sw, x, f);
  const out: FixedPoint[] = [];
  if (!Number.isFinite(top)) return out;
  const f0 = drift(0);
  const xMax = top * (1 + 1e-9) + 1e-12;
  // No production at 0 (basal 0, no stress): 0 is a root, attracting unless the feedback lifts the level off it.
  if (f0 <= 0) out.push({ level: 0, stable: drift(xMax * 1e-9) <= 0 });
  if (top <= 0) return out;
  let a = 0;
  let fa = f0;
  for (let i = 1; i <= FIXED_POINT_GRID; i++) {
    const b = (xMax * i) / FIXED_POINT_GRID;
    const fb = drift(b);
    if ((fa > 0 && fb <= 0) || (fa < 0 && fb >= 0)) {
      const stable = fa > 0;
      let lo = a;
      let hi = b;
      for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
        const mid = 0.5 * (lo + hi);
        if (drift(mid) > 0 === stable) lo = mid;
        else hi = mid;
      }
      out.push({ level: 0.5 * (lo + hi), stable });
    }
    a = b;
    fa = fb;
  }
  return out;
}

/** The steady level reached from x = 0 without noise: the lowest attracting root. */
export function lowestSteadyLevel(sw: Fosl1Switch, f: Fosl1Forcing): number {
  const fp = fixedPoints(sw, f).find((p) => p.stable);
  return fp === undefined ? 0 : fp.level;
}
