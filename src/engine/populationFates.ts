// Fate probabilities of one cell over a sub-step of h hours, for the leap of the population
// engine (binomial tau-leaping: Tian & Burrage 2004, J Chem Phys 121:10356; Chatterjee,
// Vlachos & Katsoulakis 2005, J Chem Phys 122:024112: fates drawn as chained binomials, so
// counts never go negative). A cell either dies, divides once, moves once or stays. Rather
// than the first-event probabilities (k_i / K)(1 - e^{-K h}), which lose the events of
// daughters within the step and bias the mean by O(K h) per step, the probabilities are
// matched to the exact moments of the process over the step:
//   - the expected number of cells in each compartment descending from one cell (the
//     column of the exact mean matrix exp(A h)) is reproduced exactly: move = M_jc,
//     stay + 2 divide = M_cc;
//   - divide = E[X (X - 1)] / 2, the second factorial moment of the cell's own-compartment
//     descendants X (linear birth-death with the moves as losses; Kendall 1948, Ann Math
//     Stat 19:1), so the per-cell variance of X is exact too;
//   - die takes the rest.
// Since a linear branching process's mean and variance at the end of a step follow from the
// per-cell mean and variance of its offspring, the leap's mean is exact at any step and
// its variance is exact up to the covariances of different compartments, O(h^2).
import type { Transitions } from './populationModel.js';

/** (e^{x h} - 1) / x, continuous at x = 0. */
export function expm1Over(x: number, h: number): number {
  const xh = x * h;
  return Math.abs(xh) > 1e-8 ? Math.expm1(xh) / x : h * (1 + xh / 2);
}

/** E[X (X - 1)] of a linear birth-death process (birth b, loss d) from one cell after h: 2 b m (m - 1) / (b - d), m = e^{(b - d) h}. */
export function factorialMoment2(b: number, d: number, h: number): number {
  const r = b - d;
  return 2 * b * Math.exp(r * h) * expm1Over(r, h);
}

/**
 * Sets tr.pDie[c], tr.pDivide[c] and tr.growth[c] from the cell's expected own-compartment
 * descendants `own`, its expected descendants elsewhere `moved` (whose fates, tr.pMove, the
 * caller sets) and the factorial moment f2. Division is raised above f2 / 2 when needed to
 * keep death non-negative. Returns false when the step is too long (stay would be negative).
 */
export function setFates(tr: Transitions, c: number, own: number, moved: number, f2: number): boolean {
  const divide = Math.max(f2 / 2, own + moved - 1);
  const stay = own - 2 * divide;
  if (stay < -1e-12) return false;
  const die = 1 - Math.max(0, stay) - divide - moved;
  tr.pDivide[c] = divide;
  tr.pDie[c] = die > 0 ? die : 0;
  tr.growth[c] = 1 - tr.pDie[c] + divide;
  return true;
}
