// Per-point metrics: the distribution-free CI of a median (ranks checked against the
// binomial, coverage checked by simulation) and the summary of a point's replicates.
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/analysis/wilson.js';
import { streamFor } from '../../src/rng/stream.js';
import { lowerRank, medianWithInterval } from '../../src/sweep/medianInterval.js';
import { summarizePoint } from '../../src/sweep/metrics.js';
import type { RunRecord } from '../../src/sweep/runRecord.js';

describe('median with its distribution-free 95% interval', () => {
  it('uses the ranks of the binomial(n, 1/2) tables', () => {
    expect(lowerRank(5)).toBe(0); // P(B = 0) = 1/32 > 0.025: no interval
    expect(lowerRank(6)).toBe(1); // 1/64 <= 0.025 < 7/64
    expect(lowerRank(10)).toBe(2); // 11/1024 <= 0.025 < 56/1024
    expect(lowerRank(100)).toBe(40); // the textbook [x(40), x(61)]
  });

  it('gives the median and the order statistics', () => {
    const xs = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(medianWithInterval(xs)).toEqual({ value: 5.5, lo: 2, hi: 9 });
    expect(medianWithInterval([3, 1, 2])).toEqual({ value: 2, lo: null, hi: null });
    expect(medianWithInterval([])).toEqual({ value: null, lo: null, hi: null });
  });

  it('covers the true median at least 95% of the time (n = 20, 2000 samples, 4 SE)', () => {
    const rng = streamFor(5, 0, 'median-ci');
    const trials = 2000;
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      const xs = Array.from({ length: 20 }, () => -Math.log(1 - rng.double())); // Exp(1): median ln 2
      const { lo, hi } = medianWithInterval(xs);
      if ((lo as number) <= Math.LN2 && Math.LN2 <= (hi as number)) covered++;
    }
    const nominal = 1 - 2 * 0.020694732666015625; // 1 - 2 P(B(20, 1/2) <= 5)
    const se = Math.sqrt((nominal * (1 - nominal)) / trials);
    expect(Math.abs(covered / trials - nominal)).toBeLessThan(4 * se);
  });
});

const run = (replicate: number, p: Partial<RunRecord>): RunRecord => ({
  replicate, nadir_h: 10, nadir_cells: 100, nadir_persisters: 50, responded: true, relapse_h: null, extinct_h: null,
  final_sensitive: 1000, final_persister: 10, final_resistant: 0, ...p,
});

describe('summary of a point', () => {
  const runs = [
    run(1, { relapse_h: 10, nadir_cells: 10, nadir_persisters: 1 }),
    run(2, { relapse_h: 20, nadir_cells: 20, nadir_persisters: 10 }),
    run(3, { relapse_h: 30, nadir_cells: 40, nadir_persisters: 30 }),
    run(4, { extinct_h: 50, nadir_cells: 0, nadir_persisters: 0, final_sensitive: 0, final_persister: 0 }),
    run(5, { responded: false }),
  ];
  const s = summarizePoint(runs, 100);

  it('counts relapses, extinctions and responses, with Wilson intervals', () => {
    expect(s).toMatchObject({ replicates: 5, relapsed: 3, extinct: 1, responded: 4 });
    const [lo, hi] = wilsonInterval(3, 5);
    expect(s.metrics.relapse_probability).toEqual({ value: 0.6, lo, hi });
    expect(s.metrics.extinction_probability.value).toBe(0.2);
    expect(s.metrics.response_probability.value).toBe(0.8);
  });

  it('takes the Kaplan-Meier median relapse time over the responders, censoring the others at the horizon', () => {
    // Replicate 5 never responded: out of the curve. S = 0.75, 0.5, 0.25 at 10, 20, 30 h, flat at
    // 0.5 from 20 to 30 h: the median is the midpoint (R's quantile.survfit).
    expect(s.metrics.median_relapse_h.value).toBe(25);
  });

  it('takes the persister fraction at the nadir over replicates with cells left', () => {
    expect(s.metrics.nadir_persister_fraction.value).toBe(0.5); // median of 0.1, 0.5, 0.75, 0.5
    expect(s.metrics.nadir_cells.value).toBe(20); // of 10, 20, 40, 0, 100
    expect(s.metrics.final_cells.value).toBe(1010);
  });

  it('counts resistant cells in the final size', () => {
    const resistant = summarizePoint([run(1, { final_resistant: 500 }), run(2, { final_resistant: 700 }), run(3, { final_resistant: 900 })], 100);
    expect(resistant.metrics.final_cells.value).toBe(1710);
  });
});
