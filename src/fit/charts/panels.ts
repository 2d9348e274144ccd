// Drawing several chart.js charts onto one PNG: each panel is a ChartSpec rendered by the
// report's runtime (hydrate: animation off, locale fixed to en-US, white background, the
// bundled font) on a canvas of its own size, then copied onto the sheet at its place. The
// sheet is white and carries its title in the bundled font, so the bytes depend on the data
// only, as for the report's PNGs.
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import type { ChartSpec } from '../../report/charts/spec.js';
import { FONT_FAMILY, type Renderer } from '../../report/renderPng.js';

export type Context = SKRSContext2D;

// biome-ignore lint/suspicious/noExplicitAny: a chart.js configuration edited as plain data, as chartRuntime's hydrate does
export type ConfigPatch = (config: any) => void;

/** A white sheet of w x h pixels with its title (and a subtitle) at the top. */
export function sheet(r: Renderer, w: number, h: number, heading: string, subtitle: string): { canvas: Canvas; ctx: Context } {
  const canvas: Canvas = r.createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#222222';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.font = `bold 20px ${FONT_FAMILY}`;
  ctx.fillText(heading, w / 2, 10);
  ctx.font = `13px ${FONT_FAMILY}`;
  ctx.fillText(subtitle, w / 2, 36);
  return { canvas, ctx };
}

/** Renders spec on a w x h canvas (after `patch` edits the hydrated configuration) and draws it at (x, y) on ctx. */
export function drawPanel(r: Renderer, ctx: Context, x: number, y: number, w: number, h: number, spec: ChartSpec, patch?: ConfigPatch): void {
  const canvas: Canvas = r.createCanvas(Math.round(w), Math.round(h));
  const config = r.hydrate(spec, { responsive: false, devicePixelRatio: 1, interactive: false });
  patch?.(config);
  // chart.js takes any object with getContext('2d') outside a browser (its BasicPlatform).
  const chart = new r.Chart(canvas as unknown as HTMLCanvasElement, config);
  try {
    ctx.drawImage(canvas, Math.round(x), Math.round(y));
  } finally {
    chart.destroy();
  }
}

/** A single chart filling a w x h PNG. */
export function renderChart(r: Renderer, w: number, h: number, spec: ChartSpec, patch?: ConfigPatch): Uint8Array {
  const canvas: Canvas = r.createCanvas(w, h);
  const config = r.hydrate(spec, { responsive: false, devicePixelRatio: 1, interactive: false });
  patch?.(config);
  const chart = new r.Chart(canvas as unknown as HTMLCanvasElement, config);
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}

/** A number as a short axis label: 0.02, 1.5, 300, 2e-5, 3e+6. */
export function shortNumber(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(0).replace('e+', 'e');
  return String(Number(v.toPrecision(2)));
}

/**
 * Tick values for a log axis from min to max: decades over a wide range, 1-2-5 over a
 * couple of decades, every mantissa over less, and min, mid, max (two digits) when no
 * round value falls inside.
 */
export function logTicks(min: number, max: number): number[] {
  const span = Math.log10(max / min);
  const mantissas = span > 2.5 ? [1] : span > 0.8 ? [1, 2, 5] : [1, 2, 3, 4, 5, 6, 7, 8, 9];
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)) - 1; e <= Math.ceil(Math.log10(max)) + 1; e++) {
    for (const m of mantissas) {
      const v = Number((m * 10 ** e).toPrecision(6));
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) out.push(v);
    }
  }
  if (out.length >= 2) return out;
  const mid = Math.sqrt(min * max);
  return [...new Set([min, mid, max].map((v) => Number(v.toPrecision(2))))].filter((v) => v >= min * 0.999 && v <= max * 1.001);
}

/** Round tick values (steps of 1, 2 or 5 x 10^k, about four of them) from min to max on a linear axis. */
export function linearTicks(min: number, max: number): number[] {
  const raw = (max - min) / 4;
  if (!(raw > 0)) return [min];
  const e = Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * 10 ** e).find((s) => s >= raw) ?? 10 ** (e + 1);
  const out: number[] = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + 1e-9 * step; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** chart.js scale options that replace the generated ticks by `values`. */
export function fixedTicks(values: readonly number[]) {
  return {
    afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
      scale.ticks = values.map((value) => ({ value }));
    },
  };
}
