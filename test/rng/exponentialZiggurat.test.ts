// The ziggurat exponential sampler (src/rng/exponentialZiggurat.ts): its layers close at the
// top, its moments, its distribution by chi-square over 1% cells and the tail beyond the base
// strip (where the tail and wedge code paths run), over many seeds, on both generator families
// (seedrandom's xor4096 and xoshiro128**), and the memorylessness of the tail.
import { describe, expect, it } from 'vitest';
import { exponentialZiggurat, exponentialZigguratClosure } from '../../src/rng/exponentialZiggurat.js';
import { streamFor, type RandomStream } from '../../src/rng/stream.js';
import { xoshiroStream } from '../../src/rng/xoshiro128.js';
import { binomialQuantile, chiSquare, momentZ } from './stats.js';

// biome-ignore lint/correctness/noPrecisionLoss: the constant as printed in the paper (the same double)
const R = 7.69711747013104972;

/** Cells of probability 1/100 between the percentiles, then cells beyond R and beyond 10. */
function exponentialTable() {
  const edges: number[] = [];
  for (let k = 1; k < 100; k++) edges.push(-Math.log(1 - k / 100));
  edges.push(R, 10);
  const cdf = (x: number) => 1 - Math.exp(-x);
  const probs = new Float64Array(edges.length + 1);
  let prev = 0;
  edges.forEach((e, i) => {
    probs[i] = cdf(e) - prev;
    prev = cdf(e);
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

const families: [string, (seed: number, name: string) => RandomStream][] = [
  ['seedrandom xor4096', (seed, name) => streamFor(seed, 0, name)],
  ['xoshiro128**', (seed, name) => xoshiroStream(seed, 0, name)],
];

describe('unit exponential variates by the ziggurat', () => {
  it('has layers that close at f(0) = 1', () => {
    expect(Math.abs(exponentialZigguratClosure() - 1)).toBeLessThan(1e-9);
  });

  describe.each(families)('on %s', (_, stream) => {
    it('has mean 1 and variance 1 (z-scores within 4; 4th central moment 9)', () => {
      const rng = stream(1, 'exp-moments');
      const r = momentZ(() => exponentialZiggurat(rng), 1_000_000, 1, 1, 9);
      expect(Math.abs(r.zMean)).toBeLessThan(4);
      expect(Math.abs(r.zVar)).toBeLessThan(4);
    });

    it('fits the exponential distribution in body and tail (chi-square over 30 seeds), the tail within 4 SE', () => {
      const table = exponentialTable();
      const seeds = 30;
      const N = 100_000;
      const counts = new Float64Array(table.probs.length);
      const pooled = new Float64Array(table.probs.length);
      let rejections = 0;
      for (let seed = 0; seed < seeds; seed++) {
        counts.fill(0);
        const rng = stream(seed, 'exp-gof');
        for (let i = 0; i < N; i++) counts[table.cellOf(exponentialZiggurat(rng))]++;
        if (chiSquare(counts, table.probs).pValue < 0.01) rejections++;
        for (let c = 0; c < counts.length; c++) pooled[c] += counts[c];
      }
      expect(rejections).toBeLessThanOrEqual(binomialQuantile(seeds, 0.01, 0.999));
      expect(chiSquare(pooled, table.probs).pValue).toBeGreaterThan(1e-4);
      // Beyond the base strip's edge R: exp(-R) = 4.54e-4 of all draws.
      const n = seeds * N;
      const tail = pooled[pooled.length - 1] + pooled[pooled.length - 2];
      const p = Math.exp(-R);
      expect(Math.abs(tail / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    });
  });

  it('has a memoryless tail: the excess over R of draws beyond R has mean 1 (within 4 SE)', () => {
    const rng = xoshiroStream(2, 0, 'exp-tail');
    let sum = 0;
    let n = 0;
    for (let i = 0; i < 4_000_000; i++) {
      const x = exponentialZiggurat(rng);
      if (x > R) {
        sum += x - R;
        n++;
      }
    }
    expect(n).toBeGreaterThan(1000);
    expect(Math.abs(sum / n - 1)).toBeLessThan(4 / Math.sqrt(n));
  });
});
