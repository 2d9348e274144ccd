// The distribution of the FOSL1 level at chosen times (levels.csv, the levels chart): per
// chosen time and per level bin, the share of a replicate's living cells in the bin, sensitive
// and persister cells apart, averaged over the replicates that have living cells then. A
// share rather than a count, so that a population-engine replicate of 1e11 cells and an
// agent-engine replicate of 1e4 cells weigh alike. Resistant cells carry no level and are
// left out (of the bins and of the living cells they are shares of).
//
// Times: switch.level_histogram_at, or by default 0, the end of the last scheduled drug
// exposure (last dose time, plus 5 half-lives for a bolus or its duration for a square pulse)
// and the horizon; without scheduled drugs 0, half the horizon and the horizon. The engines
// report the levels at the record times only, so each time is moved to the nearest record
// time (the earlier one on a tie), and times that meet there count once.
//
// Bins: equal bins of the population engine's level lattice (model/fosl1Grid.ts, as many as
// model/fosl1Bins.ts gives)
// merged by an integer factor, so that every lattice bin falls in exactly one histogram bin
// (bins unaligned with the lattice would hold one or two lattice bins in turn and draw a
// comb). About TARGET_BINS bins from the lattice's lower edge up to the top steady level
// (with and, under a kill drug, at full stress) plus TAIL_SDS stationary standard deviations
// of the linearised level, noise / sqrt(2 decay), and at least 5% past the on threshold and
// the initial level; levels above the top go in the last bin. The agent engine's levels are
// binned on the same edges, so both engines' histograms compare bin by bin.
import { forcing, NO_DRUG, type Fosl1Forcing } from '../model/fosl1Drift.js';
import { fixedPoints } from '../model/fosl1FixedPoints.js';
import { latticeBins } from '../model/fosl1Bins.js';
import { fosl1Grid } from '../model/fosl1Grid.js';
import type { Fosl1Switch, Scenario } from '../model/scenario.js';
import { recordTimes } from '../model/steps.js';

/** Histogram bins aimed at (the lattice decides the exact number). */
export const TARGET_BINS = 40;
/** Stationary standard deviations shown past the top steady level. */
const TAIL_SDS = 5;
/** Half-lives after a bolus's last dose at which its exposure counts as over. */
export const BOLUS_HALF_LIVES = 5;

/** The level histograms of one arm: per chosen time, per bin, the mean share of living cells. */
export interface LevelHistograms {
  /** Bin edges (bins + 1), increasing; bin b covers [edges[b], edges[b + 1]). */
  readonly edges: Float64Array;
  /** The chosen times, moved to record times (hours), increasing. */
  readonly timesH: Float64Array;
  /** Per time, per bin: mean over replicates of the share of the replicate's living cells that are sensitive (persister) in the bin. */
  readonly sensitive: readonly Float64Array[];
  readonly persister: readonly Float64Array[];
  /** Per time, the replicates with living cells then (those averaged). */
  readonly replicates: readonly number[];
}

/** Where to collect: the bins and the record indices of the chosen times. */
export interface LevelHistogramPlan {
  readonly edges: Float64Array;
  /** Lower edge of bin 0 before clamping at 0 (the lattice's x0 <= 0) and the bin width. */
  readonly origin: number;
  readonly width: number;
  readonly recordIndices: Int32Array;
  readonly timesH: Float64Array;
}

/** The agent engine's view: the living cells' levels per pool. */
export interface LevelCells {
  readonly sensitive: ArrayLike<number>;
  readonly persister: ArrayLike<number>;
}

/** The population engine's view: per compartment its level, phenotype (0, 1; 2 resistant, ignored) and cells. */
export interface LevelCompartments {
  readonly level: ArrayLike<number>;
  readonly phenotype: ArrayLike<number>;
  readonly cells: ArrayLike<number>;
}

/** The times of level_histogram_at when the scenario gives them (see scenario/resolveSwitch.ts). */
export function requestedHistogramTimes(sw: Fosl1Switch): readonly number[] | undefined {
  return sw.levelHistogramAtH;
}

/** The end of the last scheduled drug exposure, or null without a drug that has doses. */
export function lastExposureEnd(s: Scenario): number | null {
  let end: number | null = null;
  for (const d of s.drugs) {
    for (const dose of d.doses) {
      if (!(dose.amount > 0)) continue;
      const t = dose.timeH + (d.halfLifeH !== null ? BOLUS_HALF_LIVES * d.halfLifeH : (dose.durationH ?? 0));
      end = end === null ? t : Math.max(end, t);
    }
  }
  return end;
}

/** The chosen times in hours (requested or by default), clamped to the horizon, sorted, distinct. */
export function histogramTimes(s: Scenario): number[] {
  const h = s.time.horizonH;
  let times: readonly number[];
  if (s.switch.model !== 'fosl1') times = [];
  else {
    const end = lastExposureEnd(s);
    times = requestedHistogramTimes(s.switch) ?? (end === null ? [0, h / 2, h] : [0, end, h]);
  }
  return [...new Set(times.map((t) => Math.min(Math.max(t, 0), h)))].sort((a, b) => a - b);
}

/** Indices of the record times nearest to each time (the earlier on a tie), distinct and increasing. */
export function nearestRecords(times: readonly number[], records: ArrayLike<number>): number[] {
  const out = new Set<number>();
  for (const t of times) {
    let best = 0;
    for (let k = 1; k < records.length; k++) if (Math.abs(records[k] - t) < Math.abs(records[best] - t)) best = k;
    out.add(best);
  }
  return [...out].sort((a, b) => a - b);
}

function topSteadyLevel(sw: Fosl1Switch, f: Fosl1Forcing): number {
  const top = fixedPoints(sw, f).reduce((m, p) => Math.max(m, p.level), 0);
  return top + (TAIL_SDS * sw.noise) / Math.sqrt(2 * (sw.decay + f.promote));
}

/** The highest level the histogram resolves (levels above go in the last bin). */
export function histogramTop(s: Scenario, sw: Fosl1Switch): number {
  let top = Math.max(sw.onThreshold * 1.05, topSteadyLevel(sw, NO_DRUG));
  if (s.drugs.some((d) => d.effect === 'kill')) top = Math.max(top, topSteadyLevel(sw, forcing(1)));
  if (sw.initialLevel !== 'stationary') top = Math.max(top, sw.initialLevel * 1.05);
  return top;
}

/** The bins and the record indices of the chosen times; null without the FOSL1 switch or without times. */
export function levelHistogramPlan(s: Scenario, latticeBinsOverride?: number): LevelHistogramPlan | null {
  const sw = s.switch;
  if (sw.model !== 'fosl1') return null;
  const records = recordTimes(s);
  const indices = nearestRecords(histogramTimes(s), records);
  if (indices.length === 0) return null;
  const grid = fosl1Grid(s, sw, latticeBinsOverride ?? latticeBins(s, sw));
  const top = histogramTop(s, sw);
  const merge = Math.max(1, Math.round((top - grid.x0) / (TARGET_BINS * grid.dx)));
  const width = merge * grid.dx;
  const bins = Math.max(1, Math.ceil((top - grid.x0) / width - 1e-9));
  // Levels are >= 0: the lattice's lower edge x0 in (-dx, 0] shows as 0 (and rounding noise near 0 too).
  const edges = Float64Array.from({ length: bins + 1 }, (_, j) => grid.x0 + j * width);
  if (edges[0] < 1e-9 * width) edges[0] = 0;
  return { edges, origin: grid.x0, width, recordIndices: Int32Array.from(indices), timesH: Float64Array.from(indices, (k) => records[k]) };
}

/**
 * Adds up one replicate's cells at a time: call add* once per replicate per record time (all
 * of them or only the chosen ones; others are ignored). It only reads the views it is given.
 */
export class LevelHistogramAccumulator {
  private readonly bins: number;
  /** Record index -> slot of the chosen time, or -1. */
  private readonly slotOf: Map<number, number>;
  private readonly sumS: Float64Array[];
  private readonly sumP: Float64Array[];
  private readonly used: number[];
  private readonly seen: Set<number>[];
  /** One replicate's cells per bin (sensitive, then persister). */
  private readonly scratch: Float64Array;

  constructor(readonly plan: LevelHistogramPlan) {
    this.bins = plan.edges.length - 1;
    this.slotOf = new Map(Array.from(plan.recordIndices, (k, i) => [k, i]));
    const n = plan.recordIndices.length;
    this.sumS = Array.from({ length: n }, () => new Float64Array(this.bins));
    this.sumP = Array.from({ length: n }, () => new Float64Array(this.bins));
    this.used = new Array<number>(n).fill(0);
    this.seen = Array.from({ length: n }, () => new Set<number>());
    this.scratch = new Float64Array(2 * this.bins);
  }

  /** The bin of level x (below the first edge: bin 0; above the top: the last bin). */
  binOf(x: number): number {
    const b = Math.floor((x - this.plan.origin) / this.plan.width);
    return b < 0 ? 0 : b >= this.bins ? this.bins - 1 : b;
  }

  /** The agent engine's living cells (weight 1 each). */
  addCells(replicate: number, recordIndex: number, view: LevelCells): void {
    const slot = this.begin(replicate, recordIndex);
    if (slot < 0) return;
    const c = this.scratch;
    const n = this.bins;
    for (let i = 0; i < view.sensitive.length; i++) c[this.binOf(view.sensitive[i])] += 1;
    for (let i = 0; i < view.persister.length; i++) c[n + this.binOf(view.persister[i])] += 1;
    this.finish(slot);
  }

  /** The population engine's compartments (weight: their cells; a compartment's level is its lattice bin's centre). */
  addCompartments(replicate: number, recordIndex: number, bins: LevelCompartments): void {
    const slot = this.begin(replicate, recordIndex);
    if (slot < 0) return;
    const c = this.scratch;
    const n = this.bins;
    for (let i = 0; i < bins.level.length; i++) {
      const p = bins.phenotype[i];
      if ((p !== 0 && p !== 1) || !(bins.cells[i] > 0)) continue;
      c[p * n + this.binOf(bins.level[i])] += bins.cells[i];
    }
    this.finish(slot);
  }

  private begin(replicate: number, recordIndex: number): number {
    const slot = this.slotOf.get(recordIndex) ?? -1;
    if (slot < 0) return -1;
    if (this.seen[slot].has(replicate)) throw new Error(`level histogram: replicate ${replicate} given twice at record ${recordIndex}`);
    this.seen[slot].add(replicate);
    this.scratch.fill(0);
    return slot;
  }

  private finish(slot: number): void {
    const c = this.scratch;
    const n = this.bins;
    let total = 0;
    for (let i = 0; i < 2 * n; i++) total += c[i];
    if (!(total > 0)) return;
    const s = this.sumS[slot];
    const p = this.sumP[slot];
    for (let b = 0; b < n; b++) {
      s[b] += c[b] / total;
      p[b] += c[n + b] / total;
    }
    this.used[slot]++;
  }

  result(): LevelHistograms {
    const mean = (sums: Float64Array[]) => sums.map((x, i) => Float64Array.from(x, (v) => (this.used[i] > 0 ? v / this.used[i] : 0)));
    return {
      edges: Float64Array.from(this.plan.edges),
      timesH: Float64Array.from(this.plan.timesH),
      sensitive: mean(this.sumS),
      persister: mean(this.sumP),
      replicates: [...this.used],
    };
  }
}

/** Mean and variance of the level at time slot i from the bins (bin centres, both phenotypes); NaN without replicates. */
export function binnedMoments(h: LevelHistograms, i: number): { mean: number; variance: number; persisterShare: number } {
  let w = 0;
  let m1 = 0;
  let m2 = 0;
  let wp = 0;
  for (let b = 0; b + 1 < h.edges.length; b++) {
    const x = (h.edges[b] + h.edges[b + 1]) / 2;
    const f = h.sensitive[i][b] + h.persister[i][b];
    w += f;
    wp += h.persister[i][b];
    m1 += f * x;
    m2 += f * x * x;
  }
  if (!(w > 0)) return { mean: NaN, variance: NaN, persisterShare: NaN };
  const mean = m1 / w;
  return { mean, variance: Math.max(0, m2 / w - mean * mean), persisterShare: wp / w };
}
