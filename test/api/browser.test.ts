// The browser entry (dist/browser.js) in Chromium: loaded as an ES module on a page, it
// loads, runs and explains a scenario, and its summary is the one the library gives in Node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, loadScenario, runScenario } from '../../src/api/browser.js';
import { launchChromium } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';

const FILE = 'scenarios/02-drug-holiday.yaml';

describe('persim/browser in a browser', () => {
  it('runs and explains a scenario with the summary of Node', async () => {
    const code = readFileSync(join(ROOT, 'dist/browser.js'), 'utf8');
    const text = readFileSync(join(ROOT, FILE), 'utf8');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent('<!doctype html><title>persim</title>');
      // A string, not a function: vitest would rewrite a function's import() for Node.
      const script = `(async () => {
        const url = URL.createObjectURL(new Blob([${JSON.stringify(code)}], { type: 'text/javascript' }));
        const persim = await import(url);
        const loaded = persim.loadScenario(${JSON.stringify(text)}, { file: ${JSON.stringify(FILE)} });
        let ticks = 0;
        const { summary } = await persim.runScenario(loaded, { seed: 4, replicates: 3, onProgress: () => ticks++ });
        let error = '';
        try {
          persim.loadScenario('name: x\\n', { file: 'bad.yaml' });
        } catch (e) {
          error = e.name + ': ' + e.message.split('\\n')[0];
        }
        return { summary: JSON.stringify(summary), ticks, explainTitle: persim.explain(loaded).sections[1].title, error };
      })()`;
      const got = (await page.evaluate(script)) as { summary: string; ticks: number; explainTitle: string; error: string };
      expect(errors).toEqual([]);
      const loaded = loadScenario(text, { file: FILE });
      const { summary } = await runScenario(loaded, { seed: 4, replicates: 3 });
      expect(got.summary).toBe(JSON.stringify(summary));
      expect(got.ticks).toBe(3);
      expect(got.explainTitle).toBe(explain(loaded).sections[1].title);
      expect(got.error).toMatch(/^ScenarioError: bad\.yaml:/);
    } finally {
      await browser.close();
    }
  });
});
