// The SMC sampler against closed-form posteriors: a normal prior and a normal likelihood
// (conjugate, in 1 and 2 dimensions), with the exact likelihood and with an unbiased noisy
// estimate of it (pseudo-marginal: the posterior must stay the same). Same seed, same
// particles whatever the batch order.
import { describe, expect, it } from 'vitest';
import { normal } from '../../src/rng/normalZiggurat.js';
import { streamFor } from '../../src/rng/stream.js';
import { runSmc, type FreePrior, type Proposal } from '../../src/fit/smc.js';

const stdNormalPrior = (sd: number): FreePrior => ({
  sampleFree: (rng) => sd * normal(rng),
  logDensityFree: (u) => -0.5 * (u / sd) ** 2,
});

/** Data y_k ~ N(theta, s^2): log likelihood of the sufficient statistic. */
const gaussianLogLik = (ys: readonly number[], s: number) => (theta: number) => ys.reduce((acc, y) => acc - 0.5 * ((y - theta) / s) ** 2, 0);

function weightedMoments(values: readonly number[], w: readonly number[]) {
  const m = values.reduce((s, v, i) => s + w[i] * v, 0);
  const v = values.reduce((s, x, i) => s + w[i] * (x - m) ** 2, 0);
  return { mean: m, variance: v };
}

describe('runSmc on a conjugate normal model', () => {
  const ys = [1.3, 0.7, 1.9, 1.1, 1.6];
  const s = 0.8;
  const priorSd = 2;
  // Posterior of theta: precision 1/priorSd^2 + n/s^2.
  const precision = 1 / priorSd ** 2 + ys.length / s ** 2;
  const postVar = 1 / precision;
  const postMean = (ys.reduce((a, b) => a + b, 0) / s ** 2) * postVar;
  const n = 2000;
  // SE of a weighted SMC mean: sd / sqrt(n / 4), a conservative inefficiency of 4 for resampling and correlated moves.
  const seMean = Math.sqrt(postVar / (n / 4));
  const seVar = postVar * Math.sqrt(2 / (n / 4));
  const ll = gaussianLogLik(ys, s);

  it('exact likelihood: posterior mean and variance within 4 SE, temperatures rise to 1', async () => {
    const out = await runSmc({
      particles: n, seed: 11, priors: [stdNormalPrior(priorSd)], simulationsPerEvaluation: 1,
      evaluate: async (b) => b.map((p) => ll(p.free[0])),
    });
    expect(out.temperature).toBe(1);
    const temps = out.records.map((r) => r.temperature);
    for (let i = 1; i < temps.length; i++) expect(temps[i]).toBeGreaterThan(temps[i - 1]);
    const { mean, variance } = weightedMoments(out.free.map((u) => u[0]), out.weights);
    expect(Math.abs(mean - postMean)).toBeLessThan(4 * seMean);
    expect(Math.abs(variance - postVar)).toBeLessThan(4 * seVar);
  });

  it('an unbiased noisy likelihood (log-normal noise, sd 0.5 on the log scale) keeps the exact posterior', async () => {
    const sigma = 0.5;
    const evaluate = async (b: readonly Proposal[]) => b.map((p) => ll(p.free[0]) + sigma * normal(streamFor(5, 0, p.name)) - 0.5 * sigma * sigma);
    const out = await runSmc({ particles: n, seed: 12, priors: [stdNormalPrior(priorSd)], simulationsPerEvaluation: 1, evaluate });
    const { mean, variance } = weightedMoments(out.free.map((u) => u[0]), out.weights);
    expect(Math.abs(mean - postMean)).toBeLessThan(4 * seMean);
    expect(Math.abs(variance - postVar)).toBeLessThan(4 * seVar);
  });

  it('two correlated parameters: the posterior correlation of a sum-only likelihood', async () => {
    // y ~ N(a + b, s^2) with a, b ~ N(0, 1): posterior corr(a, b) = -(1/s^2) / (1 + 1/s^2) ... closed form below.
    const y = 1.5;
    const s2 = 0.1;
    const evaluate = async (batch: readonly Proposal[]) => batch.map((p) => -0.5 * (y - p.free[0] - p.free[1]) ** 2 / s2);
    const out = await runSmc({ particles: n, seed: 13, priors: [stdNormalPrior(1), stdNormalPrior(1)], simulationsPerEvaluation: 1, evaluate });
    // Posterior covariance = (I + 11^T / s2)^-1 = I - 11^T / (s2 + 2).
    const varA = 1 - 1 / (s2 + 2);
    const cov = -1 / (s2 + 2);
    const meanA = y / (s2 + 2);
    const a = out.free.map((u) => u[0]);
    const b = out.free.map((u) => u[1]);
    const ma = weightedMoments(a, out.weights);
    const mb = weightedMoments(b, out.weights);
    const c = a.reduce((acc, x, i) => acc + out.weights[i] * (x - ma.mean) * (b[i] - mb.mean), 0);
    expect(Math.abs(ma.mean - meanA)).toBeLessThan(4 * Math.sqrt(varA / (n / 4)));
    expect(Math.abs(mb.mean - meanA)).toBeLessThan(4 * Math.sqrt(varA / (n / 4)));
    const r = c / Math.sqrt(ma.variance * mb.variance);
    const rTrue = cov / varA;
    // SE of a correlation: (1 - r^2) / sqrt(n_eff).
    expect(Math.abs(r - rTrue)).toBeLessThan(4 * (1 - rTrue * rTrue) / Math.sqrt(n / 4));
  });

  it('the same seed gives the same particles whatever order the batch is evaluated in', async () => {
    const run = (reverse: boolean) =>
      runSmc({
        particles: 200, seed: 3, priors: [stdNormalPrior(priorSd)], simulationsPerEvaluation: 1,
        evaluate: async (b) => {
          const order = b.map((_, i) => i);
          if (reverse) order.reverse();
          const out = new Array<number>(b.length);
          for (const i of order) out[i] = ll(b[i].free[0]) + 0.3 * normal(streamFor(1, 0, b[i].name));
          return out;
        },
      });
    const [x, y] = [await run(false), await run(true)];
    expect(y.free).toEqual(x.free);
    expect(y.records.map((r) => r.temperature)).toEqual(x.records.map((r) => r.temperature));
  });
});
