// PNG rendering: every chart decodes as a 1200 x 700 image with something drawn, the
// bundled font is registered, and the same seed gives byte-identical files.
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { armCharts, comparisonCharts } from '../../src/report/charts/registry.js';
import { compareArms } from '../../src/report/compareArms.js';
import { FONT_FAMILY, PNG_HEIGHT, PNG_WIDTH, renderPng, renderPngs } from '../../src/report/renderPng.js';
import { armOf, smallScenario } from './fixtures.js';

function chartsFor(seed: number) {
  const arm = armOf(smallScenario(seed), 'control');
  return [...armCharts(arm), ...comparisonCharts([arm], compareArms([arm]))];
}

/** Share of pixels that are not white; the corner must be opaque white. */
async function inked(png: Uint8Array): Promise<number> {
  const img = await loadImage(Buffer.from(png));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  expect([...data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) n++;
  return n / (img.width * img.height);
}

describe('PNG charts', () => {
  it('decode at 1200 x 700 with an opaque white background and ink on them', async () => {
    const pngs = await renderPngs(chartsFor(5));
    expect(Object.keys(pngs)).toEqual(['burden.png', 'persister-fraction.png', 'drugs.png', 'survival.png']);
    for (const png of Object.values(pngs)) {
      const img = await loadImage(Buffer.from(png));
      expect([img.width, img.height]).toEqual([PNG_WIDTH, PNG_HEIGHT]);
      const share = await inked(png);
      expect(share).toBeGreaterThan(0.01);
      expect(share).toBeLessThan(0.9);
    }
    expect(GlobalFonts.has(FONT_FAMILY)).toBe(true);
  });

  it('are byte-identical for the same seed, every chart, and differ for another', async () => {
    const [a, b, c] = [chartsFor(5), chartsFor(5), chartsFor(6)];
    const [pa, pb] = await Promise.all([a, b].map(renderPngs));
    expect(Object.keys(pa)).toEqual(Object.keys(pb));
    for (const name of Object.keys(pa)) expect(Buffer.from(pa[name]).equals(Buffer.from(pb[name])), name).toBe(true);
    const burden = await renderPng(c[0]);
    expect(Buffer.from(pa['burden.png']).equals(Buffer.from(burden))).toBe(false);
  });
});
