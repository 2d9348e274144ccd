// The part of persim's charts that must be code in chart.js: two plugins (a white
// background, and the shaded drug-exposure bands with their strips along the time axis)
// and `hydrate`, which turns a plain-data ChartSpec into a chart.js configuration with tick
// and tooltip formatters and legend filters. The same function runs in Node for the PNGs
// and in the browser for the HTML report, which embeds its source text: it is therefore
// self-contained and may use nothing from outside its own body.
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { ChartSpec, ShadedBand } from './charts/spec.js';

export interface HydrateOptions {
  /** true in the browser (fills its container); false for a fixed-size PNG. */
  readonly responsive: boolean;
  /** Fixed for PNGs (1) so the same data give the same bytes; the screen's in the browser. */
  readonly devicePixelRatio?: number;
  /** false: no mouse events at all (PNG). */
  readonly interactive: boolean;
}

export type Hydrate = (spec: ChartSpec, opts: HydrateOptions) => ChartConfiguration;

/** Installs persim's plugins and defaults on the chart.js `Chart` class; returns hydrate. */
export function chartRuntime(ChartLib: typeof Chart, fontFamily: string): Hydrate {
  const LANE = 9;
  const DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const sup = (n: number) => String(n).split('').map((c) => (c === '-' ? '⁻' : DIGITS[Number(c)])).join('');
  /** The exponent when v is a power of ten, else null. */
  const decade = (v: number) => {
    if (!(v > 0)) return null;
    const e = Math.round(Math.log10(v));
    return Math.abs(v / 10 ** e - 1) < 1e-9 ? e : null;
  };
  const tickFormats: Record<string, (v: number) => string> = {
    pow10: (v) => {
      const e = decade(v);
      if (e === null) return '';
      return e === 0 ? '1' : e === 1 ? '10' : `10${sup(e)}`;
    },
    percent: (v) => {
      const e = decade(v);
      if (e === null) return '';
      return e >= -2 ? `${Math.round(10 ** (e + 2))}%` : `${(10 ** (e + 2)).toFixed(-(e + 2))}%`;
    },
  };
  const valueFormats: Record<string, (v: number) => string> = {
    pow10: (v) => (v < 1 ? '0' : v < 1e4 ? String(Math.round(v)) : v.toExponential(2)),
    percent: (v) => `${(100 * v).toPrecision(3)}%`,
    plain: (v) => String(Number(v.toPrecision(4))),
  };

  const bandsPlugin: Plugin<'line', { bands?: readonly ShadedBand[]; laneLabels?: readonly string[] }> = {
    id: 'persimBands',
    beforeDatasetsDraw(chart, _args, opts) {
      const bands = opts.bands ?? [];
      if (bands.length === 0) return;
      const { ctx, chartArea } = chart;
      const x = chart.scales.x;
      ctx.save();
      ctx.beginPath();
      ctx.rect(chartArea.left, chartArea.top, chartArea.right - chartArea.left, chartArea.bottom - chartArea.top);
      ctx.clip();
      for (const b of bands) {
        const x0 = x.getPixelForValue(b.from);
        const x1 = x.getPixelForValue(b.to);
        if (b.wash !== false) {
          ctx.fillStyle = `rgba(${b.rgb},${(0.12 * b.level).toFixed(3)})`;
          ctx.fillRect(x0, chartArea.top, x1 - x0, chartArea.bottom - chartArea.top);
        }
        ctx.fillStyle = `rgba(${b.rgb},${(0.2 + 0.7 * b.level).toFixed(3)})`;
        ctx.fillRect(x0, chartArea.bottom - LANE * (b.lane + 1), x1 - x0, LANE - 2);
      }
      ctx.font = `${LANE}px ${fontFamily}`;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      (opts.laneLabels ?? []).forEach((text, lane) => {
        if (text === '') return;
        const y = chartArea.bottom - LANE * (lane + 1) + (LANE - 2) / 2;
        const w = ctx.measureText(text).width;
        ctx.fillStyle = 'rgba(255,255,255,0.8)';
        ctx.fillRect(chartArea.right - w - 8, y - LANE / 2, w + 6, LANE);
        ctx.fillStyle = '#222222';
        ctx.fillText(text, chartArea.right - w - 5, y);
      });
      ctx.restore();
    },
  };
  const backgroundPlugin: Plugin<'line'> = {
    id: 'persimBackground',
    beforeDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };
  ChartLib.register(bandsPlugin as Plugin, backgroundPlugin as Plugin);
  ChartLib.defaults.font.family = fontFamily;
  ChartLib.defaults.font.size = 14;
  ChartLib.defaults.color = '#222222';

  return function hydrate(spec: ChartSpec, opts: HydrateOptions): ChartConfiguration {
    // chart.js option trees are deeply generic: edited here as plain data.
    // biome-ignore lint/suspicious/noExplicitAny: a JSON copy of a Chart.js config, filled in option by option
    const config: any = JSON.parse(JSON.stringify(spec.config));
    const o = (config.options ??= {});
    o.animation = false;
    // chart.js formats default ticks with Intl in this locale; left unset it takes the
    // process's (LC_ALL, LANG), and a PNG's bytes would depend on the machine.
    o.locale = 'en-US';
    o.responsive = opts.responsive;
    o.maintainAspectRatio = false;
    if (opts.devicePixelRatio !== undefined) o.devicePixelRatio = opts.devicePixelRatio;
    if (!opts.interactive) o.events = [];
    o.interaction = { mode: 'nearest', intersect: false };
    const plugins = (o.plugins ??= {});
    plugins.persimBands = { bands: spec.bands, laneLabels: spec.laneLabels ?? [] };
    const hidden = new Set(spec.legendHidden);
    const legend = (plugins.legend ??= {});
    legend.labels = { ...(legend.labels ?? {}), filter: (item: { datasetIndex?: number }) => !hidden.has(item.datasetIndex ?? -1) };
    const axisFormat = (axis: string) => spec.tickFormats[axis] ?? 'plain';
    plugins.tooltip = {
      filter: (item: { datasetIndex: number }) => !hidden.has(item.datasetIndex),
      callbacks: {
        title: (items: { parsed: { x: number } }[]) =>
          items.length === 0 ? '' : spec.xName === undefined ? `day ${items[0].parsed.x.toFixed(1)}` : `${spec.xName} ${Number(items[0].parsed.x.toPrecision(4))}`,
        label: (item: { parsed: { y: number }; dataset: { label?: string; yAxisID?: string } }) =>
          `${item.dataset.label ?? ''}: ${valueFormats[axisFormat(item.dataset.yAxisID ?? 'y')](item.parsed.y)}`,
      },
    };
    for (const [axis, format] of Object.entries(spec.tickFormats)) {
      const scale = o.scales?.[axis];
      if (scale === undefined) continue;
      scale.ticks = { ...(scale.ticks ?? {}), autoSkip: false, callback: tickFormats[format] };
    }
    return config as ChartConfiguration;
  };
}
