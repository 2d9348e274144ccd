// The Kolmogorov-Smirnov helpers of the agreement tests: Kolmogorov's distribution at its
// tabulated quantiles (1.3581 -> 5%, 1.6276 -> 1%), the statistic on small samples by hand, and
// the test's calibration: over 400 pairs of samples of 200 from one distribution about 1% reject
// at 0.01 (at most the 99.9% quantile of Binomial(400, 0.01), 10).
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/rng/stream.js';
import { kolmogorovQ, ksOneSample, ksStatistic, ksTest } from './ks.js';

describe('Kolmogorov-Smirnov', () => {
  it("Kolmogorov's Q at its 5% and 1% points", () => {
    expect(kolmogorovQ(1.3581)).toBeCloseTo(0.05, 4);
    expect(kolmogorovQ(1.6276)).toBeCloseTo(0.01, 4);
    expect(kolmogorovQ(0)).toBe(1);
  });

  it('the two-sample statistic, with ties and infinities', () => {
    expect(ksStatistic([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(ksStatistic([1, 2, 3, 4], [5, 6, 7, 8])).toBe(1);
    expect(ksStatistic([1, 2, Infinity, Infinity], [1, 2, 3, Infinity])).toBeCloseTo(0.25, 12);
  });

  it('rejects about 1% of same-distribution pairs at 0.01, and a shift of half a standard deviation always', () => {
    let rejected = 0;
    let shifted = 0;
    for (let k = 0; k < 400; k++) {
      const rng = streamFor(k, 0, 'ks');
      const draw = () => -Math.log(1 - rng.double());
      const a = Array.from({ length: 200 }, draw);
      const b = Array.from({ length: 200 }, draw);
      if (ksTest(a, b).p < 0.01) rejected++;
      if (ksTest(a, b.map((x) => x + 0.5)).p < 0.01) shifted++;
    }
    expect(rejected).toBeLessThanOrEqual(10);
    expect(shifted).toBeGreaterThan(380);
  });

  it('the one-sample test accepts its own distribution', () => {
    const rng = streamFor(1, 0, 'ks1');
    const xs = Array.from({ length: 500 }, () => rng.double());
    expect(ksOneSample(xs, (x) => x).p).toBeGreaterThan(0.01);
    expect(ksOneSample(xs, (x) => x * x).p).toBeLessThan(1e-6);
  });
});
