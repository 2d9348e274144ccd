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
// Random numbers come from the replicate's own "fosl1" stream, one standard normal per
// living cell per step (persisters first, then sensitive cells, each pool from its last slot
// down) and two per division, so the Gillespie stream is untouched by the level.
import { isSmallInteger } from '../model/fosl1Drift.js';
import { drawSteadyState, populationSteadyState } from '../model/fosl1SteadyState.js';
import type { Fosl1Switch, Scenario } from '../model/scenario.js';
import type { Timeline } from '../model/timeline.js';
import { fillNormal, normal } from '../rng/normalZiggurat.js';
import type { RandomStream } from '../rng/stream.js';
import { CellStore, PERSISTER, SENSITIVE } from './cellStore.js';

/** The levels of the living cells of each pool (views into the store, valid until the next event). */
export interface LevelView {
  readonly sensitive: Float64Array;
  readonly persister: Float64Array;
}

export class Fosl1Levels {
  /** Field index of the level in the store. */
  private readonly field: number;
  private noise = new Float64Array(0);
  private readonly integerHill: boolean;
  /** Threshold crossings so far. */
  entries = 0;
  exits = 0;

  constructor(
    private readonly s: Scenario,
    private readonly sw: Fosl1Switch,
    private readonly tl: Timeline,
    private readonly store: CellStore,
    private readonly rng: RandomStream,
  ) {
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
    const tl = this.tl;
    const store = this.store;
    const counts = store.counts;
    const nP = counts[PERSISTER];
    const nS = counts[SENSITIVE];
    if (this.noise.length < nP + nS) this.noise = new Float64Array(Math.max(1024, 2 * (nP + nS)));
    const z = this.noise;
    if (sw.noise > 0) fillNormal(this.rng, z, nP + nS);
    const dt = tl.boundaries[i + 1] - tl.boundaries[i];
    const P = tl.block[i];
    const a0 = dt * (P * sw.basal + sw.stressGain * tl.blockedStress[i]);
    const a1 = 1 - dt * (sw.decay + tl.promote[i]);
    const a2 = dt * P * sw.feedback;
    const sn = sw.noise > 0 ? sw.noise * Math.sqrt(dt) : 0;
    const invK = 1 / sw.halfSaturation;
    const n = sw.hill;
    const intN = this.integerHill;

    const lvP = store.fields[this.field][PERSISTER];
    const off = sw.offThreshold;
    for (let k = nP - 1; k >= 0; k--) {
      const x = lvP[k];
      const u = hillPower(x * invK, n, intN);
      let y = a1 * x + a0 + (a2 * u) / (1 + u) + sn * z[k];
      if (y < 0) y = 0;
      lvP[k] = y;
      if (y < off) {
        store.move(PERSISTER, k, SENSITIVE, timeH);
        this.exits++;
      }
    }

    const lvS = store.fields[this.field][SENSITIVE];
    const on = sw.onThreshold;
    for (let k = nS - 1; k >= 0; k--) {
      const x = lvS[k];
      const u = hillPower(x * invK, n, intN);
      let y = a1 * x + a0 + (a2 * u) / (1 + u) + sn * z[nP + k];
      if (y < 0) y = 0;
      lvS[k] = y;
      if (y > on) {
        store.move(SENSITIVE, k, PERSISTER, timeH);
        this.entries++;
      }
    }
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

/** u^n, by repeated squaring when n is a small integer (faster than Math.pow in the hot loop). */
function hillPower(u: number, n: number, integer: boolean): number {
  if (!integer) return Math.pow(u, n);
  let un = 1;
  for (let e = n; e > 0; e >>= 1) {
    if (e & 1) un *= u;
    u *= u;
  }
  return un;
}
