// Extinction probabilities of linear branching processes.
// - One type, birth b and death d per cell (Kendall 1948; SCIENCE.md D4):
//     p0(t) = d (e^{rt} - 1) / (b e^{rt} - d), r = b - d;  eventual q = min(1, d/b);
//   from n cells raise to the power n.
// - Two types with switching (SCIENCE.md D5): (q_S, q_P) is the smallest solution in [0,1]^2
//   of q = F(q), F the offspring generating functions per event:
//     F_S = (b_S q_S^2 + d_S + a q_P) / (b_S + d_S + a),  F_P = (b_P q_P^2 + d_P + b q_S) / (b_P + d_P + b).
//   It is (1, 1) iff the dominant eigenvalue of the mean matrix is <= 0 (Harris 1963; for a
//   non-singular process: not one where some lineage can only persist). Otherwise it is
//   found by Newton's method from (0, 0), which for such monotone polynomial systems rises
//   monotonically to the least fixed point (Etessami & Yannakakis 2009; Esparza, Kiefer &
//   Luttenberger 2010), with plain iteration q <- F(q) (Kleene, also monotone) as fallback.
import type { CellRates } from '../model/rates.js';
import { eigenvalues2, meanMatrix } from './twoType.js';

/** Kendall's p0(t): probability that one cell's lineage is extinct by time t. */
export function kendallExtinctionByTime(birth: number, death: number, t: number): number {
  const r = birth - death;
  if (r === 0) return (death * t) / (1 + death * t);
  if (r > 0) {
    const u = -Math.expm1(-r * t);
    return (death * u) / (r + death * u);
  }
  const v = Math.expm1(r * t);
  return (death * v) / (birth * v + r);
}

/** Probability that one cell's lineage eventually dies out: min(1, death/birth). */
export function eventualExtinction(birth: number, death: number): number {
  return birth <= death ? 1 : death / birth;
}

export interface TwoTypeExtinction {
  /** Extinction probability of the lineage of one sensitive cell. */
  sensitive: number;
  /** Extinction probability of the lineage of one persister cell. */
  persister: number;
}

export type BranchingRates = Pick<CellRates, 'divisionS' | 'deathS' | 'entry' | 'divisionP' | 'deathP' | 'exit'>;

const MAX_ITERATIONS = 100_000;

export function twoTypeExtinction(r: Readonly<BranchingRates>): TwoTypeExtinction {
  const rS = r.divisionS + r.deathS + r.entry;
  const rP = r.divisionP + r.deathP + r.exit;
  // Singular processes (a type with no events, or switching only) conserve cells: immortal lineages.
  const singular = rS === 0 || rP === 0 || r.divisionS + r.deathS + r.divisionP + r.deathP === 0;
  if (!singular && eigenvalues2(meanMatrix({ ...r, stress: 0 }))[1] <= 0) return { sensitive: 1, persister: 1 };
  // A type with no events lives forever: F = 0.
  const fS = (s: number, p: number) => (rS > 0 ? (r.divisionS * s * s + r.deathS + r.entry * p) / rS : 0);
  const fP = (s: number, p: number) => (rP > 0 ? (r.divisionP * p * p + r.deathP + r.exit * s) / rP : 0);
  let s = 0;
  let p = 0;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const gS = fS(s, p) - s;
    const gP = fP(s, p) - p;
    // I - F'(q): a nonsingular M-matrix below the fixed point makes the Newton step >= 0.
    const j11 = 1 - (rS > 0 ? (2 * r.divisionS * s) / rS : 0);
    const j12 = -(rS > 0 ? r.entry / rS : 0);
    const j21 = -(rP > 0 ? r.exit / rP : 0);
    const j22 = 1 - (rP > 0 ? (2 * r.divisionP * p) / rP : 0);
    const det = j11 * j22 - j12 * j21;
    let dS = gS;
    let dP = gP;
    if (j11 > 0 && j22 > 0 && det > 0) {
      dS = (j22 * gS - j12 * gP) / det;
      dP = (j11 * gP - j21 * gS) / det;
    }
    if (!(dS >= 0 && dP >= 0) || s + dS > 1 || p + dP > 1) {
      // A step that would leave [0, 1] (near a critical type, where I - F'(q) is nearly
      // singular, Newton's coupled step overshoots): a Gauss-Seidel sweep of exact roots
      // instead, which from below the fixed point stays below it.
      const s1 = smallerRoot(r.divisionS, rS, r.deathS + r.entry * p, s);
      const p1 = smallerRoot(r.divisionP, rP, r.deathP + r.exit * s1, p);
      dS = s1 - s;
      dP = p1 - p;
    }
    s = Math.min(1, s + Math.max(0, dS));
    p = Math.min(1, p + Math.max(0, dP));
    if (dS <= 4e-16 && dP <= 4e-16) break;
  }
  return { sensitive: s, persister: p };
}

/**
 * The smaller root in [0, 1] of beta x^2 - rho x + c = 0 (one type's extinction equation with
 * the other type's held), in the cancellation-free form 2c / (rho + sqrt(rho^2 - 4 beta c)).
 * A type with no events (rho = 0) never dies: its value `none` is kept (0 from the start).
 */
function smallerRoot(beta: number, rho: number, c: number, none: number): number {
  if (rho === 0) return none;
  const disc = Math.max(0, rho * rho - 4 * beta * c);
  return Math.min(1, (2 * c) / (rho + Math.sqrt(disc)));
}

/** log10 of the probability that every lineage of (nS, nP) cells dies out (q_S^nS q_P^nP). */
export function log10Cure(q: TwoTypeExtinction, nS: number, nP: number): number {
  const term = (x: number, n: number) => (n === 0 ? 0 : n * Math.log10(x));
  return term(q.sensitive, nS) + term(q.persister, nP);
}
