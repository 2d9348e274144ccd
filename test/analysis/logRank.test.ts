// The log-rank test and the Cox hazard ratio against published numbers on the Freireich
// 6-MP trial (Gehan 1965), and on simulated exponential data whose true ratio is known.
import { describe, expect, it } from 'vitest';
import { hazardRatio } from '../../src/analysis/hazardRatio.js';
import type { SurvivalObservation } from '../../src/analysis/kaplanMeier.js';
import { chiSquare1Upper, erfc, logRank } from '../../src/analysis/logRank.js';
import { exponential } from '../../src/rng/exponential.js';
import { streamFor } from '../../src/rng/stream.js';
import { meanAndSe, proportionSe } from '../helpers/stats.js';

function observations(spec: string): SurvivalObservation[] {
  return spec.split(',').map((x) => ({ time: Number(x.trim().replace('+', '')), event: !x.includes('+') }));
}

// Freireich et al. 1963, remission in weeks (R: MASS::gehan); "+" is censored.
const sixMP = observations('6,6,6,6+,7,9+,10,10+,11+,13,16,17+,19+,20+,22,23,25+,32+,32+,34+,35+');
const placebo = observations('1,1,2,2,3,4,4,5,5,8,8,8,8,11,11,12,12,15,17,22,23');

describe('log-rank on the Freireich trial (R: survdiff(Surv(time, cens) ~ treat, gehan))', () => {
  const lr = logRank(placebo, sixMP);

  it('has O = 21, 9 and E = 10.75, 19.25', () => {
    expect(lr.observed).toEqual([21, 9]);
    expect(lr.expected[0]).toBeCloseTo(10.75, 2);
    expect(lr.expected[1]).toBeCloseTo(19.25, 2);
  });

  it('gives chi-square 16.79 on 1 df, p = 4.17e-5', () => {
    expect(lr.chiSquare).toBeCloseTo(16.79, 2);
    expect(lr.p).toBeCloseTo(4.17e-5, 7);
  });

  it('is symmetric in the two groups', () => {
    const other = logRank(sixMP, placebo);
    expect(other.chiSquare).toBeCloseTo(lr.chiSquare as number, 12);
    expect(other.observed).toEqual([9, 21]);
  });

  it('has no statistic without events', () => {
    const censored = [{ time: 3, event: false }];
    expect(logRank(censored, censored)).toMatchObject({ chiSquare: null, p: null });
  });
});

describe('chi-square tail', () => {
  it('matches R pchisq(x, 1, lower.tail = FALSE)', () => {
    expect(chiSquare1Upper(3.841459)).toBeCloseTo(0.05, 6);
    expect(chiSquare1Upper(6.634897) / 0.01).toBeCloseTo(1, 5);
    expect(chiSquare1Upper(10.82757) / 0.001).toBeCloseTo(1, 5);
    expect(chiSquare1Upper(0)).toBe(1);
    expect(erfc(-1) + erfc(1)).toBeCloseTo(2, 12);
  });
});

describe('Cox hazard ratio on the Freireich trial (6-MP against placebo)', () => {
  it('Breslow ties: HR 0.2210887, se 0.0905501, CI 0.0990706-0.4933877, LR 15.21 (Stata stcox)', () => {
    const hr = hazardRatio(placebo, sixMP, 'breslow');
    expect(hr.ratio).toBeCloseTo(0.2210887, 6);
    expect((hr.ratio as number) * (hr.se as number)).toBeCloseTo(0.0905501, 6);
    expect(hr.ci95?.[0]).toBeCloseTo(0.0990706, 6);
    expect(hr.ci95?.[1]).toBeCloseTo(0.4933877, 6);
    expect(hr.logLik).toBeCloseTo(-86.379622, 5);
    expect(2 * (hr.logLik - hr.logLikNull)).toBeCloseTo(15.21, 2);
  });

  it('Efron ties: coef -1.572, se 0.412, HR 0.208 (R coxph default)', () => {
    const hr = hazardRatio(placebo, sixMP);
    expect(hr.beta).toBeCloseTo(-1.572, 3);
    expect(hr.se).toBeCloseTo(0.412, 3);
    expect(hr.ratio).toBeCloseTo(0.2076, 4);
    expect(hr.ci95?.[0]).toBeCloseTo(0.0925, 4);
    expect(hr.ci95?.[1]).toBeCloseTo(0.4659, 4);
    expect(2 * (hr.logLik - hr.logLikNull)).toBeCloseTo(16.35, 2);
  });

  it('swapping the groups inverts the ratio', () => {
    const a = hazardRatio(placebo, sixMP);
    const b = hazardRatio(sixMP, placebo);
    expect((a.ratio as number) * (b.ratio as number)).toBeCloseTo(1, 10);
  });

  it('is not estimable when one group has no event', () => {
    const cured = [{ time: 40, event: false }, { time: 40, event: false }];
    expect(hazardRatio(placebo, cured)).toMatchObject({ ratio: null, ci95: null });
  });
});

/** n exponential times per group with the given rates, censored at `horizon`. */
function exponentialTrial(seed: number, n: number, rate0: number, rate1: number, horizon: number) {
  const rng = streamFor(seed, 0, 'hazard-ratio-test');
  const draw = (rate: number) =>
    Array.from({ length: n }, () => {
      const t = exponential(rng, rate);
      return t < horizon ? { time: t, event: true } : { time: horizon, event: false };
    });
  return [draw(rate0), draw(rate1)];
}

describe('on simulated exponential data with a known hazard ratio', () => {
  const trials = 300;
  const n = 150;

  it('one trial: the true ratio 2 lies in the 95% interval', () => {
    const [g0, g1] = exponentialTrial(1, 400, 0.1, 0.2, 15);
    const hr = hazardRatio(g0, g1);
    expect(hr.ci95?.[0]).toBeLessThan(2);
    expect(hr.ci95?.[1]).toBeGreaterThan(2);
  });

  it(`over ${trials} trials: unbiased log ratio, nominal coverage, standard error as observed`, () => {
    const betas: number[] = [];
    const ses: number[] = [];
    let covered = 0;
    for (let k = 1; k <= trials; k++) {
      const [g0, g1] = exponentialTrial(k, n, 0.1, 0.2, 15);
      const hr = hazardRatio(g0, g1);
      betas.push(hr.beta as number);
      ses.push(hr.se as number);
      if ((hr.ci95 as [number, number])[0] < 2 && 2 < (hr.ci95 as [number, number])[1]) covered++;
    }
    const { mean, se } = meanAndSe(betas);
    expect(Math.abs(mean - Math.LN2)).toBeLessThan(4 * se);
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(4 * proportionSe(0.95, trials));
    // The sample SD of beta has a relative standard error of about 1/sqrt(2 (trials - 1)).
    const sd = se * Math.sqrt(trials);
    const meanSe = meanAndSe(ses).mean;
    expect(Math.abs(meanSe / sd - 1)).toBeLessThan(4 / Math.sqrt(2 * (trials - 1)));
  });

  it(`under equal hazards the log-rank test rejects at 5% about 5% of the time`, () => {
    let rejected = 0;
    for (let k = 1; k <= trials; k++) {
      const [g0, g1] = exponentialTrial(1000 + k, n, 0.1, 0.1, 15);
      if ((logRank(g0, g1).p as number) < 0.05) rejected++;
    }
    expect(Math.abs(rejected / trials - 0.05)).toBeLessThan(4 * proportionSe(0.05, trials));
  });
});
