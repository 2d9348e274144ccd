// The live charts of the explorer (chart.js, as in the HTML report): this run's live
// replicate, point by point as the dish plays, and its batch summary as replicates finish;
// the previous run's curves faded underneath. A vertical line marks the dish's time. A kill
// drug dosed adaptively is shaded as the live replicate receives it (markExposure).
// Charts are redrawn at most a few times a second, whatever the frame rate.
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { Scenario } from '../../../model/scenario.js';
import type { Hydrate } from '../../../report/chartRuntime.js';
import type { Point, ShadedBand } from '../../../report/charts/spec.js';
import { addBand } from '../../../report/charts/exposure.js';
import { days } from '../../../report/charts/style.js';
import type { BatchSummary } from './batchStats.js';
import { MIN_FRACTION_CELLS } from '../../../report/fractionBand.js';
import { BURDEN, FRACTION, SURVIVAL, burdenSpec, fractionSpec, survivalSpec } from './specs.js';

/** What a run leaves on the charts, kept to draw it faded under the next run. */
export interface RunTrace {
  readonly liveTotal: Point[];
  readonly liveFraction: Point[];
  medianTotal: Point[];
  medianFraction: Point[];
  survival: Point[];
}

const emptyTrace = (): RunTrace => ({ liveTotal: [], liveFraction: [], medianTotal: [], medianFraction: [], survival: [] });

type ChartClass = typeof Chart;
type AnyChart = Chart<'line', Point[]>;

/** Draws a vertical line at options.plugins.persimNow.t (days). */
export const nowLinePlugin: Plugin<'line', { t?: number | null }> = {
  id: 'persimNow',
  afterDatasetsDraw(chart, _args, opts) {
    const t = opts.t;
    if (t === undefined || t === null) return;
    const x = chart.scales.x.getPixelForValue(t);
    const { ctx, chartArea } = chart;
    if (x < chartArea.left || x > chartArea.right) return;
    ctx.save();
    ctx.strokeStyle = 'rgba(200,40,40,0.75)';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(x, chartArea.top);
    ctx.lineTo(x, chartArea.bottom);
    ctx.stroke();
    ctx.restore();
  },
};

function toPoints(timesH: Float64Array, ys: Float64Array, floor = 0): Point[] {
  const out: Point[] = [];
  for (let k = 0; k < timesH.length; k++) {
    const y = ys[k];
    out.push({ x: days(timesH[k]), y: Number.isFinite(y) && y > floor ? y : null });
  }
  return out;
}

export class ExplorerCharts {
  private burden: AnyChart | null = null;
  private fraction: AnyChart | null = null;
  private survival: AnyChart | null = null;
  private trace: RunTrace = emptyTrace();
  private dirty = false;
  private nowT: number | null = null;
  /** The scenario's exposure bands, and those of an adaptive drug as the live replicate receives it. */
  private baseBands: readonly ShadedBand[] = [];
  private liveBands: ShadedBand[] = [];
  private bandsDirty = false;

  constructor(
    private readonly ChartLib: ChartClass,
    private readonly hydrate: Hydrate,
    private readonly canvases: { burden: HTMLCanvasElement; fraction: HTMLCanvasElement; survival: HTMLCanvasElement },
  ) {}

  /** New charts for a run of `s`, with `previous` faded underneath. */
  start(s: Scenario, previous: RunTrace | null): void {
    for (const c of [this.burden, this.fraction, this.survival]) c?.destroy();
    this.trace = emptyTrace();
    this.nowT = 0;
    const burdenChart = burdenSpec(s);
    this.baseBands = burdenChart.bands;
    this.liveBands = [];
    this.bandsDirty = false;
    this.burden = this.make(this.canvases.burden, this.hydrate(burdenChart, { responsive: true, interactive: true }));
    this.fraction = this.make(this.canvases.fraction, this.hydrate(fractionSpec(s), { responsive: true, interactive: true }));
    this.survival = this.make(this.canvases.survival, this.hydrate(survivalSpec(s), { responsive: true, interactive: true }));
    if (previous !== null) {
      this.data(this.burden, BURDEN.prevMedian).push(...previous.medianTotal);
      this.data(this.burden, BURDEN.prevLive).push(...previous.liveTotal);
      this.data(this.fraction, FRACTION.prevMedian).push(...previous.medianFraction);
      this.data(this.fraction, FRACTION.prevLive).push(...previous.liveFraction);
      this.data(this.survival, SURVIVAL.prev).push(...previous.survival);
      this.fitBurden(previous.liveTotal.concat(previous.medianTotal));
    }
    this.dirty = true;
  }

  current(): RunTrace {
    return this.trace;
  }

  /** A point of the live replicate (time in hours); resistant cells are plotted when `withResistant`. */
  pushLive(tH: number, sensitive: number, persister: number, resistant: number, withResistant: boolean): void {
    if (this.burden === null || this.fraction === null) return;
    const x = days(tH);
    const total = sensitive + persister + resistant;
    if (withResistant) this.data(this.burden, BURDEN.liveResistant).push({ x, y: resistant > 0 ? resistant : null });
    const pTotal = { x, y: total > 0 ? total : null };
    this.trace.liveTotal.push(pTotal);
    this.trace.liveFraction.push({ x, y: total >= MIN_FRACTION_CELLS && persister > 0 ? persister / total : null });
    this.data(this.burden, BURDEN.live).push(pTotal);
    this.data(this.burden, BURDEN.livePersisters).push({ x, y: persister > 0 ? persister : null });
    this.data(this.fraction, FRACTION.live).push(this.trace.liveFraction[this.trace.liveFraction.length - 1]);
    this.fitBurden([pTotal]);
    this.dirty = true;
  }

  setBatch(recordTimesH: Float64Array, horizonH: number, b: BatchSummary, total: number): void {
    if (this.burden === null || this.fraction === null || this.survival === null) return;
    this.trace.medianTotal = toPoints(recordTimesH, b.burden.median);
    this.trace.medianFraction = toPoints(recordTimesH, b.fraction.median);
    this.replace(this.burden, BURDEN.low, toPoints(recordTimesH, b.burden.lower));
    this.replace(this.burden, BURDEN.high, toPoints(recordTimesH, b.burden.upper));
    this.replace(this.burden, BURDEN.median, this.trace.medianTotal);
    this.replace(this.fraction, FRACTION.median, this.trace.medianFraction);
    this.fitBurden(this.trace.medianTotal);
    const km = b.survival;
    const curve: Point[] = [{ x: 0, y: 1 }];
    km.time.forEach((t, j) => curve.push({ x: days(t), y: km.survival[j] }));
    curve.push({ x: days(horizonH), y: curve[curve.length - 1].y });
    this.trace.survival = curve;
    this.replace(this.survival, SURVIVAL.curve, curve);
    this.replace(this.survival, SURVIVAL.ticks, Array.from(km.censorTimes, (t, j) => ({ x: days(t), y: km.censorSurvival[j] })));
    const median = km.median === null ? 'median not reached' : `median ${days(km.median).toFixed(1)} d`;
    const subtitle = `Kaplan-Meier over ${b.replicates} of ${total} replicates: ${median}; ${b.relapsed} relapsed, ${b.extinct} extinct`;
    const plugins = this.survival.options.plugins as { subtitle?: { text?: string } };
    if (plugins.subtitle !== undefined) plugins.subtitle.text = subtitle;
    const label = this.survival.data.datasets[SURVIVAL.curve];
    label.label = `this run (${median})`;
    this.dirty = true;
  }

  /**
   * The adaptive drug's effect over [t0, t1] hours in the live replicate, shaded on the burden
   * and fraction charts in lane `lane` (its row among the acting drugs); runs of the same
   * effect join one band (addBand), so the bands stay few however often this is called.
   */
  markExposure(t0H: number, t1H: number, effect: number, rgb: string, lane: number): void {
    addBand(this.liveBands, t0H, t1H, effect, rgb, lane);
    this.dirty = true;
    this.bandsDirty = true;
  }

  /** The bands drawn on the burden chart: the scenario's, then the live replicate's (for the tests). */
  bands(): readonly ShadedBand[] {
    return [...this.baseBands, ...this.liveBands];
  }

  setNow(tH: number): void {
    const t = days(tH);
    if (t === this.nowT) return;
    this.nowT = t;
    this.dirty = true;
  }

  /** Redraws the charts if anything changed. */
  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const bands = this.bandsDirty ? this.bands() : null;
    this.bandsDirty = false;
    for (const c of [this.burden, this.fraction]) {
      if (c === null) continue;
      (c.options.plugins as { persimNow?: { t: number | null } }).persimNow = { t: this.nowT };
      if (bands !== null) (c.options.plugins as { persimBands?: { bands: readonly ShadedBand[] } }).persimBands = { bands };
      c.update('none');
    }
    this.survival?.update('none');
  }

  /** Points currently on each chart's datasets (for the tests). */
  counts(): Record<string, number[]> {
    const of = (c: AnyChart | null) => (c === null ? [] : c.data.datasets.map((d) => d.data.filter((p) => p.y !== null).length));
    return { burden: of(this.burden), fraction: of(this.fraction), survival: of(this.survival) };
  }

  /** A chart whose legend also leaves out empty datasets (no previous run yet). */
  private make(canvas: HTMLCanvasElement, config: ChartConfiguration): AnyChart {
    type Filter = (item: { datasetIndex?: number }, data: { datasets: { data: unknown[] }[] }) => boolean;
    const labels = (config.options?.plugins?.legend?.labels ?? {}) as { filter?: Filter };
    const base = labels.filter;
    labels.filter = (item, data) => (base === undefined || base(item, data)) && (data.datasets[item.datasetIndex ?? -1]?.data.length ?? 0) > 0;
    return new this.ChartLib(canvas, config) as unknown as AnyChart;
  }

  private data(c: AnyChart, i: number): Point[] {
    return c.data.datasets[i].data;
  }

  private replace(c: AnyChart, i: number, points: Point[]): void {
    c.data.datasets[i].data = points;
  }

  /** Raises the burden axis to the next power of ten above these points. */
  private fitBurden(points: readonly Point[]): void {
    const y = this.burden?.options.scales?.y as { max?: number } | undefined;
    if (y === undefined) return;
    let hi = y.max ?? 10;
    for (const p of points) if (p.y !== null && p.y > hi) hi = 10 ** Math.ceil(Math.log10(p.y));
    y.max = hi;
  }
}
