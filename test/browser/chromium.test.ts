// The browser tests' Chromium (test/helpers/browser.ts): the system's when there is one, and
// the fallback inside the npm package @sparticuz/chromium, forced here with
// PERSIM_TEST_CHROMIUM=npm even where /usr/bin/chromium exists, must launch from file:// and
// draw a canvas and run a Web Worker, as the report and the explorer need.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../helpers/browser.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const PAGE = `<!doctype html><canvas id="c" width="20" height="20"></canvas><script>
const ctx = document.getElementById('c').getContext('2d');
ctx.fillStyle = '#1f77b4'; ctx.fillRect(5, 5, 10, 10);
const w = new Worker(URL.createObjectURL(new Blob(['onmessage = (e) => postMessage(e.data * 7)'], { type: 'text/javascript' })));
w.onmessage = (e) => { window.workerSaid = e.data; };
w.postMessage(6);
</script>`;

describe('the Chromium of the browser tests', () => {
  const saved = process.env.PERSIM_TEST_CHROMIUM;
  afterEach(() => {
    if (saved === undefined) delete process.env.PERSIM_TEST_CHROMIUM;
    else process.env.PERSIM_TEST_CHROMIUM = saved;
  });

  it('is the system chromium when there is one, else the npm package', async () => {
    delete process.env.PERSIM_TEST_CHROMIUM;
    const found = await findChromium();
    expect(found.source).toBe(existsSync('/usr/bin/chromium') || existsSync('/usr/bin/chromium-browser') ? 'system' : 'npm');
  });

  it('falls back to @sparticuz/chromium: it draws a canvas and runs a Web Worker from file://', async () => {
    process.env.PERSIM_TEST_CHROMIUM = 'npm';
    const found = await findChromium();
    expect(found.source).toBe('npm');
    expect(found.executablePath.startsWith(join(ROOT, 'node_modules', '.cache'))).toBe(true);
    const dir = tempDir();
    writeFileSync(join(dir, 'page.html'), PAGE);
    const browser = await launchChromium();
    try {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules/@sparticuz/chromium/package.json'), 'utf8')) as { version: string };
      expect(browser.version().split('.')[0]).toBe(version.split('.')[0]);
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`file://${join(dir, 'page.html')}`, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { workerSaid?: number }).workerSaid !== undefined);
      const result = await page.evaluate(() => {
        const ctx = (document.getElementById('c') as HTMLCanvasElement).getContext('2d')!;
        return { inside: [...ctx.getImageData(10, 10, 1, 1).data], outside: ctx.getImageData(1, 1, 1, 1).data[3], worker: (window as unknown as { workerSaid: number }).workerSaid };
      });
      expect(result).toEqual({ inside: [0x1f, 0x77, 0xb4, 255], outside: 0, worker: 42 });
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await browser.close();
    }
  });
});
