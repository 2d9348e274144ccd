// Draws a chart.js configuration into a PNG with @napi-rs/canvas, with the DejaVu Sans font
// shipped in @fontsource/dejavu-sans (no system fonts needed). Fixed size, no animation and a
// device pixel ratio of 1, so the same configuration gives the same bytes. The font is
// registered under its own family name, so a system copy of DejaVu Sans plays no part, and
// the locale is fixed (en-US), so LC_ALL plays none either. The canvas and
// chart.js are loaded on first use only.
import { createRequire } from 'node:module';
import type { ChartConfiguration } from 'chart.js';
import { CHART_HEIGHT, CHART_WIDTH, FONT_FAMILY } from './chartParts.js';

const FONT_FILES = ['dejavu-sans-latin-400-normal', 'dejavu-sans-latin-700-normal'];

let ready: Promise<{ createCanvas: typeof import('@napi-rs/canvas').createCanvas; Chart: typeof import('chart.js').Chart }> | null = null;

async function load() {
  const require = createRequire(import.meta.url);
  const canvas = await import('@napi-rs/canvas');
  for (const f of FONT_FILES) {
    let path: string;
    try {
      path = require.resolve(`@fontsource/dejavu-sans/files/${f}.ttf`);
    } catch {
      path = require.resolve(`@fontsource/dejavu-sans/files/${f}.woff`);
    }
    canvas.GlobalFonts.registerFromPath(path, FONT_FAMILY);
  }
  const chartjs = await import('chart.js');
  chartjs.Chart.register(...chartjs.registerables);
  return { createCanvas: canvas.createCanvas, Chart: chartjs.Chart };
}

export async function renderChartPng(config: ChartConfiguration, width = CHART_WIDTH, height = CHART_HEIGHT): Promise<Uint8Array> {
  ready ??= load();
  const { createCanvas, Chart } = await ready;
  const canvas = createCanvas(width, height);
  // A fixed locale for chart.js's Intl tick labels: the process's would make the bytes depend on LC_ALL.
  const localised: ChartConfiguration = { ...config, options: { ...config.options, locale: 'en-US' } };
  const chart = new Chart(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, localised);
  try {
    return new Uint8Array(canvas.toBuffer('image/png'));
  } finally {
    chart.destroy();
  }
}
