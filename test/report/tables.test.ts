// The arms comparison and its files, and the quantiles behind the chart bands.
import { describe, expect, it } from 'vitest';
import { hazardRatio } from '../../src/analysis/hazardRatio.js';
import { logRank } from '../../src/analysis/logRank.js';
import { armsCsv, armsDocument } from '../../src/report/armsFiles.js';
import { compareArms } from '../../src/report/compareArms.js';
import { bandOver, quantileSorted } from '../../src/report/quantiles.js';
import { armOf, smallScenario } from './fixtures.js';

describe('quantiles', () => {
  it('interpolate like R quantile(type = 7)', () => {
    const xs = [1, 2, 3, 4, 10];
    expect(quantileSorted(xs, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileSorted(xs, 0.5)).toBe(3);
    expect(quantileSorted(xs, 0.9)).toBeCloseTo(7.6, 12);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('leave NaN out of a column', () => {
    const band = bandOver(3, 1, (r) => [NaN, 2, 4][r]);
    expect([band.lower[0], band.median[0], band.upper[0]]).toEqual([2.2, 3, 3.8]);
  });
});

describe('arms comparison', () => {
  const control = armOf(smallScenario(), 'control', 'control');
  const s = smallScenario();
  const blocked = armOf({ ...s, drugs: s.drugs.map((d) => (d.name === 'placebo' ? { ...d, potency: 0.9 } : d)) }, 'blocked', 'blocked');
  const rows = compareArms([control, blocked]);

  it('takes medians and counts from the summaries and tests against the first arm', () => {
    expect(rows[0]).toMatchObject({ name: 'control', hazard_ratio: null, log_rank_p: null, median_h: control.summary.relapse.median_h });
    const hr = hazardRatio(control.relapse, blocked.relapse);
    expect(rows[1].hazard_ratio).toBe(hr.ratio);
    expect(rows[1].log_rank_p).toBe(logRank(control.relapse, blocked.relapse).p);
    expect(rows[1].relapsed + rows[1].censored + rows[1].extinct).toBe(12);
    expect(rows[1].extinction_probability).toBe(rows[1].extinct / 12);
  });

  it('writes one CSV row per arm with empty cells for undefined values', () => {
    const doc = armsDocument(control.summary.scenario, 3, 12, rows, [[], ['drugs.placebo.potency=0.9']]);
    expect(doc.reference_arm).toBe('control');
    expect(doc.arms[1].overrides).toEqual(['drugs.placebo.potency=0.9']);
    const lines = armsCsv(doc).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'arm,dir,replicates,relapsed,censored,extinct,median_relapse_h,median_ci95_low_h,median_ci95_high_h,' +
        'relapse_probability,relapse_ci95_low,relapse_ci95_high,extinction_probability,extinction_ci95_low,extinction_ci95_high,' +
        'hazard_ratio,hazard_ratio_ci95_low,hazard_ratio_ci95_high,log_rank_chi2,log_rank_p',
    );
    expect(lines[1].split(',').slice(0, 3)).toEqual(['control', 'control', '12']);
    expect(lines[1].endsWith(',,,,,')).toBe(true);
    expect(lines[2].split(',')).toHaveLength(20);
  });
});
