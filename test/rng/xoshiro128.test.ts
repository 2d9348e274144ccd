// xoshiro128** (src/rng/xoshiro128.ts): the reference implementation's outputs, streams fixed by
// their (seed, replicate, name) identity and distinct between identities, and uniformity of
// the 32-bit and 53-bit uniforms by chi-square over 100 equal cells across seeds.
import { describe, expect, it } from 'vitest';
import { xoshiroNext, xoshiroState, xoshiroStream } from '../../src/rng/xoshiro128.js';
import { binomialQuantile, chiSquare, momentZ } from './stats.js';

describe('xoshiro128**', () => {
  it('gives the outputs of Blackman & Vigna\'s C code from state (1, 2, 3, 4)', () => {
    const s = Int32Array.from([1, 2, 3, 4]);
    const out = Array.from({ length: 5 }, () => xoshiroNext(s) >>> 0);
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883]);
  });

  it('derives a stream from its identity alone, a different one for a different identity', () => {
    const a = xoshiroStream(7, 3, 'agent');
    const b = xoshiroStream(7, 3, 'agent');
    for (let i = 0; i < 100; i++) expect(a.int32()).toBe(b.int32());
    const others = [xoshiroState(7, 4, 'agent'), xoshiroState(8, 3, 'agent'), xoshiroState(7, 3, 'fosl1'), xoshiroState(73, 0, 'agent')];
    const key = (s: Int32Array) => Array.from(s).join(',');
    expect(new Set([key(xoshiroState(7, 3, 'agent')), ...others.map(key)]).size).toBe(5);
  });

  it.each(['()', 'double()'] as const)('gives uniforms on [0, 1) by %s: 100 equal cells over 40 seeds, mean and variance within 4 SE', (which) => {
    const seeds = 40;
    const N = 20_000;
    const probs = new Float64Array(100).fill(0.01);
    const counts = new Float64Array(100);
    let rejections = 0;
    let outside = 0;
    for (let seed = 0; seed < seeds; seed++) {
      const rng = xoshiroStream(seed, 1, 'uniform');
      counts.fill(0);
      for (let i = 0; i < N; i++) {
        const u = which === '()' ? rng() : rng.double();
        if (!(u >= 0 && u < 1)) outside++;
        counts[Math.floor(u * 100)]++;
      }
      if (chiSquare(counts, probs).pValue < 0.01) rejections++;
    }
    expect(outside).toBe(0);
    expect(rejections).toBeLessThanOrEqual(binomialQuantile(seeds, 0.01, 0.999));
    const rng = xoshiroStream(1, 2, 'uniform-moments');
    const m = momentZ(() => (which === '()' ? rng() : rng.double()), 500_000, 0.5, 1 / 12, 1 / 80);
    expect(Math.abs(m.zMean)).toBeLessThan(4);
    expect(Math.abs(m.zVar)).toBeLessThan(4);
  });
});
