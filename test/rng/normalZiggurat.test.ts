// The ziggurat normal sampler (src/rng/normalZiggurat.ts): its layers close at the top, its
// moments, its distribution by chi-square over 1% cells in the body and in the tails beyond
// the base strip (where the tail and wedge code paths run), over many seeds, and the batch
// fill gives the same numbers as single draws.
import { describe, expect, it } from 'vitest';
import { fillNormal, normal, zigguratClosure } from '../../src/rng/normalZiggurat.js';
import { streamFor, type RandomStream } from '../../src/rng/stream.js';
import { xoshiroStream } from '../../src/rng/xoshiro128.js';
import { binomialQuantile, chiSquare, momentZ, normalCdf } from './stats.js';

/** Cells of equal probability 1/100 between the percentiles, plus four tail cells beyond |z| = 3.44 and 4.5. */
function normalTable() {
  const edges: number[] = [-4.5, -3.442619855899];
  for (let k = 1; k < 100; k++) {
    // percentile k/100 by bisection on the CDF
    let lo = -10;
    let hi = 10;
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (normalCdf(mid) < k / 100) lo = mid;
      else hi = mid;
    }
    edges.push((lo + hi) / 2);
  }
  edges.push(3.442619855899, 4.5);
  edges.sort((a, b) => a - b);
  const probs = new Float64Array(edges.length + 1);
  let prev = 0;
  edges.forEach((e, i) => {
    const c = normalCdf(e);
    probs[i] = c - prev;
    prev = c;
  });
  probs[edges.length] = 1 - prev;
  const cellOf = (x: number) => {
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < edges[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return { probs, cellOf };
}

// Both generator families the engines draw normals from: seedrandom's xor4096 (the population
// engine) and xoshiro128** (the agent engine's FOSL1 levels, through its int32()).
const families: [string, (seed: number, name: string) => RandomStream][] = [
  ['seedrandom xor4096', (seed, name) => streamFor(seed, 0, name)],
  ['xoshiro128**', (seed, name) => xoshiroStream(seed, 0, name)],
];

describe('normal variates by the ziggurat', () => {
  it('has layers that close at f(0) = 1', () => {
    expect(Math.abs(zigguratClosure() - 1)).toBeLessThan(1e-9);
  });
});

describe.each(families)('normal variates by the ziggurat on %s', (_, stream) => {
  it('has mean 0 and variance 1 (z-scores within 4)', () => {
    const rng = stream(1, 'normal-moments');
    const r = momentZ(() => normal(rng), 2_000_000, 0, 1, 3);
    expect(Math.abs(r.zMean)).toBeLessThan(4);
    expect(Math.abs(r.zVar)).toBeLessThan(4);
  });

  it('fits the normal distribution in body and tails (chi-square over 40 seeds)', () => {
    const table = normalTable();
    const seeds = 40;
    const N = 200_000;
    const counts = new Float64Array(table.probs.length);
    const pooled = new Float64Array(table.probs.length);
    const buffer = new Float64Array(N);
    let rejections = 0;
    for (let seed = 0; seed < seeds; seed++) {
      counts.fill(0);
      fillNormal(stream(seed, 'normal-gof'), buffer, N);
      for (let i = 0; i < N; i++) counts[table.cellOf(buffer[i])]++;
      if (chiSquare(counts, table.probs).pValue < 0.01) rejections++;
      for (let c = 0; c < counts.length; c++) pooled[c] += counts[c];
    }
    expect(rejections).toBeLessThanOrEqual(binomialQuantile(seeds, 0.01, 0.999));
    expect(chiSquare(pooled, table.probs).pValue).toBeGreaterThan(1e-4);
    // The two tails beyond the base strip: 2 (1 - Phi(3.4426)) = 5.76e-4 of all draws, within 4 SE.
    const tail = pooled[0] + pooled[1] + pooled[pooled.length - 1] + pooled[pooled.length - 2];
    const n = seeds * N;
    const p = 2 * (1 - normalCdf(3.442619855899));
    expect(Math.abs(tail / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('fills a buffer with the same numbers as single draws', () => {
    const a = new Float64Array(5000);
    fillNormal(stream(3, 'same'), a, a.length);
    const rng = stream(3, 'same');
    for (let i = 0; i < a.length; i++) expect(normal(rng)).toBe(a[i]);
  });
});

describe('normal variates from a stream without int32()', () => {
  it('are the same as from the seedrandom stream (the word is the uniform times 2^32)', () => {
    const a = streamFor(4, 2, 'plain');
    const b = streamFor(4, 2, 'plain');
    const plain = Object.assign(() => b(), { double: () => b.double() });
    for (let i = 0; i < 5000; i++) expect(normal(plain)).toBe(normal(a));
  });
});
