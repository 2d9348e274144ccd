// The FOSL1 switch in the agent engine: every cell's level (a per-cell field of the
// CellStore) and the phenotype that follows it. Births and deaths are drawn by the agent
// engine's Gillespie loop within a step; then, at the end of the step, every living cell's
// level advances by one Euler-Maruyama step (Maruyama 1955, Rend Circ Mat Palermo 4:48;
// Kloeden & Platen 1992, Numerical Solution of Stochastic Differential Equations) with the
// step's averaged forcing,
//   x <- max(0, x + f(x) dt + noise sqrt(dt) Z),
// the projection onto x >= 0 being the Euler scheme for the reflected SDE (Slominski 1994,
// Stoch Proc Appl 50:197; Lepingle 1995, Math Comput Simul 38:119). Unlike the symmetric
// rule |x|, it preserves order, so on the same noise a stronger drift never gives a lower
// level. Then phenotype follows the level with hysteresis: a sensitive cell above the on
// threshold moves to the persister pool, a persister below the off threshold to the
// sensitive pool. At a division both daughters get the mother's level plus independent
// Gaussian noise (the mother's slot and the new slot).
//
// `initial_level: stationary` draws every initial cell's level and phenotype from the steady
// state of the growing, untreated tumour (model/fosl1SteadyState.ts).
//
// Random numbers come from the replicate's own "fosl1" stream (xoshiro128**, stepped inline in
// the update with its state in locals; any other stream given is replaced by a xoshiro128**
// stream seeded from it), one standard normal per living cell per step (persisters first,
// then sensitive cells, each pool in slot order; the ziggurat, rng/normalZiggurat.ts) and two
// per division, so the Gillespie stream is untouched by the level.
import { isSmallInteger } from '../model/fosl1Drift.js';
import { drawSteadyState, populationSteadyState } from '../model/fosl1SteadyState.js';
import type { Fosl1Switch, Scenario } from '../model/scenario.js';
import type { Timeline } from '../model/timeline.js';
import { NORMAL_CORE, NORMAL_STEP, normal, normalOutsideCoreOn } from '../rng/normalZiggurat.js';
import type { RandomStream } from '../rng/stream.js';
import { asXoshiro, type XoshiroStream } from '../rng/xoshiro128.js';
import { CellStore, PERSISTER, SENSITIVE } from './cellStore.js';

/** The levels of the living cells of each pool (views into the store, valid until the next event). */
export interface LevelView {
  readonly sensitive: Float64Array;
  readonly persister: Float64Array;
}

/** One step's update y = max(0, a1 x + a0 + a2 h(x) + sn Z), h(x) = u / (1 + u), u = (x / K)^n. */
export interface StepCoefficients {
  a0: number;
  a1: number;
  a2: number;
  sn: number;
}

export class Fosl1Levels {
  /** Field index of the level in the store. */
  private readonly field: number;
  /** The step's coefficients. */
  private readonly coef: StepCoefficients = { a0: 0, a1: 0, a2: 0, sn: 0 };
  /** Slots of one pool that crossed their threshold in this step (grown when full). */
  private crossed: Int32Array = new Int32Array(256);
  private readonly rng: XoshiroStream;
  private readonly integerHill: boolean;
  /** Threshold crossings so far. */
  entries = 0;
  exits = 0;

  constructor(
    private readonly s: Scenario,
    private readonly sw: Fosl1Switch,
    private readonly tl: Timeline,
    private readonly store: CellStore,
    rng: RandomStream,
  ) {
    this.rng = asXoshiro(rng);
    this.field = store.addField('float64');
    this.integerHill = isSmallInteger(sw.hill);
  }

  /** Adds the n initial cells, each with its level and the phenotype of that level. */
  seed(n: number): void {
    const sw = this.sw;
    const store = this.store;
    if (sw.initialLevel === 'stationary') {
      const st = populationSteadyState(sw, this.s.phenotypes.sensitive, this.s.phenotypes.persister);
      const flag = { isPersister: false };
      for (let c = 0; c < n; c++) {
        const level = drawSteadyState(st, this.rng.double(), this.rng(), flag);
        const p = flag.isPersister ? PERSISTER : SENSITIVE;
        const k = store.add(p, 0);
        store.fields[this.field][p][k] = level;
      }
    } else {
      const p = sw.initialLevel > sw.onThreshold ? PERSISTER : SENSITIVE;
      for (let c = 0; c < n; c++) {
        const k = store.add(p, 0);
        store.fields[this.field][p][k] = sw.initialLevel;
      }
    }
  }

  /** After store.divide(p, k) appended slot j: both daughters get the mother's level plus noise. */
  born(p: number, k: number, j: number): void {
    const sd = this.sw.inheritanceNoise;
    if (sd === 0) return;
    const a = this.store.fields[this.field][p];
    const mother = a[k];
    a[k] = Math.max(0, mother + sd * normal(this.rng));
    a[j] = Math.max(0, mother + sd * normal(this.rng));
  }

  /** Advances every level over step i of the timeline, then moves the cells that crossed a threshold. */
  advance(i: number, timeH: number): void {
    const sw = this.sw;
    const store = this.store;
    const counts = store.counts;
    this.coefficients(i);
    // Persisters first (normals 0 .. nP - 1), then the sensitive cells as they were before the
    // persisters that fell below the off threshold joined them (normals nP .. nP + nS - 1).
    const nP = counts[PERSISTER];
    const nS = counts[SENSITIVE];
    const exits = this.stepPool(store.fields[this.field][PERSISTER] as Float64Array, nP, sw.offThreshold, -1);
    for (let j = exits - 1; j >= 0; j--) store.move(PERSISTER, this.crossed[j], SENSITIVE, timeH);
    this.exits += exits;
    const entries = this.stepPool(store.fields[this.field][SENSITIVE] as Float64Array, nS, sw.onThreshold, 1);
    for (let j = entries - 1; j >= 0; j--) store.move(SENSITIVE, this.crossed[j], PERSISTER, timeH);
    this.entries += entries;
  }

  /** The coefficients of step i (y = a1 x + a0 + a2 h(x) + sn Z), kept for the update; read by the bench's C anchor. */
  coefficients(i: number): Readonly<StepCoefficients> {
    const sw = this.sw;
    const tl = this.tl;
    const dt = tl.boundaries[i + 1] - tl.boundaries[i];
    const P = tl.block[i];
    const c = this.coef;
    c.a0 = dt * (P * sw.basal + sw.stressGain * tl.blockedStress[i]);
    c.a1 = 1 - dt * (sw.decay + tl.promote[i]);
    c.a2 = dt * P * sw.feedback;
    c.sn = sw.noise > 0 ? sw.noise * Math.sqrt(dt) : 0;
    return c;
  }

  /**
   * One Euler-Maruyama step of lv[0 .. count - 1] with the coefficients of `coef`, slot k on the
   * stream's k-th normal of the pool (xoshiro128** and the ziggurat's common case inlined, the
   * state in locals); the slots whose new level lies beyond `threshold` in direction `dir`
   * (+1 above, -1 below) go to `crossed`, increasing; returns how many. Moving them afterwards,
   * from the last down, leaves the pools as moving each at its turn in a loop from the last
   * slot down would (a move only touches its slot and the pool's last).
   */
  private stepPool(lv: Float64Array, count: number, threshold: number, dir: number): number {
    const { a0, a1, a2, sn } = this.coef;
    const invK = 1 / this.sw.halfSaturation;
    const hill = this.sw.hill;
    const intHill = this.integerHill;
    const noisy = sn > 0;
    const state = this.rng.state;
    let s0 = state[0];
    let s1 = state[1];
    let s2 = state[2];
    let s3 = state[3];
    let t = 0;
    let crossed = this.crossed;
    let n = 0;
    for (let k = 0; k < count; k++) {
      let z = 0;
      if (noisy) {
        t = Math.imul(s1, 5);
        const w = Math.imul((t << 7) | (t >>> 25), 9);
        t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
        const m = w >> 8;
        const layer = w & 127;
        if (Math.abs(m) < NORMAL_CORE[layer]) z = m * NORMAL_STEP[layer];
        else {
          state[0] = s0; state[1] = s1; state[2] = s2; state[3] = s3;
          z = normalOutsideCoreOn(state, w);
          s0 = state[0]; s1 = state[1]; s2 = state[2]; s3 = state[3];
        }
      }
      const x = lv[k];
      // u^hill, by repeated squaring when hill is a small integer (faster than Math.pow).
      let u = x * invK;
      let un = 1;
      if (intHill) {
        for (let e = hill; e > 0; e >>= 1) {
          if (e & 1) un *= u;
          u *= u;
        }
      } else un = Math.pow(u, hill);
      let y = a1 * x + a0 + (a2 * un) / (1 + un) + sn * z;
      if (y < 0) y = 0;
      lv[k] = y;
      if (dir * (y - threshold) > 0) {
        if (n === crossed.length) crossed = this.growCrossed();
        crossed[n++] = k;
      }
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
    return n;
  }

  private growCrossed(): Int32Array {
    const next = new Int32Array(2 * this.crossed.length);
    next.set(this.crossed);
    this.crossed = next;
    return next;
  }

  /** Mean and standard deviation (over the living cells, divisor N) of the level; NaN without cells. */
  moments(out: { mean: number; sd: number }): void {
    let n = 0;
    let sum = 0;
    for (let p = 0; p < 2; p++) {
      const a = this.store.fields[this.field][p];
      const c = this.store.counts[p];
      for (let k = 0; k < c; k++) sum += a[k];
      n += c;
    }
    const mean = sum / n;
    let ss = 0;
    for (let p = 0; p < 2; p++) {
      const a = this.store.fields[this.field][p];
      const c = this.store.counts[p];
      for (let k = 0; k < c; k++) ss += (a[k] - mean) * (a[k] - mean);
    }
    out.mean = n > 0 ? mean : NaN;
    out.sd = n > 0 ? Math.sqrt(ss / n) : NaN;
  }

  view(): LevelView {
    const f = this.store.fields[this.field] as Float64Array[];
    return { sensitive: f[SENSITIVE].subarray(0, this.store.counts[SENSITIVE]), persister: f[PERSISTER].subarray(0, this.store.counts[PERSISTER]) };
  }
}
