// The arms comparison and its files, and the quantiles behind the chart bands.
import { describe, expect, it } from 'vitest';
import { hazardRatio } from '../../src/analysis/hazardRatio.js';
import { logRank } from '../../src/analysis/logRank.js';
import { pairedSignTest } from '../../src/analysis/pairedSignTest.js';
import { armsCsv, armsDocument } from '../../src/report/armsFiles.js';
import { compareArms } from '../../src/report/compareArms.js';
import { bandOver, quantileSorted } from '../../src/report/quantiles.js';
import { squarePulseKill } from '../helpers/makeScenario.js';
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

  it('pairs each arm with the first by replicate id for the sign test', () => {
    expect(rows[0]).toMatchObject({ paired_later: null, paired_earlier: null, paired_ties: null, paired_sign_p: null });
    const keyed = (a: typeof control) => a.relapse.map((o, i) => ({ ...o, replicate: a.summary.runs[i].replicate }));
    const sign = pairedSignTest(keyed(control), keyed(blocked));
    expect(sign.pairs).toBe(12);
    expect(rows[1]).toMatchObject({ paired_later: sign.later, paired_earlier: sign.earlier, paired_ties: sign.ties, paired_sign_p: sign.p });
    expect(rows[1].paired_later! + rows[1].paired_earlier! + rows[1].paired_ties!).toBe(12);
  });

  it('gives all ties and p = 1 for an arm identical to the first (common random numbers)', () => {
    const same = compareArms([control, armOf(smallScenario(), 'same', 'same')])[1];
    expect(same).toMatchObject({ paired_later: 0, paired_earlier: 0, paired_ties: 12, paired_sign_p: 1, hazard_ratio: 1 });
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
        'hazard_ratio,hazard_ratio_ci95_low,hazard_ratio_ci95_high,log_rank_chi2,log_rank_p,' +
        'paired_later,paired_earlier,paired_ties,paired_sign_p,' +
        'no_response,log_rank_exact_p,median_difference_h,median_difference_ci95_low_h,median_difference_ci95_high_h,hazard_ratio_note',
    );
    expect(lines[1].split(',').slice(0, 3)).toEqual(['control', 'control', '12']);
    expect(lines[1].endsWith(',,,,,,,,,0,,,,,')).toBe(true);
    const cells = lines[2].split(',');
    const b = doc.arms[1];
    expect(b.hazard_ratio_note).toBeNull();
    expect(cells).toHaveLength(30);
    expect(cells.slice(20, 24).map(Number)).toEqual([b.paired_later, b.paired_earlier, b.paired_ties, b.paired_sign_p]);
    expect(b.paired_sign_p).toBe(Number(rows[1].paired_sign_p!.toPrecision(3)));
    expect(doc.methods.pairing).toContain('the paired sign test uses the pairing');
  });
});

describe('the paired sign test under common random numbers is sharper than the log-rank test', () => {
  // smallScenario (seed 3, 20 replicates: 400 cells, a 3-day kill pulse from day 1, relapse
  // between about 165 and 205 h) and the same with a late, weak extra kill: 0.02/h for 6 h at
  // 150 h, when the regrowing tumour has about 200 cells; it removes about 11% of the cells,
  // a delay of about 4.5 h against a spread of relapse times of about 40 h. Both arms carry
  // the extra drug (potency 0 in the control), so they draw the same random numbers up to 150 h.
  it('a 6-hour late kill: all 20 replicates relapse later, paired p 1.9e-6 against log-rank p 0.11', () => {
    const s = smallScenario(3, { replicates: 20 });
    const late = (potency: number) => ({ ...s, drugs: [...s.drugs, squarePulseKill('late', potency, [{ start: 150, duration: 6 }])] });
    const rows = compareArms([armOf(late(0), 'control'), armOf(late(0.02), 'late kill')]);
    const r = rows[1];
    expect([r.relapsed, rows[0].relapsed]).toEqual([20, 20]);
    expect([r.paired_later, r.paired_earlier, r.paired_ties]).toEqual([20, 0, 0]);
    expect(r.paired_sign_p).toBe(2 / 2 ** 20); // 20 against 0: 1.9e-6
    expect(r.paired_sign_p).toBeLessThan(1e-4);
    expect(r.log_rank_p).toBeGreaterThan(0.1);
    expect(r.paired_sign_p!).toBeLessThan(r.log_rank_p! / 1000);
  });
});
