// Sweep follow-ups of issue 14 (items 10 and 12): a point where no replicate responded (the
// burden never fell below the relapse threshold) says "no response", as a run's summary does,
// not "not reached"; and a column's values do not change with the unit typed for another
// dimension (only converted columns are rounded), so a Latin hypercube's horizon column is
// the same bytes whether the entry rate was typed per hour or per day.
import { describe, expect, it } from 'vitest';
import { cellMarks } from '../../src/sweep/cellMarks.js';
import type { ChartPoint } from '../../src/sweep/chartParts.js';
import { dimensionHeader } from '../../src/sweep/csv.js';
import { scaleOf, unitOf } from '../../src/sweep/design.js';
import { cureOf, noResponseOf, summarizePoint } from '../../src/sweep/metrics.js';
import { planSweep } from '../../src/sweep/plan.js';
import type { RunRecord } from '../../src/sweep/runRecord.js';
import { SMALL } from './fixtures.js';

const run = (responded: boolean, extinct = false): RunRecord => ({
  replicate: 0, nadir_h: 0, nadir_cells: extinct ? 0 : 500, nadir_persisters: 1, responded,
  relapse_h: null, extinct_h: extinct ? 200 : null, final_sensitive: extinct ? 0 : 4000, final_persister: 0, final_resistant: 0,
});

describe('no response is not "not reached" in a sweep', () => {
  it('no replicate responded: no response; responders without relapse: not reached; extinct: cured', () => {
    const none = summarizePoint(Array.from({ length: 6 }, () => run(false)), 720);
    expect(none.metrics.median_relapse_h.value).toBeNull();
    expect(noResponseOf(none, 'median_relapse_h')).toBe(true);
    expect(cureOf(none, 'median_relapse_h')).toBeNull();
    expect(noResponseOf(none, 'final_cells')).toBe(false); // a metric with a value
    const censored = summarizePoint(Array.from({ length: 6 }, () => run(true)), 720);
    expect(noResponseOf(censored, 'median_relapse_h')).toBe(false);
    const cured = summarizePoint(Array.from({ length: 6 }, () => run(true, true)), 720);
    expect(noResponseOf(cured, 'median_relapse_h')).toBe(false);
    expect(cureOf(cured, 'median_relapse_h')?.value).toBe(1);
  });

  it('the chart marks such a point "no response"', () => {
    const p = (noResponse: boolean): ChartPoint => ({ values: [0, 0], estimate: { value: null, lo: null, hi: null }, horizonH: 720, cure: null, noResponse });
    const marks = cellMarks([p(true), p(false)]);
    expect(marks.map((m) => m.state)).toEqual(['no-response', 'not-reached']);
    expect(marks[0].lines).toEqual(['no response']);
  });
});

describe('a column does not depend on the unit typed for another', () => {
  const lhs = (rate: string) => {
    const p = planSweep('s.yaml', SMALL, { vary: [rate, 'time.horizon=480h..700h'], sample: 'lhs:8', set: [] });
    const values = p.points.map((x) => x.values as number[]); // in display units (design.ts inDisplayUnits)
    return { headers: p.dimensions.map((d) => dimensionHeader({ path: d.path, spec: d.spec, unit: unitOf(d), scale: scaleOf(d) })), values };
  };

  it('per hour and per day give one header and the same horizon values; the rates agree to 1e-14', () => {
    const perHour = lhs('switch.entry_rate=1e-5/h..1e-4/h:log');
    const perDay = lhs('switch.entry_rate=2.4e-4/d..2.4e-3/d:log');
    expect(perHour.headers).toEqual(['switch.entry_rate (/h)', 'time.horizon (h)']);
    expect(perDay.headers).toEqual(perHour.headers);
    expect(perDay.values.map((v) => v[1])).toEqual(perHour.values.map((v) => v[1]));
    expect(perDay.values.map((v) => v[1]).some((h) => String(h).length > 16)).toBe(true); // unrounded: 17 digits
    perDay.values.forEach((v, i) => expect(Math.abs(v[0] / perHour.values[i][0] - 1)).toBeLessThan(1e-14));
  });
});
