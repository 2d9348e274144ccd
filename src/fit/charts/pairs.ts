// posterior-pairs.png: the weighted posterior as a pairs plot. Below the diagonal each pair
// of parameters as a scatter of the particles (opacity by weight, the heaviest drawn last),
// on the diagonal each parameter's weighted histogram, above it the weighted correlation
// (of ln values when both are positive, as fit.json's). Parameters whose particles are all
// positive are on log axes. Rates are shown per day and durations in days, as the report's
// charts show time; one chart.js chart per cell, tiled onto one sheet with shared ranges per
// parameter so rows and columns line up.
import type { ChartSpec, Point } from '../../report/charts/spec.js';
import { COLORS, rgba } from '../../report/charts/style.js';
import { FONT_FAMILY, type Renderer } from '../../report/renderPng.js';
import type { FitParameter, Posterior } from '../types.js';
import { type Context, drawPanel, fixedTicks, linearTicks, logTicks, sheet, shortNumber } from './panels.js';

const LEFT = 44;
const TOP = 64;
const BOTTOM = 40;
const RIGHT = 16;
const MIN_WIDTH = 1080;
const Y_AXIS_WIDTH = 50;
const X_AXIS_HEIGHT = 26;
const TICK_FONT = { size: 10 };
const RGB = COLORS.sensitive;

/** Engine units to the charts': rates per day, durations in days. */
export function displayUnit(p: FitParameter): { factor: number; unit: string } {
  if (p.unit === '/h') return { factor: 24, unit: '/d' };
  if (p.unit === 'h') return { factor: 1 / 24, unit: 'd' };
  return { factor: 1, unit: '' };
}

/** The shortest trailing part of each dotted path that no other path ends with (`entry_rate`, `drugs.a.kill`); a noise sd keeps its observable's name (`volume.sd`). */
export function shortNames(paths: readonly string[]): string[] {
  const parts = paths.map((p) => p.split('.'));
  return parts.map((segs, i) => {
    for (let k = segs[0] === 'observables' ? Math.min(2, segs.length) : 1; k <= segs.length; k++) {
      const tail = segs.slice(-k).join('.');
      const clash = parts.some((other, j) => j !== i && other.slice(-k).join('.') === tail);
      if (!clash) return tail;
    }
    return paths[i];
  });
}

interface Axis {
  readonly log: boolean;
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
}

/** A parameter's range over the particles, padded by 5% (of its decades on a log axis). */
function axisOf(values: readonly number[]): Axis {
  const finite = values.filter(Number.isFinite);
  const log = finite.length > 0 && finite.every((v) => v > 0);
  let lo = finite.length > 0 ? Math.min(...finite) : 0;
  let hi = finite.length > 0 ? Math.max(...finite) : 1;
  if (log) {
    let a = Math.log10(lo);
    let b = Math.log10(hi);
    if (b - a < 0.1) {
      const c = (a + b) / 2;
      a = c - 0.05;
      b = c + 0.05;
    }
    const pad = 0.05 * (b - a);
    const min = 10 ** (a - pad);
    const max = 10 ** (b + pad);
    return { log, min, max, ticks: logTicks(min, max) };
  }
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(lo))) {
    const half = Math.abs(lo) > 0 ? 0.05 * Math.abs(lo) : 0.5;
    lo -= half;
    hi += half;
  }
  const pad = 0.05 * (hi - lo);
  return { log, min: lo - pad, max: hi + pad, ticks: linearTicks(lo - pad, hi + pad) };
}

const scaleValue = (a: Axis, v: number) => (a.log ? Math.log10(v) : v);

/** Weighted correlation of two columns on their axes' scales. */
function correlation(xs: readonly number[], ys: readonly number[], w: readonly number[], ax: Axis, ay: Axis): number {
  let sw = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < w.length; i++) {
    sw += w[i];
    mx += w[i] * scaleValue(ax, xs[i]);
    my += w[i] * scaleValue(ay, ys[i]);
  }
  if (!(sw > 0)) return NaN;
  mx /= sw;
  my /= sw;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < w.length; i++) {
    const dx = scaleValue(ax, xs[i]) - mx;
    const dy = scaleValue(ay, ys[i]) - my;
    sxx += w[i] * dx * dx;
    syy += w[i] * dy * dy;
    sxy += w[i] * dx * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** The weighted histogram as a closed step outline (bins equal on the axis's scale), density per unit of that scale. */
function histogram(values: readonly number[], w: readonly number[], a: Axis): { points: Point[]; top: number } {
  const bins = Math.max(6, Math.min(30, Math.round(Math.sqrt(values.length))));
  const lo = scaleValue(a, a.min);
  const hi = scaleValue(a, a.max);
  const width = (hi - lo) / bins;
  const mass = new Array<number>(bins).fill(0);
  let total = 0;
  values.forEach((v, i) => {
    if (!Number.isFinite(v) || (a.log && !(v > 0))) return;
    const k = Math.min(bins - 1, Math.max(0, Math.floor((scaleValue(a, v) - lo) / width)));
    mass[k] += w[i];
    total += w[i];
  });
  const density = mass.map((m) => (total > 0 ? m / total / width : 0));
  const edge = (k: number) => (a.log ? 10 ** (lo + k * width) : lo + k * width);
  const points: Point[] = [{ x: edge(0), y: 0 }];
  density.forEach((d, k) => points.push({ x: edge(k), y: d }));
  points.push({ x: edge(bins), y: density[bins - 1] }, { x: edge(bins), y: 0 });
  return { points, top: Math.max(...density) };
}

function scale(a: Axis) {
  return {
    type: a.log ? 'logarithmic' : 'linear',
    min: a.min,
    max: a.max,
    ticks: { font: TICK_FONT, maxRotation: 0, autoSkip: false, callback: (v: number) => shortNumber(v) },
    grid: { color: 'rgba(0,0,0,0.08)' },
    ...fixedTicks(a.ticks),
  };
}

function panelSpec(id: string, datasets: ChartSpec['config']['data']['datasets']): ChartSpec {
  return {
    id,
    title: id,
    config: { type: 'line', data: { datasets }, options: { plugins: { legend: { display: false } }, layout: { padding: { top: 6, right: 8 } } } },
    tickFormats: {},
    legendHidden: [],
    bands: [],
    xName: '',
  };
}

function fixed(axis: 'x' | 'y') {
  return axis === 'x'
    ? { afterFit: (s: { height: number }) => void (s.height = X_AXIS_HEIGHT) }
    : { afterFit: (s: { width: number }) => void (s.width = Y_AXIS_WIDTH) };
}

function cellSize(d: number): number {
  if (d <= 1) return 520;
  if (d === 2) return 420;
  if (d === 3) return 340;
  if (d === 4) return 280;
  return Math.max(170, Math.floor(1200 / d));
}

function label(ctx: Context, text: string, x: number, y: number, rotate: boolean): void {
  ctx.save();
  ctx.translate(x, y);
  if (rotate) ctx.rotate(-Math.PI / 2);
  ctx.fillStyle = '#222222';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `13px ${FONT_FAMILY}`;
  ctx.fillText(text, 0, 0);
  ctx.restore();
}

export function posteriorPairsPng(r: Renderer, posterior: Posterior): Uint8Array {
  const params = posterior.parameters;
  const d = Math.max(1, params.length);
  const cell = cellSize(d);
  // Wide enough for the subtitle; the grid centred.
  const width = Math.max(LEFT + d * cell + RIGHT, MIN_WIDTH);
  const left = Math.round((width - (d * cell + RIGHT - LEFT)) / 2);
  const height = TOP + d * cell + BOTTOM;
  const n = posterior.values.length;
  const ess = n === 0 ? 0 : 1 / posterior.weights.reduce((s, w) => s + w * w, 0);
  const { canvas, ctx } = sheet(r, width, height, 'Posterior', `${n} weighted particle${n === 1 ? '' : 's'} (ESS ${ess.toFixed(0)})${d > 1 ? '; opacity by weight; diagonal: weighted histograms; above: weighted correlation (of ln values on log axes)' : ': weighted histogram'}`);
  if (params.length === 0) {
    label(ctx, 'no fitted parameters', width / 2, height / 2, false);
    return canvas.toBuffer('image/png');
  }

  const units = params.map(displayUnit);
  const names = shortNames(params.map((p) => p.path)).map((s, j) => (units[j].unit === '' ? s : `${s} (${units[j].unit})`));
  const columns = params.map((_, j) => posterior.values.map((row) => row[j] * units[j].factor));
  const axes = columns.map(axisOf);
  const w = posterior.weights;
  const wMax = w.length > 0 ? Math.max(...w) : 1;
  // Lightest first, so the heaviest particles are drawn on top (ties in particle order).
  const order = w.map((_, i) => i).sort((a, b) => w[a] - w[b] || a - b);
  const alphas = order.map((i) => Number((0.08 + 0.82 * (wMax > 0 ? w[i] / wMax : 1)).toFixed(3)));

  for (let row = 0; row < d; row++) {
    for (let col = 0; col < d; col++) {
      const x = left + col * cell;
      const y = TOP + row * cell;
      const ax = axes[col];
      const ay = axes[row];
      if (row < col) {
        const rho = correlation(columns[col], columns[row], w, ax, ay);
        ctx.fillStyle = Number.isFinite(rho) ? rgba(RGB, Number((0.15 + 0.85 * Math.abs(rho)).toFixed(3))) : '#888888';
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.font = `${Math.round(Math.max(14, cell / 9))}px ${FONT_FAMILY}`;
        ctx.fillText(Number.isFinite(rho) ? `r = ${rho.toFixed(2)}` : 'r undefined', x + cell / 2, y + cell / 2);
        continue;
      }
      if (row === col) {
        const h = histogram(columns[col], w, ax);
        const spec = panelSpec(`pair-${row}-${col}`, [
          { data: h.points, stepped: 'after', borderColor: rgba(RGB), backgroundColor: rgba(RGB, 0.25), borderWidth: 1.5, pointRadius: 0, fill: 'origin' },
        ]);
        drawPanel(r, ctx, x, y, cell, cell, spec, (config) => {
          config.options.scales = {
            x: { ...scale(ax), ...fixed('x') },
            y: { type: 'linear', min: 0, max: h.top > 0 ? h.top * 1.1 : 1, ticks: { font: TICK_FONT, callback: () => '' }, grid: { display: false }, ...fixed('y') },
          };
        });
        continue;
      }
      const data: Point[] = order.map((i) => ({ x: columns[col][i], y: columns[row][i] }));
      const spec = panelSpec(`pair-${row}-${col}`, [
        { data, showLine: false, pointRadius: 2.5, pointBorderWidth: 0, pointBackgroundColor: alphas.map((a) => rgba(RGB, a)), borderColor: rgba(RGB), fill: false },
      ]);
      drawPanel(r, ctx, x, y, cell, cell, spec, (config) => {
        config.options.scales = { x: { ...scale(ax), ...fixed('x') }, y: { ...scale(ay), ...fixed('y') } };
      });
    }
  }
  for (let j = 0; j < d; j++) {
    label(ctx, names[j], left + j * cell + Y_AXIS_WIDTH + (cell - Y_AXIS_WIDTH) / 2, TOP + d * cell + BOTTOM / 2, false);
    label(ctx, names[j], left - LEFT / 2, TOP + j * cell + (cell - X_AXIS_HEIGHT) / 2, true);
  }
  return canvas.toBuffer('image/png');
}
