// The end-of-sub-step jumps of the FOSL1 lattice: a continuous-time Markov chain over the
// compartments with generator Q (one-bin jumps at the Scharfetter-Gummel rates of
// populationFosl1.ts), advanced over a sub-step of h hours by the second-order Taylor
// polynomial of its transition matrix,
//   exp(Q h) ~ I + Q h + (Q h)^2 / 2,
// whose columns sum to 1 and whose entries are non-negative while h (K_c + K_j) / 2 <= 1
// for neighbouring compartments c, j (K the total jump rate out of a compartment): a cell
// jumps to a neighbour j with probability q_cj h (1 - h (K_c + K_j) / 2), two bins along the
// path c -> j -> k with probability q_cj q_jk h^2 / 2, or stays. The first-order (Euler)
// step I + Q h keeps the stationary distribution but is slow by O(h) in the transients (the
// level's relaxation after a change of drug), which shows at once in the rates of crossing
// a threshold; the second-order step removes that error to O(h^2).
import type { Sparse } from './populationModel.js';

export class LatticeJumps {
  /** One-bin jumps of each compartment (targets; rates filled per step in `rate`). */
  readonly one: Sparse;
  readonly rate: Float64Array;
  /** Every compartment reachable in one or two jumps, other than the compartment itself. */
  readonly jumps: Sparse;
  /** For one-bin jump e: its position in jumps.to. */
  private readonly oneAt: Int32Array;
  /** For the two-jump path (one-bin jump e, then one-bin jump f of its target): start of e's paths in pathAt. */
  private readonly pathStart: Int32Array;
  /** Position in jumps.to of each two-jump path, or -1 when it returns to where it started. */
  private readonly pathAt: Int32Array;
  /** Largest total jump rate out of a compartment (set by `probabilities`' caller through `rate`). */
  maxRate = 0;
  private readonly out: Float64Array;
  /** Per compartment: 1 when its last jump probabilities are probabilities. */
  private readonly valid: Uint8Array;

  constructor(one: number[][]) {
    const n = one.length;
    const oneStart = new Int32Array(n + 1);
    for (let c = 0; c < n; c++) oneStart[c + 1] = oneStart[c] + one[c].length;
    this.one = { start: oneStart, to: Int32Array.from(one.flat()) };
    this.rate = new Float64Array(this.one.to.length);
    this.out = new Float64Array(n);
    this.valid = new Uint8Array(n);
    const all: number[][] = [];
    const oneAt: number[] = [];
    const pathStart: number[] = [];
    const pathAt: number[] = [];
    for (let c = 0; c < n; c++) {
      const targets: number[] = [];
      const at = (to: number) => {
        if (to === c) return -1;
        let k = targets.indexOf(to);
        if (k < 0) k = targets.push(to) - 1;
        return k;
      };
      const local: number[] = [];
      for (const j of one[c]) local.push(at(j));
      const paths: number[] = [];
      for (const j of one[c]) {
        pathStart.push(pathAt.length + paths.length);
        for (const k of one[j]) paths.push(at(k));
      }
      const base = all.reduce((s, l) => s + l.length, 0);
      for (const k of local) oneAt.push(base + k);
      for (const k of paths) pathAt.push(k < 0 ? -1 : base + k);
      all.push(targets);
    }
    pathStart.push(pathAt.length);
    const start = new Int32Array(n + 1);
    for (let c = 0; c < n; c++) start[c + 1] = start[c] + all[c].length;
    this.jumps = { start, to: Int32Array.from(all.flat()) };
    this.oneAt = Int32Array.from(oneAt);
    this.pathStart = Int32Array.from(pathStart);
    this.pathAt = Int32Array.from(pathAt);
  }

  /** Total one-bin jump rate out of every compartment, into `out`; returns the largest. */
  private totals(): number {
    const { one, rate, out } = this;
    let max = 0;
    for (let c = 0; c < out.length; c++) {
      let k = 0;
      for (let e = one.start[c]; e < one.start[c + 1]; e++) k += rate[e];
      out[c] = k;
      if (k > max) max = k;
    }
    this.maxRate = max;
    return max;
  }

  /**
   * The largest total jump rate out of a compartment holding cells or next to one, at the
   * current rates: what the sub-step must resolve (empty bins far out in the tails, where the
   * drift is strongest, do not hold the step back).
   */
  largestRateNear(counts: Float64Array): number {
    this.totals();
    const { one, out: K } = this;
    let max = 0;
    for (let c = 0; c < K.length; c++) {
      if (counts[c] === 0) continue;
      if (K[c] > max) max = K[c];
      for (let e = one.start[c]; e < one.start[c + 1]; e++) if (K[one.to[e]] > max) max = K[one.to[e]];
    }
    return max;
  }

  /**
   * Jump probabilities over h hours into p, aligned with jumps.to, for every compartment; `valid[c]`
   * says whether compartment c's are probabilities (h short enough for its rates and its neighbours').
   */
  probabilities(h: number, p: Float64Array): void {
    this.totals();
    const { one, rate, out: K, oneAt, pathStart, pathAt, valid } = this;
    p.fill(0);
    valid.fill(1);
    const h2 = (h * h) / 2;
    for (let c = 0; c < K.length; c++) {
      for (let e = one.start[c]; e < one.start[c + 1]; e++) {
        const j = one.to[e];
        const q = rate[e];
        const first = q * h * (1 - (h * (K[c] + K[j])) / 2);
        if (first < 0) valid[c] = 0;
        p[oneAt[e]] += first;
        let path = pathStart[e];
        for (let f = one.start[j]; f < one.start[j + 1]; f++, path++) {
          if (pathAt[path] >= 0) p[pathAt[path]] += h2 * q * rate[f];
        }
      }
      let sum = 0;
      for (let k = this.jumps.start[c]; k < this.jumps.start[c + 1]; k++) sum += p[k];
      if (sum > 1) valid[c] = 0;
    }
  }

  /** Whether compartment c's last jump probabilities are probabilities. */
  isValid(c: number): boolean {
    return this.valid[c] === 1;
  }
}
