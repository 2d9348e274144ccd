// The posterior's summary and diagnostics: weighted quantiles, contraction (0 for the prior
// itself, near 1 for a narrow posterior), log-scale correlation, and the warnings a user reads.
import { describe, expect, it } from 'vitest';
import { fitWarnings, logCorrelation, summarise, weightedQuantile } from '../../src/fit/posteriorSummary.js';
import { priorSample } from '../../src/fit/prior.js';
import type { FitParameter, Posterior, Prior } from '../../src/fit/types.js';
import { normal } from '../../src/rng/normalZiggurat.js';
import { streamFor } from '../../src/rng/stream.js';

const logUniform: Prior = { kind: 'log-uniform', min: 1e-3, max: 1, mean: null, sd: null, text: 'log-uniform(1e-3/h, 1/h)' };
const param = (path: string): FitParameter => ({ path, unit: '/h', prior: logUniform, target: { kind: 'scenario' } });

describe('posterior summary', () => {
  it('weighted quantiles follow the cumulative weights', () => {
    expect(weightedQuantile([3, 1, 2], [0.2, 0.5, 0.3], 0.5)).toBe(1);
    expect(weightedQuantile([3, 1, 2], [0.2, 0.5, 0.3], 0.6)).toBe(2);
    expect(weightedQuantile([3, 1, 2], [0.2, 0.5, 0.3], 0.95)).toBe(3);
  });

  it('the prior itself has contraction 0 within its sampling error; a narrow posterior near 1', () => {
    const n = 4000;
    const rng = streamFor(7, 1, 'test/summary');
    const values = Array.from({ length: n }, () => [priorSample(logUniform, rng), 0.1 * Math.exp(0.05 * normal(rng))]);
    const weights = values.map(() => 1 / n);
    const [a, b] = summarise({ parameters: [param('a'), param('b')], values, weights });
    // The sample variance of n uniforms has relative sd sqrt(0.8 / n) (kurtosis 1.8).
    expect(Math.abs(a.contraction)).toBeLessThan(4 * Math.sqrt(0.8 / n));
    const priorVar = Math.log(1000) ** 2 / 12;
    expect(b.contraction).toBeCloseTo(1 - 0.05 ** 2 / priorVar, 2);
    expect(b.median).toBeCloseTo(0.1, 2);
    expect(b.q05).toBeCloseTo(0.1 * Math.exp(-1.645 * 0.05), 2);
  });

  it('correlation is taken on the log scale and flags the entry trade-off', () => {
    const n = 3000;
    const rng = streamFor(8, 1, 'test/summary');
    const values: number[][] = [];
    for (let i = 0; i < n; i++) {
      const z = normal(rng);
      const w = normal(rng);
      values.push([Math.exp(-3 + 0.5 * z), Math.exp(-2 - 0.5 * (0.9 * z + Math.sqrt(1 - 0.81) * w)), Math.exp(-1 + 0.3 * normal(rng))]);
    }
    const posterior: Posterior = { parameters: [param('switch.entry_rate'), param('switch.induced_entry_rate'), param('x')], values, weights: values.map(() => 1 / n) };
    const c = logCorrelation(posterior);
    const se = (1 - 0.81) / Math.sqrt(n);
    expect(Math.abs(c.matrix[0][1] + 0.9)).toBeLessThan(4 * se);
    expect(Math.abs(c.matrix[0][2])).toBeLessThan(4 / Math.sqrt(n));
    const w = fitWarnings(summarise(posterior), c, 900, 1000);
    const id = w.filter((x) => x.kind === 'identifiability');
    expect(id).toHaveLength(1);
    expect(id[0].parameters).toEqual(['switch.entry_rate', 'switch.induced_entry_rate']);
    expect(id[0].message).toMatch(/trade off/);
    expect(w.some((x) => x.kind === 'low-ess')).toBe(false);
    expect(fitWarnings([], { parameters: [], matrix: [] }, 100, 1000).map((x) => x.kind)).toEqual(['low-ess']);
  });

  it('a parameter whose posterior is its prior is "not learned"', () => {
    const s = { parameter: 'switch.exit_rate', unit: '/h', prior: 'p', mean: 0, median: 0, q05: 0, q95: 0, contraction: 0.03 };
    const w = fitWarnings([s], { parameters: ['switch.exit_rate'], matrix: [[1]] }, 1000, 1000);
    expect(w).toHaveLength(1);
    expect(w[0].kind).toBe('not-learned');
    expect(w[0].message).toMatch(/not learned from these data/);
  });
});
