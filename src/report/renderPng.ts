// Renders ChartSpecs to PNG: chart.js drawing on an @napi-rs/canvas canvas of a fixed
// 1200 x 700 pixels at device pixel ratio 1, animation off, text in the bundled DejaVu Sans,
// so the same results give byte-identical files on any machine. chart.js and the native
// canvas are loaded on first use only, so commands that draw nothing start fast.
import type { ChartSpec } from './charts/spec.js';
import { chartRuntime, type Hydrate } from './chartRuntime.js';
import { fontPath } from './assets.js';

export const PNG_WIDTH = 1200;
export const PNG_HEIGHT = 700;
/** The family name the bundled font is registered under (not a system font's name). */
export const FONT_FAMILY = 'PersimDejaVuSans';

export interface Renderer {
  hydrate: Hydrate;
  Chart: typeof import('chart.js').Chart;
  createCanvas: typeof import('@napi-rs/canvas').createCanvas;
}

let renderer: Promise<Renderer> | null = null;

async function load(): Promise<Renderer> {
  const [{ Chart, registerables }, canvas] = await Promise.all([import('chart.js'), import('@napi-rs/canvas')]);
  Chart.register(...registerables);
  canvas.GlobalFonts.registerFromPath(fontPath(400), FONT_FAMILY);
  canvas.GlobalFonts.registerFromPath(fontPath(700), FONT_FAMILY);
  return { Chart, createCanvas: canvas.createCanvas, hydrate: chartRuntime(Chart, FONT_FAMILY) };
}

/** chart.js with persim's plugins, the native canvas and the registered font, loaded once (the fit's charts draw with it too). */
export function pngRenderer(): Promise<Renderer> {
  renderer ??= load();
  return renderer;
}

export async function renderPng(spec: ChartSpec): Promise<Uint8Array> {
  const { Chart, createCanvas, hydrate } = await pngRenderer();
  const canvas = createCanvas(PNG_WIDTH, PNG_HEIGHT);
  const config = hydrate(spec, { responsive: false, devicePixelRatio: 1, interactive: false });
  // chart.js takes any object with getContext('2d') outside a browser (its BasicPlatform).
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}

/** Every chart as `<id>.png` -> bytes. */
export async function renderPngs(specs: readonly ChartSpec[]): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const spec of specs) out[`${spec.id}.png`] = await renderPng(spec);
  return out;
}
