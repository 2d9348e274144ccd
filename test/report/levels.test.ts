// The FOSL1 level distribution: the chart's pure function (series per time, axes, thresholds),
// levels.csv written and read back (alone and through an output folder, as `persim report`
// reads it), and the chart drawn as a 1200 x 700 PNG.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { LevelHistograms } from '../../src/analysis/levelHistogram.js';
import { writeFilesAtomically } from '../../src/io/atomicWrite.js';
import { simulate } from '../../src/engine/simulate.js';
import type { Fosl1Switch, Scenario } from '../../src/model/scenario.js';
import { LEVELS_HEADER, levelsCsv } from '../../src/output/levelsCsv.js';
import { buildSummary } from '../../src/output/summaryJson.js';
import { armFromSimulation, type ArmResult } from '../../src/report/armResult.js';
import { hasLevels, levelsChart, outline, shareRange } from '../../src/report/charts/levels.js';
import { armCharts } from '../../src/report/charts/registry.js';
import type { ChartSpec, Point } from '../../src/report/charts/spec.js';
import { compareArms } from '../../src/report/compareArms.js';
import { readOutputFolder } from '../../src/report/fromOutDir.js';
import { levelCollector, levelHistogramsFromCsv, LevelsFormatError } from '../../src/report/levelSeries.js';
import { singleRunFiles } from '../../src/report/outputTree.js';
import { PNG_HEIGHT, PNG_WIDTH, renderPng } from '../../src/report/renderPng.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { FOSL1_REFERENCE, makeScenario, squarePulseKill } from '../helpers/makeScenario.js';
import { tempDir } from '../helpers/cli.js';
import { armOf, dataset, labels, scale, smallScenario } from './fixtures.js';

/** Lesson 04's switch, 600 cells, a 4-day kill pulse from day 2, histograms at days 0, 6 and 10. */
function fosl1Arm(at: number[] = [0, 144, 240]): ArmResult {
  const base = makeScenario({
    horizonH: 240, recordEveryH: 12, initial: 600, bS: 0.017, dS: 0.002, bP: 0.001, seed: 9, replicates: 3,
    fosl1: {}, drugs: [squarePulseKill('chemo', 0.08, [{ start: 48, duration: 96 }])],
  });
  const s: Scenario = { ...base, switch: { ...FOSL1_REFERENCE, levelHistogramAtH: at } as Fosl1Switch };
  const c = levelCollector(s);
  if (c === null) throw new Error('no collector');
  const sim = simulate(s, c.hooks);
  const summary = buildSummary(sim, { name: s.name, file: 'test.yaml', sha256: '0'.repeat(64), overrides: [] });
  return armFromSimulation('fosl1 arm', null, sim, summary, c.result());
}

// biome-ignore lint/suspicious/noExplicitAny: chart.js plugin options of every kind, read freely by the test
const plugins = (spec: ChartSpec): any => spec.config.options?.plugins;

/** Shares rounded as levels.csv writes them (6 significant digits). */
const six = (h: LevelHistograms) => ({
  ...h,
  edges: h.edges.map((x) => Number(x.toPrecision(6))),
  sensitive: h.sensitive.map((a) => a.map((x) => Number(x.toPrecision(6)))),
  persister: h.persister.map((a) => a.map((x) => Number(x.toPrecision(6)))),
});

const arm = fosl1Arm();

describe('levels chart', () => {
  const spec = levelsChart(arm);

  it('applies to an arm with level histograms only', () => {
    expect(hasLevels(arm)).toBe(true);
    expect(armCharts(arm).map((c) => c.id)).toContain('levels');
    const twoState = armOf(smallScenario(), 'two-state');
    expect(hasLevels(twoState)).toBe(false);
    expect(armCharts(twoState).map((c) => c.id)).not.toContain('levels');
  });

  it('draws a sensitive and a persister series per time, in days, and both thresholds', () => {
    expect(labels(spec)).toEqual([
      'day 0: sensitive', 'day 0: persister', 'day 6: sensitive', 'day 6: persister', 'day 10: sensitive', 'day 10: persister',
      'on threshold 1.2 (sensitive -> persister above)', 'off threshold 1 (persister -> sensitive below)',
    ]);
    expect(dataset(spec, 'day 6: persister').borderDash).toEqual([7, 4]);
    expect(dataset(spec, 'day 6: sensitive').borderDash).toBeUndefined();
    // One colour per time.
    expect(dataset(spec, 'day 6: persister').borderColor).toBe(dataset(spec, 'day 6: sensitive').borderColor);
    expect(dataset(spec, 'day 0: sensitive').borderColor).not.toBe(dataset(spec, 'day 6: sensitive').borderColor);
    const y = scale(spec, 'y');
    expect((dataset(spec, 'on threshold 1.2 (sensitive -> persister above)').data as Point[])).toEqual([{ x: 1.2, y: y.min }, { x: 1.2, y: y.max }]);
    expect((dataset(spec, 'off threshold 1 (persister -> sensitive below)').data as Point[]).map((p) => p.x)).toEqual([1, 1]);
  });

  it('has the level on x from 0 and the fraction of living cells on a log axis in percent', () => {
    expect(scale(spec, 'x')).toMatchObject({ type: 'linear', min: 0, title: { text: 'FOSL1 level (a.u.)' } });
    expect(scale(spec, 'y')).toMatchObject({ type: 'logarithmic', max: 1, title: { text: 'Fraction of living cells (log scale)' } });
    expect(spec.tickFormats).toEqual({ y: 'percent' });
    expect(spec.xName).toBe('FOSL1 level');
    expect(plugins(spec).subtitle.text.join(' ')).toMatch(/day 0, day 6, day 10/);
    expect(plugins(spec).subtitle.text.join(' ')).toMatch(/mean over 3 replicates/);
    expect(plugins(spec).subtitle.text.join(' ')).toMatch(/nearest to the times of switch\.level_histogram_at: day 0/);
    const byDefault = levelsChart({ ...arm, scenario: { ...arm.scenario, switch: FOSL1_REFERENCE } });
    expect(plugins(byDefault).subtitle.text.join(' ')).toMatch(/the default times \(start, end of the last drug exposure, horizon\)/);
  });

  it('draws each bin at its mean share, and the shares of a time add up to 1', () => {
    const h = arm.levels as LevelHistograms;
    const data = dataset(spec, 'day 0: sensitive').data as Point[];
    const b = h.sensitive[0].findIndex((x) => x > 0.05);
    const lo = Number(h.edges[b].toPrecision(4));
    expect(data).toContainEqual({ x: lo, y: h.sensitive[0][b] });
    for (let i = 0; i < 3; i++) expect([...h.sensitive[i], ...h.persister[i]].reduce((a, x) => a + x, 0)).toBeCloseTo(1, 12);
  });

  it('leaves out a time without living cells, and says so', () => {
    const h = arm.levels as LevelHistograms;
    const empty: ArmResult = { ...arm, levels: { ...h, replicates: [3, 0, 3], sensitive: [h.sensitive[0], new Float64Array(h.sensitive[1].length), h.sensitive[2]] } };
    const s = levelsChart(empty);
    expect(labels(s).filter((l) => l?.startsWith('day 6'))).toEqual([]);
    expect(plugins(s).subtitle.text.join(' ')).toMatch(/no living cells at day 6/);
  });

  it('outlines runs of bins down to the axis, with a gap over empty bins', () => {
    expect(outline([0, 1, 2, 3, 4], [0.5, 0, 0.25, 0.25], 0.01)).toEqual([
      { x: 0, y: 0.01 }, { x: 0, y: 0.5 }, { x: 1, y: 0.5 }, { x: 1, y: 0.01 },
      { x: 2, y: null },
      { x: 2, y: 0.01 }, { x: 2, y: 0.25 }, { x: 3, y: 0.25 }, { x: 3, y: 0.25 }, { x: 4, y: 0.25 }, { x: 4, y: 0.01 },
    ]);
    expect(shareRange([0.15, 3e-4])).toEqual({ min: 1e-4, max: 1 });
    expect(shareRange([0.15, 1e-9])).toEqual({ min: 1e-5, max: 1 });
  });
});

describe('levels.csv', () => {
  it('is written one row per time per bin and read back to the same histograms', () => {
    const h = arm.levels as LevelHistograms;
    const text = levelsCsv(h);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(LEVELS_HEADER);
    expect(lines).toHaveLength(1 + 3 * (h.edges.length - 1));
    expect(lines[1]).toMatch(/^0,0,0\.0\d+,/);
    const back = levelHistogramsFromCsv(text);
    expect(back).toEqual(six(h));
    expect(levelsCsv(back)).toBe(text);
  });

  it('refuses a file that is not levels.csv', () => {
    expect(() => levelHistogramsFromCsv('time_h,level\n0,1\n')).toThrow(LevelsFormatError);
    expect(() => levelHistogramsFromCsv(`${LEVELS_HEADER}\n0,0,0.1,x,0,1\n`)).toThrow(/line 2/);
    expect(() => levelHistogramsFromCsv(`${LEVELS_HEADER}\n0,0,0.1,1,0,1\n5,0,0.2,1,0,1\n`)).toThrow(/bins differ/);
  });

  it('is rebuilt by persim report from the output folder', async () => {
    const file = 'scenarios/04-fosl1-switch.yaml';
    const text = readFileSync(file, 'utf8');
    const overrides = ['replicates=2', 'switch.level_histogram_at=[0d, 15d, 35d]'];
    const s = loadScenarioText(text, file, overrides);
    const c = levelCollector(s);
    if (c === null) throw new Error('no collector');
    const sim = simulate(s, c.hooks);
    const identity = { name: s.name, file, sha256: createHash('sha256').update(text).digest('hex'), overrides };
    const result = armFromSimulation(s.name, null, sim, buildSummary(sim, identity), c.result());
    const dir = join(tempDir(), 'out');
    writeFilesAtomically(dir, await singleRunFiles({ result, sim }, compareArms([result]), text, false));
    expect(readFileSync(join(dir, 'levels.csv'), 'utf8')).toBe(levelsCsv(result.levels as LevelHistograms));
    const [read] = readOutputFolder(dir).arms;
    expect(read.levels).toEqual(six(result.levels as LevelHistograms));
    expect([...(read.levels as LevelHistograms).timesH]).toEqual([0, 360, 840]);
    expect(labels(levelsChart(read))).toEqual(labels(levelsChart(result)));
  });
});

describe('levels PNG', () => {
  it('decodes at 1200 x 700, and is byte-identical for the same seed', async () => {
    const png = await renderPng(levelsChart(arm));
    const img = await loadImage(Buffer.from(png));
    expect([img.width, img.height]).toEqual([PNG_WIDTH, PNG_HEIGHT]);
    const again = await renderPng(levelsChart(fosl1Arm()));
    expect(Buffer.from(again).equals(Buffer.from(png))).toBe(true);
  });
});
