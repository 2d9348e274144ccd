// Mean first-passage times of one cell's FOSL1 level, in closed form up to quadrature, for
// `persim explain`: a diffusion dx = f dt + sigma dW on x >= 0, reflecting at 0, with
// stationary density p (model/fosl1Stationary.ts) takes on average
//   up, from a to b > a:   T = (2 / sigma^2) integral_a^b dy / p(y) integral_0^y p(z) dz,
//   down, from a to b < a: T = (2 / sigma^2) integral_b^a dy / p(y) integral_y^inf p(z) dz
// (Gardiner, Handbook of Stochastic Methods, 2nd ed. 1985, ch. 5). Both are computed on one grid
// in log space, so barriers of hundreds of noise units do not overflow before the answer does.
import type { Fosl1Forcing } from '../model/fosl1Drift.js';
import { gridEnd, logDensityGrid } from '../model/fosl1Stationary.js';
import type { Fosl1Switch } from '../model/scenario.js';

const GRID = 8192;

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** Mean time (hours) for the level to go from `from` to `to` under a constant forcing; Infinity without noise unless the drift gets there. */
export function meanPassageTime(sw: Fosl1Switch, f: Fosl1Forcing, from: number, to: number): number {
  if (from === to) return 0;
  if (sw.noise === 0) return NaN;
  // Up needs the density on [0, to] only; down needs its whole upper tail.
  const up = to > from;
  const xMax = up ? to : Math.max(gridEnd(sw, f), from) * 1.05;
  const { logP } = logDensityGrid(sw, f, xMax, GRID);
  const h = xMax / GRID;
  // logInner[i] = log of integral_0^{x_i} p (up) or integral_{x_i}^{xMax} p (down), trapezoid.
  const logInner = new Float64Array(GRID + 1);
  if (up) {
    logInner[0] = -Infinity;
    for (let i = 1; i <= GRID; i++) logInner[i] = logAddExp(logInner[i - 1], Math.log(h / 2) + logAddExp(logP[i - 1], logP[i]));
  } else {
    logInner[GRID] = -Infinity;
    for (let i = GRID - 1; i >= 0; i--) logInner[i] = logAddExp(logInner[i + 1], Math.log(h / 2) + logAddExp(logP[i], logP[i + 1]));
  }
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  let logT = -Infinity;
  for (let i = 0; i < GRID; i++) {
    const a = Math.max(lo, i * h);
    const b = Math.min(hi, (i + 1) * h);
    if (b <= a) continue;
    const mid = 0.5 * (logInner[i] - logP[i] + logInner[i + 1] - logP[i + 1]);
    logT = logAddExp(logT, mid + Math.log(b - a));
  }
  return Math.exp(logT + Math.log(2 / (sw.noise * sw.noise)));
}
