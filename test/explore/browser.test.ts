// The explorer in a real browser: headless Chromium (test/helpers/browser.ts), driven by playwright-core,
// opens the page from disk with every non-file request refused. It runs a lesson, moves a
// control and sees the charts change (the previous run kept, faded), keeps keyboard focus on
// a slider that arrow keys move, shows every lesson preset (with PERSIM_SCREENSHOTS=1, a
// screenshot of each goes to out/explorer-screens/) with cells in the dish before Play, lesson
// texts that name no file a student does not have, and the lessons too large for the agent
// engine (13, 16) drawn on their charts from the population engine; and finds no console error. It also measures the dish's frame rate with 5,000 cells and prints it
// (a measurement, not an assertion: the machine may be busy).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { ROOT, persim, tempDir } from '../helpers/cli.js';

const SCREENS = join(ROOT, 'out', 'explorer-screens');

type State = {
  lesson: string; gen: number; sets: string[]; t: number; horizonH: number; playing: boolean; finished: boolean;
  dots: number; batchDone: number; batchTotal: number; charts: Record<string, number[]>; renderMs: number; errors: string[]; engine: 'agent' | 'population' | null;
  exposureBands: number;
};

/** A steady tumour of about 5,000 cells with turnover, for the frame rate. */
const STEADY_5000 = `name: Five thousand cells
seed: 5
replicates: 2
time: {horizon: 60d, record_every: 12h}
population: {initial: 5000, persister_fraction: 0.01, capacity: 5650}
phenotypes:
  sensitive: {doubling_time: 40h, death_rate: 0.002/h}
  persister: {division_rate: 0.001/h, death_rate: 0.0005/h}
switch: {model: two-state, entry_rate: 1e-4/h, exit_rate: 0.01/h}
relapse: {relative: 1.0}
`;

describe('the explorer in headless Chromium', () => {
  const out = tempDir();
  const fpsOut = tempDir();
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    expect(persim(['explore', '--out', out, '--quiet']).status).toBe(0);
    const steady = join(fpsOut, 'steady-5000.yaml');
    writeFileSync(steady, STEADY_5000);
    expect(persim(['explore', steady, '--out', fpsOut, '--quiet']).status).toBe(0);
    mkdirSync(SCREENS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(dir: string): Promise<Page> {
    problems.length = 0;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('blob:')) return route.continue();
      problems.push(`network request: ${url}`);
      return route.abort();
    });
    await page.goto(`file://${join(dir, 'index.html')}`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { persimExplorer?: unknown }).persimExplorer !== undefined);
    return page;
  }

  const state = (page: Page): Promise<State> => page.evaluate(() => (window as unknown as { persimExplorer: { state(): State } }).persimExplorer.state());
  /** Waits until `condition` (an expression of the page's state `s` and `a`) holds; the page forbids eval, so the function is made here. */
  const until = (page: Page, condition: string, a: number, timeout = 30_000) =>
    page.waitForFunction(new Function('a', `const s = window.persimExplorer.state(); return ${condition};`) as (a: number) => boolean, a, { timeout, polling: 100 });
  /** A checksum of a canvas's pixels. */
  const pixels = (page: Page, id: string) =>
    page.evaluate((cid) => {
      const d = (document.getElementById(cid) as HTMLCanvasElement).toDataURL();
      let h = 0;
      for (let i = 0; i < d.length; i++) h = (h * 31 + d.charCodeAt(i)) % 1_000_000_007;
      return h;
    }, id);

  /**
   * The share of the dish's inner disc (the middle 80% of its radius) not of the disc's most
   * common colour, the background: cells drawn. Read after the next animation frame.
   */
  const dishInk = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => {
            // Read from a copy: reading the page's own canvas again and again makes Chromium warn.
            const shown = document.getElementById('dish') as HTMLCanvasElement;
            const c = Object.assign(document.createElement('canvas'), { width: shown.width, height: shown.height });
            const ctx = c.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
            ctx.drawImage(shown, 0, 0);
            const d = ctx.getImageData(0, 0, c.width, c.height).data;
            const r = 0.4 * c.width;
            const inside: number[] = [];
            for (let y = 0; y < c.height; y++) for (let x = 0; x < c.width; x++) if ((x - c.width / 2) ** 2 + (y - c.height / 2) ** 2 < r * r) inside.push(4 * (y * c.width + x));
            const tally = new Map<number, number>();
            for (const i of inside) tally.set((d[i] << 16) | (d[i + 1] << 8) | d[i + 2], (tally.get((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]) ?? 0) + 1);
            const bg = [...tally.entries()].sort((a, b) => b[1] - a[1])[0][0];
            const far = (i: number) => Math.abs(d[i] - (bg >> 16)) + Math.abs(d[i + 1] - ((bg >> 8) & 255)) + Math.abs(d[i + 2] - (bg & 255)) > 40;
            resolve(inside.filter(far).length / inside.length);
          }),
        ),
    );
  /** Pixels of the batch's purple (the median of replicates) on a chart: its legend leaves out empty datasets, so none before data. */
  const purple = (page: Page, id: string) =>
    page.evaluate((cid) => {
      // Read from a copy: reading the page's own canvas again and again makes Chromium warn.
      const shown = document.getElementById(cid) as HTMLCanvasElement;
      const c = Object.assign(document.createElement('canvas'), { width: shown.width, height: shown.height });
      const ctx = c.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
      ctx.drawImage(shown, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 2] > d[i] + 30 && d[i + 2] > d[i + 1] + 50) n++;
      return n;
    }, id);
  /** The data-control of the focused element, or its tag. */
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-control') ?? document.activeElement?.tagName ?? null);
  /** Names of files and commands a student of the page does not have. */
  const NOT_IN_THE_PAGE = /\.ya?ml\b|\bout\/|\.csv\b|\.json\b|\.png\b|--[a-z]|\bpersim [a-z]|\bfile\b|scenarios\//i;

  it('runs a lesson offline and reruns when a control moves, the previous run faded', async () => {
    const page = await open(out);
    expect(await page.textContent('#lesson-panel')).toContain('Question');
    // Cells in the dish at once, before Play and before the workers answer.
    expect(await dishInk(page)).toBeGreaterThan(0.05);
    await until(page, 's.batchDone >= 3', 0);
    await page.click('#step');
    await until(page, 's.t === a && !s.playing', 12); // one record interval of lesson 01
    await page.selectOption('#speed', '8');
    await page.click('#play');
    await until(page, 's.t >= a', 10 * 24);
    await page.click('#play');
    await page.waitForTimeout(300);
    const before = await state(page);
    expect(before.lesson).toBe('01-biphasic-kill');
    expect(before.charts.burden[5]).toBeGreaterThan(3);
    expect(before.charts.survival[1]).toBeGreaterThan(1);
    const burdenBefore = await pixels(page, 'chart-burden');

    await page.evaluate(() => {
      const input = document.querySelector('[data-control="chemo.potency"]') as HTMLInputElement;
      input.value = '0';
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('change'));
    });
    await until(page, 's.gen === a && s.batchDone >= 3', before.gen + 1);
    await page.click('#play');
    await until(page, 's.t >= a', 5 * 24);
    await page.waitForTimeout(300);
    const after = await state(page);
    expect(after.sets).toContain('drugs.chemo.potency=0/h');
    expect(after.charts.burden[0]).toBeGreaterThan(10); // previous run's median, faded
    expect(after.charts.burden[1]).toBeGreaterThan(3); // previous run's live replicate
    expect(after.charts.survival[0]).toBeGreaterThan(1);
    expect(await pixels(page, 'chart-burden')).not.toBe(burdenBefore);
    expect(await page.textContent('#controls-panel output.changed')).toBe('0 /h');
    expect(after.errors).toEqual([]);

    // Arrow keys move a slider step by step: each step reruns and re-renders the panel, and
    // the focus stays on the slider.
    await page.focus('[data-control="chemo.potency"]');
    await page.keyboard.press('ArrowRight');
    await until(page, 's.gen === a', after.gen + 1);
    expect(await focused(page)).toBe('chemo.potency');
    const oneStep = (await state(page)).sets;
    await page.keyboard.press('ArrowRight');
    await until(page, 's.gen === a', after.gen + 2);
    expect(await focused(page)).toBe('chemo.potency');
    const twoSteps = (await state(page)).sets;
    const potency = (sets: string[]) => Number(/drugs\.chemo\.potency=([\d.e-]+)\/h/.exec(sets.join(' '))?.[1]);
    expect(potency(oneStep)).toBeGreaterThan(0);
    expect(potency(twoSteps)).toBeGreaterThan(potency(oneStep));
    await page.close();
    expect(problems).toEqual([]);
  });

  it('shows every lesson preset (PERSIM_SCREENSHOTS=1 saves screenshots in out/explorer-screens/)', async () => {
    const page = await open(out);
    const lessons = await page.$$eval('#lesson-select option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(lessons.length).toBeGreaterThanOrEqual(9);
    for (const id of lessons) {
      await page.selectOption('#lesson-select', id);
      await page.waitForFunction((l) => (window as unknown as { persimExplorer: { state(): State } }).persimExplorer.state().lesson === l, id);
      const panel = (await page.textContent('#lesson-panel')) ?? '';
      expect(panel.match(NOT_IN_THE_PAGE)?.[0] ?? null, id).toBeNull();
      expect(await dishInk(page), id).toBeGreaterThan(0.002); // cells before Play
      const large = id.startsWith('13-') || id.startsWith('16-');
      expect((await state(page)).engine, id).toBe(large ? 'population' : 'agent');
      if (large) {
        // Too large to follow cell by cell: the population engine draws the batch before Play.
        await until(page, 's.batchDone >= 1 && s.charts.burden[4] > 50 && s.charts.survival[1] > 0', 0);
        await page.waitForTimeout(250); // the charts redraw every 200 ms
        expect(await purple(page, 'chart-burden'), id).toBeGreaterThan(50);
      }
      await page.selectOption('#speed', '8');
      await page.click('#play');
      // The dish's clock and charts wait for the engine's Web Worker, which a busy machine delays.
      await until(page, 's.t > 0 && s.charts.burden[5] > 1', 0);
      await until(page, 's.t >= 0.45 * s.horizonH || s.finished', 0, 600).catch(() => undefined);
      // Read before pausing: a click that lands just after the run finished replays it.
      const s = await state(page);
      if (s.playing) await page.click('#play');
      await page.waitForTimeout(250);
      expect(s.errors, id).toEqual([]);
      expect(s.t, id).toBeGreaterThan(0);
      expect(s.charts.burden[5], id).toBeGreaterThan(1); // the dish's replicate, drawn as it plays
      // The adaptive drug of lesson 12 is shaded as the live replicate receives it.
      if (id.startsWith('12-')) expect(s.exposureBands, id).toBeGreaterThan(0);
      expect(await page.textContent('#lesson-panel'), id).toContain('One thing to try');
      if (process.env.PERSIM_SCREENSHOTS) await page.screenshot({ path: join(SCREENS, `${id}.png`) });
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  it('animates 5,000 cells: frame rate printed', async () => {
    const page = await open(fpsOut);
    await until(page, 's.dots >= 4900', 0);
    await page.selectOption('#speed', '1');
    await page.click('#play');
    await page.waitForTimeout(1000);
    const measured = await page.evaluate(
      () =>
        new Promise<{ fps: number; frames: number }>((resolve) => {
          let frames = 0;
          const start = performance.now();
          const count = (now: number) => {
            frames++;
            if (now - start < 3000) requestAnimationFrame(count);
            else resolve({ fps: (1000 * frames) / (now - start), frames });
          };
          requestAnimationFrame(count);
        }),
    );
    const s = await state(page);
    console.log(`explorer dish: ${measured.fps.toFixed(1)} frames/s over 3 s with ${s.dots} cells as dots (dish drawn in ${s.renderMs.toFixed(2)} ms a frame)`);
    expect(s.dots).toBeGreaterThan(4500);
    expect(s.playing).toBe(true);
    expect(measured.frames).toBeGreaterThan(0);
    await page.close();
    expect(problems).toEqual([]);
  });
});
