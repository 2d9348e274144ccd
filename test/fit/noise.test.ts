// The observation models of a fit (src/fit/noise.ts): each log-density against its closed
// form, and the log-normal's "0 means no cells" rule that puts extinct tumours into the data.
import { describe, expect, it } from 'vitest';
import { drawValue, logDensity, logNormalCdf } from '../../src/fit/noise.js';
import type { Observable } from '../../src/fit/types.js';
import { streamFor } from '../../src/rng/stream.js';

const obs = (noise: Observable['noise'], scale = 1): Observable => ({ name: 'x', quantity: 'total', scale, noise, sd: 0.2 });

describe('observation models', () => {
  it('log-normal: the density of ln value around ln(scale x cells)', () => {
    const v = 130;
    const z = (Math.log(v) - Math.log(100)) / 0.2;
    expect(logDensity(obs('log-normal', 1e-6), 0.2, v, null, 1e8, 1e8)).toBeCloseTo(-Math.log(v) - Math.log(0.2) - 0.5 * Math.log(2 * Math.PI) - 0.5 * z * z, 12);
  });

  it('log-normal: a value of 0 is certain for a tumour with no cells and impossible otherwise', () => {
    expect(logDensity(obs('log-normal'), 0.2, 0, null, 0, 0)).toBe(0);
    expect(logDensity(obs('log-normal'), 0.2, 0, null, 3, 3)).toBe(-Infinity);
    expect(logDensity(obs('log-normal'), 0.2, 5, null, 0, 0)).toBe(-Infinity);
    const rng = streamFor(1, 1, 'test/noise');
    expect(drawValue(obs('log-normal'), 0.2, null, 0, 0, rng)).toBe(0);
    expect(drawValue(obs('log-normal'), 0.2, null, 10, 10, rng)).toBeGreaterThan(0);
  });

  it('poisson and binomial: the probability mass functions', () => {
    expect(logDensity(obs('poisson'), 0, 3, null, 2, 2)).toBeCloseTo(3 * Math.log(2) - 2 - Math.log(6), 12);
    expect(logDensity(obs('binomial'), 0, 2, 5, 30, 100)).toBeCloseTo(Math.log(10 * 0.3 ** 2 * 0.7 ** 3), 12);
    expect(logDensity(obs('binomial'), 0, 2, 5, 0, 0)).toBe(-Infinity);
  });

  it('normal: truncated at 0, the density divided by Phi(mu / sd)', () => {
    const o: Observable = { name: 'x', quantity: 'total', scale: 1, noise: 'normal', sd: 5 };
    const z = (12 - 10) / 5;
    expect(logDensity(o, 5, 12, null, 10, 10)).toBeCloseTo(-Math.log(5) - 0.5 * Math.log(2 * Math.PI) - 0.5 * z * z - logNormalCdf(2), 12);
    expect(logNormalCdf(0)).toBeCloseTo(Math.log(0.5), 6);
    expect(logNormalCdf(-1.959963984540054)).toBeCloseTo(Math.log(0.025), 6);
  });
});
