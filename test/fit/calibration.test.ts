// Simulation-based calibration (issue 13, `persim fit --check-calibration K`). First the
// arithmetic of the check, on posteriors known exactly: a normal mean with a normal prior and
// one normal observation has the posterior N(y/2, 1/2); exact posterior samples cover the truth
// at the nominal rates and give uniform ranks, and a posterior of half the right width is
// caught as overconfident. Then the whole check on persim's own sampler and engine, at a small
// size: a growing well whose division rate is fitted from three noisy counts, 40 refits; the
// coverage of both intervals lies within 4 binomial standard errors of nominal and the mean
// rank within 4 standard errors of 1/2.
import { describe, expect, it } from 'vitest';
import { growingWell } from './growingWell.js';
import { calibrationOf } from '../../src/fit/calibration/coverage.js';
import { refitRecord, weightBelow, type RefitRecord } from '../../src/fit/calibration/refitRecord.js';
import { runCalibration, shardRefits } from '../../src/fit/calibration/runCalibration.js';
import { prepareData, prepareFit } from '../../src/fit/prepareFit.js';
import type { SmcState } from '../../src/fit/smc.js';
import { observationsCsv } from '../../src/fit/synthetic.js';
import { normal } from '../../src/rng/normalZiggurat.js';
import { streamFor } from '../../src/rng/stream.js';

const PARAM = { path: 'mu', unit: '' as const, prior: { text: 'normal(0, 1)' } };
const STATE = { generation: 3, simulations: 100, stoppedBy: null } as unknown as SmcState;

/** K refits of the conjugate normal model, the posterior sampled exactly with its sd multiplied by `widthFactor`. */
function conjugateRefits(k: number, particles: number, widthFactor: number): RefitRecord[] {
  const rng = streamFor(1, 0, 'test/conjugate');
  return Array.from({ length: k }, (_, i) => {
    const mu = normal(rng);
    const y = mu + normal(rng);
    const sd = Math.SQRT1_2 * widthFactor;
    const values = Array.from({ length: particles }, () => [y / 2 + sd * normal(rng)]);
    const weights = values.map(() => 1 / particles);
    return refitRecord(i + 1, 0, 1, [mu], { parameters: [], values, weights }, STATE);
  });
}

const se = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);

describe('calibration arithmetic on exact posteriors', () => {
  const K = 400;
  it('exact posteriors cover at the nominal rates, with uniform ranks', () => {
    const [c] = calibrationOf([PARAM], conjugateRefits(K, 400, 1));
    expect(Math.abs(c.coverage50.rate - 0.5)).toBeLessThan(4 * se(0.5, K));
    expect(Math.abs(c.coverage90.rate - 0.9)).toBeLessThan(4 * se(0.9, K));
    expect(Math.abs(c.mean_rank - 0.5)).toBeLessThan(4 * c.mean_rank_se);
    expect(c.mean_rank_se).toBeCloseTo(Math.sqrt(1 / 12 / K), 12);
  });

  it('a posterior half as wide as it should be is caught as overconfident', () => {
    const [c] = calibrationOf([PARAM], conjugateRefits(K, 400, 0.5));
    // P(|Z| < 1.645 / 2) = 0.589 and P(|Z| < 0.674 / 2) = 0.264 under the true posterior
    expect(Math.abs(c.coverage90.rate - 0.589)).toBeLessThan(4 * se(0.589, K) + 0.02);
    expect(Math.abs(c.coverage50.rate - 0.264)).toBeLessThan(4 * se(0.264, K) + 0.02);
    expect(c.verdict).toBe('too-narrow');
  });

  it('a posterior twice as wide is caught as conservative', () => {
    expect(calibrationOf([PARAM], conjugateRefits(K, 400, 2))[0].verdict).toBe('too-wide');
  });

  it('the rank counts ties as half and is the weight below the truth', () => {
    expect(weightBelow([1, 2, 3, 3], [0.1, 0.2, 0.3, 0.4], 3)).toBeCloseTo(0.3 + 0.35, 12);
    expect(weightBelow([1, 2], [0.5, 0.5], 0)).toBe(0);
  });

  it('shards split the refits like sweep points and cover them once', () => {
    expect(shardRefits(10, { index: 1, count: 3 })).toEqual([2, 5, 8]);
    const all = [0, 1, 2].flatMap((i) => shardRefits(10, { index: i, count: 3 })).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });
});

const GROWTH = growingWell(32);

describe('calibration of the sampler on the engine', () => {
  it('40 refits of a growing well: coverage of the 50% and 90% intervals within 4 SE of nominal', async () => {
    const prepared = prepareFit(GROWTH, 'well.yaml');
    const design = [1, 2, 4].map((d) => ({ timeH: d * 24, subject: 'w1', arm: '', observable: 'cells', value: 1e5, nCells: null, line: 0 }));
    const data = prepareData(prepared, 'well.csv', observationsCsv(design));
    const K = 40;
    const records = await runCalibration({ prepared, data, seed: 11, workers: 0, refits: K, shard: { index: 0, count: 1 } });
    expect(records.map((r) => r.refit)).toEqual(Array.from({ length: K }, (_, i) => i + 1));
    expect(records.every((r) => r.reached_posterior && r.observations === 3)).toBe(true);
    // the truths are prior draws: log-uniform on [0.2, 2]/d
    for (const r of records) expect(r.truth[0] * 24).toBeGreaterThanOrEqual(0.2);
    const [c] = calibrationOf(prepared.spec.parameters, records);
    expect(Math.abs(c.coverage50.covered - 0.5 * K)).toBeLessThanOrEqual(4 * Math.sqrt(0.25 * K));
    expect(Math.abs(c.coverage90.covered - 0.9 * K)).toBeLessThanOrEqual(4 * Math.sqrt(0.09 * K));
    expect(Math.abs(c.mean_rank - 0.5)).toBeLessThan(4 * c.mean_rank_se);
    // three counts with 30% noise learn the rate: the 90% interval is far narrower than the prior's
    const width = records.map((r) => Math.log(r.quantiles[0][4] / r.quantiles[0][0]));
    expect(Math.max(...width)).toBeLessThan(0.5 * Math.log(10));
  }, 120_000);
});
