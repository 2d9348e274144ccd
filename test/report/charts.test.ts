// The chart functions are pure: results in, chart.js configuration out. These tests check
// the series, units, axes and bands they hold, not pixels.
import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/analysis/kaplanMeier.js';
import { armsBurdenChart } from '../../src/report/charts/armsBurden.js';
import { burdenChart } from '../../src/report/charts/burden.js';
import { drugsChart } from '../../src/report/charts/drugs.js';
import { exposureBands } from '../../src/report/charts/exposure.js';
import { persisterFractionChart } from '../../src/report/charts/persisterFraction.js';
import { armCharts, comparisonCharts } from '../../src/report/charts/registry.js';
import type { Point } from '../../src/report/charts/spec.js';
import { logRange } from '../../src/report/charts/style.js';
import { formatP, survivalChart } from '../../src/report/charts/survival.js';
import { compareArms } from '../../src/report/compareArms.js';
import { armOf, dataset, labels, placebo, scale, smallScenario } from './fixtures.js';

const arm = armOf(smallScenario(), 'control');
const treated = armOf({ ...smallScenario(), drugs: smallScenario().drugs.map((d) => (d.name === 'placebo' ? { ...d, potency: 0.9 } : d)) }, 'blocked');


describe('burden chart', () => {
  const spec = burdenChart(arm);

  it('has the median and the 10-90% band of total, sensitive and persister, the expected total and the threshold', () => {
    for (const s of ['Total', 'Sensitive', 'Persister']) {
      expect(labels(spec)).toContain(`${s} (median)`);
      expect(dataset(spec, `${s} 10-90%`).fill).toBe('+1');
      expect(labels(spec)).toContain(`${s} 10%`);
    }
    expect(dataset(spec, 'Total, expected (linear theory)').borderDash).toEqual([8, 6]);
    const threshold = dataset(spec, 'Relapse threshold').data as Point[];
    expect(threshold.map((p) => p.y)).toEqual([400, 400]);
  });

  it('keeps the band edges out of the legend and the medians in it', () => {
    const hidden = spec.legendHidden.map((i) => labels(spec)[i]);
    expect(hidden.every((l) => l?.includes('10'))).toBe(true);
    expect(hidden).toHaveLength(6);
  });

  it('draws time in days and cells on a log axis with powers-of-ten labels', () => {
    expect(scale(spec, 'x')).toMatchObject({ type: 'linear', min: 0, max: 25, title: { text: 'Time (days)' } });
    expect(scale(spec, 'y')).toMatchObject({ type: 'logarithmic', title: { text: 'Cells (log scale)' } });
    expect(spec.tickFormats).toEqual({ y: 'pow10' });
    const median = dataset(spec, 'Total (median)').data as Point[];
    expect(median).toHaveLength(arm.times.length);
    expect(median[0]).toEqual({ x: 0, y: 400 });
  });

  it('shades the kill pulse (days 1 to 4) and not the placebo', () => {
    expect(spec.bands).toHaveLength(1);
    expect(spec.bands[0]).toMatchObject({ from: 1, to: 4, lane: 0 });
    expect(spec.bands[0].level).toBeGreaterThan(0.9);
    expect(labels(spec)).toContain('chemo (kill) exposure');
    expect(labels(spec).some((l) => l?.startsWith('placebo'))).toBe(false);
  });

  it('shades a second acting drug in its own lane', () => {
    const bands = exposureBands(treated.scenario);
    expect(new Set(bands.map((b) => b.lane))).toEqual(new Set([0, 1]));
    expect(bands.find((b) => b.lane === 1)).toMatchObject({ from: 0, to: 1 });
  });
});

describe('persister fraction chart', () => {
  const spec = persisterFractionChart(arm);

  it('is a percent log axis up to 100%, with a band, a median and the expected fraction', () => {
    expect(scale(spec, 'y')).toMatchObject({ type: 'logarithmic', max: 1 });
    expect(spec.tickFormats).toEqual({ y: 'percent' });
    const median = dataset(spec, 'Persister fraction (median)').data as Point[];
    expect(median[0].y).toBeCloseTo(0.01, 2);
    const expected = dataset(spec, 'Expected (linear theory)').data as Point[];
    expect(expected[0].y).toBeCloseTo(0.01, 10);
    // under the drug the fraction climbs: persisters survive, sensitive cells die
    const day4 = median.find((p) => p.x === 4);
    expect(day4?.y).toBeGreaterThan(0.2);
  });
});

describe('drugs chart', () => {
  it('shows concentration / EC50 (left) and effect 0-1 (right) of acting drugs only', () => {
    const spec = drugsChart(arm);
    expect(labels(spec)).toEqual(['chemo: concentration / EC50', 'chemo: effect E (kill)']);
    expect(scale(spec, 'y').title.text).toBe('Concentration / EC50');
    expect(scale(spec, 'effect')).toMatchObject({ min: 0, max: 1, position: 'right' });
    const effect = dataset(spec, 'chemo: effect E (kill)');
    expect(effect.yAxisID).toBe('effect');
    const pts = effect.data as Point[];
    expect(pts.find((p) => p.x === 2)?.y).toBeCloseTo(1, 6);
    expect(pts.find((p) => p.x === 5)?.y).toBe(0);
  });

  it('is not drawn without an acting drug (a potency-0 placebo does not act)', () => {
    const s = smallScenario();
    const bare = armOf({ ...s, time: { ...s.time, horizonH: 48 }, drugs: [placebo] });
    expect(armCharts(bare).map((c) => c.id)).toEqual(['burden', 'persister-fraction']);
    expect(armCharts(arm).map((c) => c.id)).toEqual(['burden', 'persister-fraction', 'drugs']);
  });
});

describe('survival chart', () => {
  const rows = compareArms([arm, treated]);
  const spec = survivalChart([arm, treated], rows);

  it('has one Kaplan-Meier step curve per arm and censoring ticks, kept out of the legend', () => {
    expect(spec.config.data.datasets).toHaveLength(4);
    expect(spec.legendHidden).toEqual([1, 3]);
    const curve = spec.config.data.datasets[0];
    expect(curve.stepped).toBe('before');
    const km = kaplanMeier(arm.relapse);
    const pts = curve.data as Point[];
    expect(pts[0]).toEqual({ x: 0, y: 1 });
    expect(pts.slice(1, -1).map((p) => p.y)).toEqual([...km.survival]);
    expect((spec.config.data.datasets[1].data as Point[]).length).toBe(km.censorTimes.length);
    expect(scale(spec, 'y')).toMatchObject({ min: 0, max: 1 });
  });

  it('puts the median, the hazard ratio and the log-rank p-value in the legend', () => {
    expect(spec.config.data.datasets[0].label).toMatch(/^control: median .* \(reference\)$/);
    const p = rows[1].log_rank_p as number;
    expect(spec.config.data.datasets[2].label).toContain(`log-rank ${formatP(p)} vs control`);
    expect(spec.config.data.datasets[2].label).toMatch(/HR \d/);
  });

  it('formats p-values', () => {
    expect(formatP(0.5)).toBe('p = 0.50');
    expect(formatP(0.0004)).toBe('p = 4.0e-4');
    expect(formatP(1e-9)).toBe('p < 0.0001');
  });
});

describe('comparison charts', () => {
  it('draw survival for one arm, and burden by arm only for two or more', () => {
    expect(comparisonCharts([arm], compareArms([arm])).map((c) => c.id)).toEqual(['survival']);
    const both = comparisonCharts([arm, treated], compareArms([arm, treated]));
    expect(both.map((c) => c.id)).toEqual(['survival', 'burden-by-arm']);
    expect(labels(armsBurdenChart([arm, treated]))).toEqual(['control (median)', 'blocked (median)', 'Relapse threshold', 'chemo (kill) exposure', 'placebo (block-entry) exposure']);
  });
});

describe('log axis range', () => {
  it('spans whole decades, down to the floor when there are zeros', () => {
    expect(logRange([3, 4500], 1)).toEqual({ min: 1, max: 10000 });
    expect(logRange([30, 4500], 1)).toEqual({ min: 10, max: 10000 });
    expect(logRange([0, 30, 100], 1)).toEqual({ min: 1, max: 100 });
    expect(logRange([0.002, 0.9], 1e-4, 1)).toEqual({ min: 0.001, max: 1 });
  });
});
