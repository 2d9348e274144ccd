// How many bins the population engine's FOSL1 lattice needs (engine/populationFosl1.ts): the
// cell Peclet rule. The lattice's Scharfetter-Gummel jumps (Scharfetter & Gummel 1969, IEEE
// Trans Electron Devices 16:64; Il'in 1969, Math Notes 6:596) keep the stationary density
// exactly, but carry a moving one with the diffusion D Pe coth(Pe) instead of D, where
// D = noise^2 / 2 and Pe = |f| dx / (2 D) is the cell Peclet number of the drift f on bins of
// width dx (the variance rate of a one-bin walk with drift f is at least |f| dx, so no
// positive nearest-bin rates do better: only narrower bins help). The excess, Pe coth(Pe) - 1
// ~ Pe^2 / 3, is held to about 2% (PECLET_MAX = 0.25) where a fixed initial level relaxes:
//   bins = ceil(F xMax / (2 D PECLET_MAX)), clamped to [DEFAULT_BINS, MAX_BINS],
// with xMax the grid's top (model/fosl1Grid.ts, whose bins are at most xMax / bins wide) and F
// the largest |f(x)| without drug on the path from the initial level to the steady level the
// drift takes it to (the nearest attracting root in the drift's direction). A stationary
// start moves no distribution (SG keeps it, and the rates of crossing the barrier between two
// steady levels, exactly), so it keeps the default 64 bins; so does a level without noise (no
// diffusion to compare with; the jumps are upwind). MAX_BINS = 512: the lattice's sub-step
// shrinks as dx^2 (its jump rates grow as D / dx^2, engine/populationStep.ts), so bins cost
// about their square to their cube in time.
//
// Left out, for their cost: the transits a drug drives (a kill drug's stress lifting the low
// steady level, an entry block or a promote-exit drug pushing persisters down) spread as fast
// as any. The same rule over those paths would give lesson 04 90 bins, 05 188, 08 161 and 07
// the cap, and their population-engine agreement tests (test/population/agreementFosl1*.ts)
// took 39 s instead of 9 s (05) and 158 s instead of 32 s (07, at 384 bins); lesson 07's run
// takes 0.3 s at 64 bins, 3.7 s at 256 and 29 s at 512. Those scenarios keep 64 bins unless
// asked (simulate's population.bins).
import { fosl1Drift, NO_DRUG } from './fosl1Drift.js';
import { fixedPoints } from './fosl1FixedPoints.js';
import { DEFAULT_BINS, gridTop } from './fosl1Grid.js';
import type { Fosl1Switch, Scenario } from './scenario.js';

/** The largest cell Peclet number the rule allows (numerical diffusion about 2% of the real one). */
export const PECLET_MAX = 0.25;
/** The most bins the rule gives. */
export const MAX_BINS = 512;
/** Levels at which the drift is evaluated along the path. */
const DRIFT_SAMPLES = 400;

/** The largest |drift| without drug on the path from a fixed initial level to the steady level it relaxes to; 0 from a stationary start. */
export function travelDrift(sw: Fosl1Switch): number {
  if (sw.initialLevel === 'stationary') return 0;
  const from = sw.initialLevel;
  const roots = fixedPoints(sw, NO_DRUG).filter((p) => p.stable).map((p) => p.level);
  const v = fosl1Drift(sw, from, NO_DRUG);
  const to = v > 0 ? (roots.find((r) => r > from) ?? from) : v < 0 ? ([...roots].reverse().find((r) => r < from) ?? from) : from;
  let F = 0;
  for (let i = 0; i <= DRIFT_SAMPLES; i++) F = Math.max(F, Math.abs(fosl1Drift(sw, from + ((to - from) * i) / DRIFT_SAMPLES, NO_DRUG)));
  return F;
}

/** The lattice's bins for a scenario: the cell Peclet rule of the header. */
export function latticeBins(s: Scenario, sw: Fosl1Switch): number {
  const D = (sw.noise * sw.noise) / 2;
  if (!(D > 0)) return DEFAULT_BINS;
  const need = Math.ceil((travelDrift(sw) * gridTop(s, sw)) / (2 * D * PECLET_MAX) - 1e-9);
  return Math.min(MAX_BINS, Math.max(DEFAULT_BINS, need));
}
