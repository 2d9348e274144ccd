// Regression tests for what a sweep shows (issue 14 item 12): a point where the tumours died
// out says "cured" with P(cure), not "not reached"; the heatmap prints each interval and
// marks the points it cannot tell from the highest; a varied duration is in hours and a rate
// per hour whatever unit was typed, so sweep.csv's column names and values do not change with
// it; log-axis tick labels of a Latin hypercube cannot overlap.
import { describe, expect, it } from 'vitest';
import { cellMarks } from '../../src/sweep/cellMarks.js';
import type { ChartInput, ChartPoint } from '../../src/sweep/chartParts.js';
import { dimensionHeader } from '../../src/sweep/csv.js';
import { scaleOf, unitOf } from '../../src/sweep/design.js';
import { logTickLabel } from '../../src/sweep/heatmapChart.js';
import { METRIC_INFO, cureOf, summarizePoint } from '../../src/sweep/metrics.js';
import { planSweep } from '../../src/sweep/plan.js';
import type { RunRecord } from '../../src/sweep/runRecord.js';
import { sweepChartConfig } from '../../src/sweep/sweepChart.js';
import { SMALL } from './fixtures.js';

const run = (extinct: boolean, relapse: number | null = null): RunRecord => ({
  replicate: 0, nadir_h: 100, nadir_cells: extinct ? 0 : 5, nadir_persisters: extinct ? 0 : 5, responded: true,
  relapse_h: relapse, extinct_h: extinct ? 200 : null, final_sensitive: extinct ? 0 : 1000, final_persister: 0, final_resistant: 0,
});

describe('cured is not "not reached"', () => {
  it('every replicate extinct: P(cure) 1 with its Wilson interval; censored survivors stay "not reached"', () => {
    const cured = summarizePoint(Array.from({ length: 8 }, () => run(true)), 720);
    expect(cured.metrics.median_relapse_h.value).toBeNull();
    const cure = cureOf(cured, 'median_relapse_h');
    expect(cure?.value).toBe(1);
    expect(cure?.lo).toBeCloseTo(0.675592, 5); // Wilson, 8 of 8
    const alive = summarizePoint(Array.from({ length: 8 }, () => run(false)), 720);
    expect(alive.metrics.median_relapse_h.value).toBeNull();
    expect(cureOf(alive, 'median_relapse_h')).toBeNull();
    // Five of eight extinct, three relapsed: the median is never reached because of cure.
    const most = summarizePoint([...Array.from({ length: 5 }, () => run(true)), run(false, 300), run(false, 310), run(false, 320)], 720);
    expect(cureOf(most, 'median_relapse_h')?.value).toBe(5 / 8);
    // A metric with a value is never "cured".
    expect(cureOf(cured, 'relapse_probability')).toBeNull();
  });

  it('the chart labels such cells "cured" with P(cure), and an unreached median "not reached"', () => {
    const p = (value: number | null, cure: number | null): ChartPoint => ({
      values: [0, 0], estimate: { value, lo: null, hi: null }, horizonH: 720, cure: cure === null ? null : { value: cure, lo: 0.6, hi: 1 },
    });
    const marks = cellMarks([p(null, 1), p(null, null), p(500, null)]);
    expect(marks.map((m) => m.state)).toEqual(['cured', 'not-reached', 'value']);
    expect(marks[0].lines).toEqual(['cured', 'P(cure) 1']);
    expect(marks[2].lines).toEqual(['500', '[open, open]']);
  });
});

describe('Monte Carlo noise is marked, not coloured as an effect', () => {
  const pt = (x: number, y: number, value: number, lo: number, hi: number): ChartPoint => ({ values: [x, y], estimate: { value, lo, hi }, horizonH: 720, cure: null });
  const points = [pt(1, 1, 100, 90, 110), pt(1, 2, 104, 95, 112), pt(2, 1, 150, 140, 160), pt(2, 2, 130, 118, 141)];

  it('a point whose 95% interval overlaps the highest point\'s is marked; one clear of it is not', () => {
    const marks = cellMarks(points);
    expect(marks.map((m) => m.withinNoise)).toEqual([false, false, false, true]);
    expect(marks[0].lines).toEqual(['100', '[90, 110]']);
  });

  it('the heatmap says so under the chart, and the colour bar of one value is one label', () => {
    const input: ChartInput = {
      title: 't', metric: { name: 'median_relapse_h', ...METRIC_INFO.median_relapse_h },
      dimensions: [{ label: 'a', scale: 'lin' }, { label: 'b', scale: 'lin' }], points, grid: true,
    };
    const sub = (sweepChartConfig(input)!.options!.plugins as { subtitle: { text: string[] } }).subtitle.text;
    expect(sub.join('\n')).toMatch(/Outlined cells: 95% interval overlaps that of the highest point/);
    expect(sub.join('\n')).toMatch(/the value and its 95% interval/);
  });
});

describe('sweep.csv column names do not depend on the unit typed', () => {
  const dims = (vary: string[]) => {
    const p = planSweep('s.yaml', SMALL, { vary, set: [] });
    return { headers: p.dimensions.map((d) => dimensionHeader({ path: d.path, spec: d.spec, unit: unitOf(d), scale: scaleOf(d) })), values: p.points.map((x) => x.values), sets: p.points.map((x) => x.sets) };
  };

  it('durations in hours, rates per hour, bare numbers included; --set keeps what was typed', () => {
    const days = dims(['time.horizon=30d,40d', 'switch.exit_rate=0.24/d']);
    const hours = dims(['time.horizon=720h,960h', 'switch.exit_rate=0.01/h']);
    const bare = dims(['time.horizon=720,960', 'switch.exit_rate=0.01']);
    for (const d of [days, hours, bare]) {
      expect(d.headers).toEqual(['time.horizon (h)', 'switch.exit_rate (/h)']);
      expect(d.values).toEqual([[720, 0.01], [960, 0.01]]);
    }
    expect(days.sets[0]).toEqual(['time.horizon=30d', 'switch.exit_rate=0.24/d']);
    const range = dims(['time.horizon=20d..30d:lin:3']);
    expect(range.values).toEqual([[480], [600], [720]]);
  });

  it('a fraction and a category keep no unit', () => {
    expect(dims(['drugs.blocker.potency=0,0.5']).headers).toEqual(['drugs.blocker.potency']);
    expect(dims(['engine=agent,population']).headers).toEqual(['engine']);
  });
});

describe('log-axis tick labels of a Latin hypercube', () => {
  it('label 1, 2 and 5 times a power of ten only (0.08, 0.09 and 0.1 no longer collide)', () => {
    expect([0.001, 0.002, 0.003, 0.005, 0.08, 0.09, 0.1, 20, 50, 70].map(logTickLabel)).toEqual(['0.001', '0.002', '', '0.005', '', '', '0.1', '20', '50', '']);
  });
});
