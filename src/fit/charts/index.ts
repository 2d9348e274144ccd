// The PNG charts of `persim fit` (issue 13): posterior-pairs.png, fit-data.png and
// predict-relapse.png, drawn with the report's renderer (chart.js on @napi-rs/canvas, the
// bundled DejaVu Sans, locale en-US), so the same FitResult gives the same bytes anywhere.
// writeFitOutputs takes a synchronous `Charts`: the renderer is loaded first (chart.js and
// the native canvas are imported on first use only), then every chart draws synchronously.
import { pngRenderer } from '../../report/renderPng.js';
import type { Charts } from '../outputs.js';
import type { FitResult } from '../types.js';
import { fitDataPng } from './data.js';
import { posteriorPairsPng } from './pairs.js';
import { predictRelapsePng } from './relapse.js';

export const FIT_CHART_FILES = ['posterior-pairs.png', 'fit-data.png', 'predict-relapse.png'] as const;

/** Loads the renderer and returns the charts function writeFitOutputs takes. */
export async function loadFitCharts(): Promise<Charts> {
  const r = await pngRenderer();
  return (result: FitResult) => ({
    'posterior-pairs.png': posteriorPairsPng(r, result.posterior),
    'fit-data.png': fitDataPng(r, result),
    'predict-relapse.png': predictRelapsePng(r, result),
  });
}

/** Every chart of a fit as file name -> PNG bytes. */
export async function fitCharts(result: FitResult): Promise<Record<string, Uint8Array>> {
  return (await loadFitCharts())(result);
}
