// The two-parameter sweep chart: a heatmap of the metric over a grid (each cell spans half
// way to its neighbours, on the axis scale), or, for a Latin hypercube, one coloured dot per
// sample; both with a colour bar. Cells and the bar are drawn by small chart.js plugins
// over an invisible scatter dataset that sets up the axes.
import type { ChartConfiguration, Scale } from 'chart.js';
import { FONT_FAMILY, INK, axisStyle, axisType, baseOptions, chartTitle, whiteBackground, type ChartInput } from './chartParts.js';
import { cellMarks, shortNumber, type CellMark } from './cellMarks.js';
import { inkOn, viridis } from './viridis.js';


const MISSING = '#d9d9d9';
const CURED = '#ffffff';
const BAR_WIDTH = 16;

interface ChartLike {
  ctx: CanvasRenderingContext2D;
  chartArea: { left: number; right: number; top: number; bottom: number };
  scales: Record<string, Scale>;
}

/** Distinct values of one dimension, numbers ascending, categories in order of appearance. */
function distinct(values: readonly (number | string)[], numeric: boolean): (number | string)[] {
  const out = [...new Set(values)];
  return numeric ? out.sort((a, b) => (a as number) - (b as number)) : out;
}

/** Pixel edges of cells centred on the given pixel positions. */
function edges(centres: readonly number[]): number[] {
  if (centres.length === 1) return [centres[0] - 40, centres[0] + 40];
  const mid = centres.slice(1).map((c, i) => (c + centres[i]) / 2);
  return [2 * centres[0] - mid[0], ...mid, 2 * centres[centres.length - 1] - mid[mid.length - 1]];
}

/** Axis bounds that leave room for the outer half cells (numeric grids). */
function bounds(values: readonly number[], log: boolean): { min: number; max: number } {
  const t = (v: number) => (log ? Math.log(v) : v);
  const u = (v: number) => (log ? Math.exp(v) : v);
  const a = t(values[0]);
  const b = t(values[values.length - 1]);
  const half = values.length > 1 ? (t(values[1]) - a) / 2 : log ? Math.LN2 / 2 : Math.max(Math.abs(a) * 0.1, 0.5);
  const halfEnd = values.length > 1 ? (b - t(values[values.length - 2])) / 2 : half;
  return { min: u(a - half), max: u(b + halfEnd) };
}

/** The colour scale: probabilities on [0, 1], counts on a log scale, others over their range. */
function normaliser(input: ChartInput): { norm: (v: number) => number; lo: number; hi: number; log: boolean } {
  const vs = input.points.map((p) => p.estimate.value).filter((v): v is number => v !== null);
  if (input.metric.axis === 'probability') return { norm: (v) => v, lo: 0, hi: 1, log: false };
  const log = input.metric.axis === 'log' && vs.some((v) => v > 0);
  const t = (v: number) => (log ? Math.log10(Math.max(v, 1e-300)) : v);
  const ts = (log ? vs.filter((v) => v > 0) : vs).map(t);
  const lo = ts.length ? Math.min(...ts) : 0;
  const hi = ts.length ? Math.max(...ts) : 1;
  return { norm: (v) => (hi > lo ? (t(v) - lo) / (hi - lo) : 0.5), lo: log ? 10 ** lo : lo, hi: log ? 10 ** hi : hi, log };
}

/** Log-axis tick labels at 1, 2 and 5 times a power of ten only, so that they cannot overlap. */
export function logTickLabel(value: number): string {
  const mantissa = Number((value / 10 ** Math.floor(Math.log10(value) + 1e-9)).toPrecision(3));
  return mantissa === 1 || mantissa === 2 || mantissa === 5 ? shortNumber(value) : '';
}

/** The lines under the chart that say what the marks mean (only those drawn). */
function notes(marks: readonly CellMark[], grid: boolean): string[] {
  const out: string[] = [];
  const any = (f: (m: CellMark) => boolean) => marks.some(f);
  if (grid) out.push('Each cell: the value and its 95% interval.');
  if (any((m) => m.withinNoise)) out.push(`${grid ? 'Outlined cells' : 'Dots ringed in black'}: 95% interval overlaps that of the highest point, so the colour difference may be Monte Carlo noise.`);
  if (any((m) => m.state === 'cured')) out.push(`${grid ? 'White' : 'Hollow'}: cured (the tumours died out; P(cure) = replicates extinct / replicates).`);
  if (any((m) => m.state === 'no-response')) out.push("Grey, 'no response': no replicate responded (the burden never fell below the relapse threshold), so there is no relapse to time.");
  if (any((m) => m.state === 'not-reached')) out.push('Grey: not reached within the horizon.');
  return out;
}

export function heatmapConfig(input: ChartInput): ChartConfiguration {
  const [dx, dy] = input.dimensions;
  const xs = distinct(input.points.map((p) => p.values[0]), dx.scale !== null);
  const ys = distinct(input.points.map((p) => p.values[1]), dy.scale !== null);
  const { norm, lo, hi, log } = normaliser(input);
  const marks = cellMarks(input.points);
  const colour = (k: number) => {
    const v = input.points[k].estimate.value;
    return v !== null ? viridis(norm(v)) : marks[k].state === 'cured' ? CURED : MISSING;
  };
  const position = (v: number | string, all: readonly (number | string)[], numeric: boolean) => (numeric ? (v as number) : all.indexOf(v));
  const axis = (d: typeof dx, all: readonly (number | string)[]) => {
    const style = { ...axisStyle(d.label), grid: { display: false } };
    if (d.scale === null) return { type: 'category', labels: all.map(String), offset: true, ...style };
    if (!input.grid) {
      return d.scale === 'log' ? { type: 'logarithmic', ...style, ticks: { ...style.ticks, autoSkip: true, callback: (value: number) => logTickLabel(value) } } : { type: axisType(d.scale), ...style };
    }
    // Ticks at the grid values only, not at the padded ends.
    const afterBuildTicks = (scale: { ticks: { value: number }[] }) => {
      scale.ticks = (all as number[]).map((value) => ({ value }));
    };
    const ticks = { ...style.ticks, autoSkip: false, callback: (value: number) => shortNumber(value) };
    return { type: axisType(d.scale), ...bounds(all as number[], d.scale === 'log'), afterBuildTicks, ...style, ticks };
  };
  const cells = {
    id: 'persimHeatmapCells',
    beforeDatasetsDraw(chart: ChartLike) {
      const { ctx, chartArea: area, scales } = chart;
      const xe = edges(xs.map((v, i) => scales.x.getPixelForValue(dx.scale === null ? i : (v as number))));
      const ye = edges(ys.map((v, i) => scales.y.getPixelForValue(dy.scale === null ? i : (v as number))));
      const cellW = Math.abs(xe[1] - xe[0]);
      const cellH = Math.abs(ye[1] - ye[0]);
      const labels = xs.length * ys.length <= 144;
      const twoLines = cellH >= 34 && cellW >= 70;
      ctx.save();
      ctx.beginPath();
      ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
      ctx.clip();
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      input.points.forEach((p, k) => {
        const i = xs.indexOf(p.values[0]);
        const j = ys.indexOf(p.values[1]);
        const [x0, x1] = [Math.min(xe[i], xe[i + 1]), Math.max(xe[i], xe[i + 1])];
        const [y0, y1] = [Math.min(ye[j], ye[j + 1]), Math.max(ye[j], ye[j + 1])];
        const v = p.estimate.value;
        const m = marks[k];
        ctx.fillStyle = colour(k);
        ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
        if (m.state === 'cured') {
          ctx.strokeStyle = MISSING;
          ctx.lineWidth = 1;
          ctx.strokeRect(x0 + 0.5, y0 + 0.5, x1 - x0 - 1, y1 - y0 - 1);
        }
        if (m.withinNoise) {
          ctx.strokeStyle = v === null ? INK : inkOn(norm(v));
          ctx.lineWidth = 2;
          ctx.strokeRect(x0 + 3, y0 + 3, x1 - x0 - 6, y1 - y0 - 6);
        }
        if (labels) {
          ctx.fillStyle = v === null ? INK : inkOn(norm(v));
          const lines = twoLines ? m.lines : m.lines.slice(0, 1);
          const cy = (y0 + y1) / 2;
          lines.forEach((line, n) => {
            ctx.font = `${n === 0 ? 11 : 10}px ${FONT_FAMILY}`;
            ctx.fillText(line, (x0 + x1) / 2, cy + (n - (lines.length - 1) / 2) * 14);
          });
        }
      });
      ctx.restore();
    },
  };
  const colourBar = {
    id: 'persimColourBar',
    afterDraw(chart: ChartLike) {
      const { ctx, chartArea: area } = chart;
      const x = area.right + 24;
      const steps = 64;
      const h = (area.bottom - area.top) / steps;
      ctx.save();
      for (let k = 0; k < steps; k++) {
        ctx.fillStyle = viridis((k + 0.5) / steps);
        ctx.fillRect(x, area.bottom - (k + 1) * h, BAR_WIDTH, h + 0.5);
      }
      ctx.fillStyle = INK;
      ctx.font = `11px ${FONT_FAMILY}`;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      const mid = log ? Math.sqrt(lo * hi) : (lo + hi) / 2;
      if (shortNumber(lo) === shortNumber(hi)) {
        ctx.fillText(shortNumber(lo), x + BAR_WIDTH + 4, (area.top + area.bottom) / 2);
      } else {
        ctx.fillText(shortNumber(hi), x + BAR_WIDTH + 4, area.top);
        ctx.fillText(shortNumber(mid), x + BAR_WIDTH + 4, (area.top + area.bottom) / 2);
        ctx.fillText(shortNumber(lo), x + BAR_WIDTH + 4, area.bottom);
      }
      ctx.restore();
    },
  };
  const data = input.points.map((p) => ({ x: position(p.values[0], xs, dx.scale !== null), y: position(p.values[1], ys, dy.scale !== null) }));
  const dots = input.points.map((_, k) => colour(k));
  const rings = input.points.map((_, k) => (marks[k].withinNoise || marks[k].state === 'cured' ? INK : colour(k)));
  const footer = notes(marks, input.grid);
  return {
    type: 'scatter',
    data: {
      datasets: [{
        label: input.metric.label,
        data,
        pointRadius: input.grid ? 0 : 6,
        pointBackgroundColor: dots,
        pointBorderColor: rings,
        pointBorderWidth: 2,
      }],
    },
    options: {
      ...baseOptions,
      layout: { padding: { right: 90 } },
      scales: { x: axis(dx, xs), y: axis(dy, ys) },
      plugins: {
        title: chartTitle(`${input.title}: ${input.metric.label}`),
        subtitle: { display: footer.length > 0, position: 'bottom', align: 'start', text: footer, font: { family: FONT_FAMILY, size: 11 }, color: INK, padding: { top: 8 } },
        legend: { display: false },
        tooltip: { enabled: false },
      },
    },
    plugins: [whiteBackground, ...(input.grid ? [cells] : []), colourBar],
  } as unknown as ChartConfiguration;
}
