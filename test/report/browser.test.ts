// The HTML report in a real browser: headless Chromium (test/helpers/browser.ts), driven by playwright-core,
// opens report.html from file:// with all network access refused; the page must load with
// no console error and every chart canvas must be drawn (pixels that are not background).
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { persim, tempDir } from '../helpers/cli.js';

describe('report.html in headless Chromium', () => {
  const out = tempDir();
  const fosl1 = tempDir();
  let browser: Browser;

  beforeAll(async () => {
    const r = persim(['run', 'scenarios/14-trial-in-silico.yaml', '--out', out, '--replicates', '4', '--quiet', '--no-charts', '--report']);
    expect(r.stderr).toBe('');
    const f = persim(['run', 'scenarios/04-fosl1-switch.yaml', '--out', fosl1, '--replicates', '2', '--quiet', '--no-charts', '--report']);
    expect(f.stderr).toBe('');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws the FOSL1 level distribution with the other charts', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`file://${join(fosl1, 'report.html')}`, { waitUntil: 'load' });
    const canvases = await page.evaluate(() =>
      [...document.querySelectorAll('canvas')].map((c) => {
        const ctx = c.getContext('2d');
        if (ctx === null || c.width === 0 || c.height === 0) return { label: c.getAttribute('aria-label'), inked: 0 };
        const { data } = ctx.getImageData(0, 0, c.width, c.height);
        let inked = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) inked++;
        return { label: c.getAttribute('aria-label'), inked: inked / (c.width * c.height) };
      }),
    );
    expect(problems).toEqual([]);
    // survival, then burden, persister fraction, drugs and the level distribution
    expect(canvases.map((c) => c.label)).toEqual(['Relapse-free survival', 'Tumour burden', 'Persister fraction', 'Drugs', 'FOSL1 level distribution']);
    for (const c of canvases) expect(c.inked, c.label ?? '').toBeGreaterThan(0.01);
    await page.close();
  });

  it('loads offline with no console error and draws every chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith('file:')) return route.continue();
      problems.push(`network request: ${route.request().url()}`);
      return route.abort();
    });
    await page.goto(`file://${join(out, 'report.html')}`, { waitUntil: 'load' });

    const canvases = await page.evaluate(() =>
      [...document.querySelectorAll('canvas')].map((c) => {
        const ctx = c.getContext('2d');
        if (ctx === null || c.width === 0 || c.height === 0) return { id: c.id, width: c.width, inked: 0 };
        const { data } = ctx.getImageData(0, 0, c.width, c.height);
        let inked = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) inked++;
        return { id: c.id, width: c.width, inked: inked / (c.width * c.height) };
      }),
    );
    expect(problems).toEqual([]);
    // survival, burden by arm, and per arm: burden, persister fraction, drugs
    expect(canvases).toHaveLength(2 + 4 * 3);
    for (const c of canvases) {
      expect(c.width, c.id).toBeGreaterThan(600);
      expect(c.inked, c.id).toBeGreaterThan(0.01);
    }
    const text = await page.textContent('body');
    for (const s of ['14 Trial in silico', 'seed 14', 'persister killer', 'Hazard ratio vs control', 'What theory expects', 'arms:']) {
      expect(text).toContain(s);
    }
    await page.close();
  });
});
