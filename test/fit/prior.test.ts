// Priors and their free scale: samples match the prior's moments (4 SE), the free density
// integrates to one and is the sampled density, and free/value round-trips.
import { describe, expect, it } from 'vitest';
import { freeLogDensity, freeVariance, fromFree, logNormalParameters, priorSample, toFree } from '../../src/fit/prior.js';
import type { Prior } from '../../src/fit/types.js';
import { streamFor } from '../../src/rng/stream.js';

const prior = (kind: Prior['kind'], f: Partial<Prior>): Prior => ({ kind, min: null, max: null, mean: null, sd: null, text: kind, ...f });
const N = 20_000;

function moments(x: number[]) {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  const v = x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1);
  return { m, v, se: Math.sqrt(v / x.length) };
}

function sample(p: Prior, seed: number): number[] {
  const rng = streamFor(seed, 1, 'test/prior');
  return Array.from({ length: N }, () => priorSample(p, rng));
}

/** Trapezoid integral of exp(freeLogDensity) over [a, b]. */
function mass(p: Prior, a: number, b: number): number {
  const n = 20_000;
  const h = (b - a) / n;
  let s = 0;
  for (let i = 0; i <= n; i++) s += Math.exp(freeLogDensity(p, a + i * h)) * (i === 0 || i === n ? 0.5 : 1);
  return s * h;
}

describe('priors', () => {
  it('log-uniform: ln(x) uniform on [ln min, ln max], free density 1/(ln max - ln min)', () => {
    const p = prior('log-uniform', { min: 1e-4 / 24, max: 0.1 / 24 });
    const u = sample(p, 1).map((x) => toFree(p, x));
    const a = Math.log(1e-4 / 24);
    const b = Math.log(0.1 / 24);
    const s = moments(u);
    expect(Math.abs(s.m - (a + b) / 2)).toBeLessThan(4 * s.se);
    expect(s.v).toBeCloseTo(freeVariance(p), 1);
    expect(Math.abs(s.v / freeVariance(p) - 1)).toBeLessThan(0.04);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(a);
    expect(Math.max(...u)).toBeLessThanOrEqual(b);
    expect(mass(p, a - 1, b + 1)).toBeCloseTo(1, 3);
    expect(freeLogDensity(p, b + 1e-9)).toBe(-Infinity);
  });

  it('log-normal: the value has the mean and sd written', () => {
    const p = prior('log-normal', { mean: 0.5, sd: 0.2 });
    const s = moments(sample(p, 2));
    expect(Math.abs(s.m - 0.5)).toBeLessThan(4 * s.se);
    expect(Math.abs(Math.sqrt(s.v) / 0.2 - 1)).toBeLessThan(0.05);
    const { mu, sigma } = logNormalParameters(0.5, 0.2);
    expect(mass(p, mu - 10 * sigma, mu + 10 * sigma)).toBeCloseTo(1, 4);
    expect(freeVariance(p)).toBeCloseTo(Math.log(1 + 0.16), 12);
  });

  it('uniform and truncated normal: support respected, variance as freeVariance says', () => {
    const u = prior('uniform', { min: 0.1, max: 0.5 });
    const su = moments(sample(u, 3));
    expect(Math.abs(su.m - 0.3)).toBeLessThan(4 * su.se);
    expect(mass(u, 0, 1)).toBeCloseTo(1, 3);
    const t = prior('normal', { mean: 0, sd: 1, min: 0 });
    const x = sample(t, 4);
    expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
    const st = moments(x);
    // Half-normal: mean sqrt(2/pi), variance 1 - 2/pi.
    expect(Math.abs(st.m - Math.sqrt(2 / Math.PI))).toBeLessThan(4 * st.se);
    expect(freeVariance(t)).toBeCloseTo(1 - 2 / Math.PI, 4);
    expect(freeLogDensity(t, -0.01)).toBe(-Infinity);
  });

  it('free and value scales round-trip', () => {
    const p = prior('log-uniform', { min: 1e-3, max: 1 });
    for (const x of [1e-3, 0.0137, 1]) expect(fromFree(p, toFree(p, x))).toBeCloseTo(x, 14);
    const q = prior('normal', { mean: 1, sd: 2 });
    expect(toFree(q, -3)).toBe(-3);
  });
});
