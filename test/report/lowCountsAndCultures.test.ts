// Regression tests for issue 14 item 13: the persister-fraction band leaves out replicates
// with fewer than 10 living cells and stops where fewer than 3 replicates have them (no more
// 0.01%-100% walls from one or two cells); the fluctuation test's dispersion index is printed
// and charted (lesson 09); the burden-by-arm chart carries each arm's drug strips.
import { describe, expect, it } from 'vitest';
import { dispersionOf } from '../../src/analysis/dispersion.js';
import { fluctuationLines } from '../../src/cli/summaryText.js';
import type { Summary } from '../../src/output/summaryJson.js';
import { armLanes, armsBurdenChart } from '../../src/report/charts/armsBurden.js';
import { exposureBands } from '../../src/report/charts/exposure.js';
import { atLeastCurve, hasCultures, survivorsChart } from '../../src/report/charts/survivors.js';
import { MIN_FRACTION_CELLS, persisterFractionBand } from '../../src/report/fractionBand.js';
import { armOf, smallScenario } from './fixtures.js';

describe('persister fraction at low counts', () => {
  // Four replicates over three record times: plenty of cells, then two of them down to 1-2 cells, then all.
  const persister = [[10, 10, 1], [20, 2, 2], [30, 30, 0], [40, 1, 1]];
  const total = [[100, 100, 1], [100, 2, 2], [100, 100, 1], [100, 1, 1]];
  const band = persisterFractionBand(4, 3, (r, k) => persister[r][k], (r, k) => total[r][k]);

  it('counts only replicates with at least 10 cells', () => {
    expect(MIN_FRACTION_CELLS).toBe(10);
    expect(band.median[0]).toBeCloseTo(0.25, 12);
  });

  it('draws nothing where fewer than 3 replicates have 10 cells (was a 0%-100% wall)', () => {
    expect(Number.isNaN(band.median[1]) && Number.isNaN(band.lower[1]) && Number.isNaN(band.upper[1])).toBe(true);
    expect(Number.isNaN(band.median[2])).toBe(true);
  });

  it('a batch of fewer than 3 replicates needs all of them', () => {
    const two = persisterFractionBand(2, 1, () => 5, () => 50);
    expect(two.median[0]).toBe(0.1);
  });
});

describe('the fluctuation test, printed and charted', () => {
  const summary = (finals: number[], barcodes: boolean) =>
    ({ barcodes: barcodes ? { count: 20, initial_cells_per_barcode: 1 } : null, runs: finals.map((t) => ({ final: { total: t } })) }) as unknown as Summary;
  const poisson = [18, 22, 20, 19, 21, 20, 23, 17];
  const jackpots = [2, 3, 1, 150, 4, 2, 0, 5];

  it('the dispersion index: variance / mean with its Poisson standard error', () => {
    const d = dispersionOf(jackpots)!;
    const mean = 167 / 8;
    expect(d.mean).toBeCloseTo(mean, 12);
    expect(d.index).toBeCloseTo(jackpots.reduce((a, x) => a + (x - mean) ** 2, 0) / 7 / mean, 12);
    expect(d.poissonSe).toBeCloseTo(Math.sqrt(2 / 7), 12);
    expect(d.belowMean).toBe(7);
    expect(dispersionOf([5])).toBeNull();
  });

  it('stdout prints it per arm with barcodes (cultures), and not without', () => {
    const lines = fluctuationLines([{ name: 'induced', summary: summary(poisson, true) }, { name: 'spontaneous', summary: summary(jackpots, true) }]);
    expect(lines.join('\n')).toMatch(/induced: mean 20, variance\/mean 0\.\d+ \(Poisson: 1 \+- 1\.07 at 2 SE\)/);
    expect(lines.join('\n')).toMatch(/spontaneous: mean 20\.9, variance\/mean 1\d\d /);
    expect(fluctuationLines([{ name: 'a', summary: summary(poisson, false) }])).toEqual([]);
  });

  it('the chart: the fraction of cultures with at least x cells, each arm with its variance/mean', () => {
    expect(atLeastCurve([0, 3, 1, 3, 7])).toEqual([{ x: 1, y: 0.8 }, { x: 3, y: 0.6 }, { x: 7, y: 0.2 }]);
    const arm = (name: string, finals: number[]) => ({ name, summary: summary(finals, true) }) as never;
    const spec = survivorsChart([arm('induced', poisson), arm('spontaneous', jackpots)]);
    expect(spec.config.data.datasets.map((d) => d.label)).toEqual([expect.stringMatching(/^induced: mean 20, variance\/mean 0\./), expect.stringMatching(/^spontaneous: mean 20\.9, variance\/mean 1\d\d, 1 with none$/)]);
    expect(hasCultures([arm('a', poisson)])).toBe(true);
    expect(hasCultures([{ name: 'b', summary: summary(poisson, false) } as never])).toBe(false);
  });
});

describe('burden by arm shows each arm\'s drugs', () => {
  const control = armOf({ ...smallScenario(), drugs: [] }, 'control');
  const treated = armOf(smallScenario(), 'treated');

  it('one strip lane per arm and acting drug, labelled, without a wash over the plot', () => {
    const { bands, labels } = armLanes([control, treated]);
    expect(labels).toEqual(['control: no drug', 'treated: chemo']);
    expect(bands.length).toBeGreaterThan(0);
    expect(bands.every((b) => b.lane === 1 && b.wash === false)).toBe(true);
    expect(bands.map((b) => [b.from, b.to])).toEqual(exposureBands(treated.scenario).map((b) => [b.from, b.to]));
    const spec = armsBurdenChart([control, treated]);
    expect(spec.bands).toEqual(bands);
    expect(spec.laneLabels).toEqual(labels);
  });
});
