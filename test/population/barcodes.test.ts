// Lineage barcodes in the population engine (engine/populationClones.ts): clones as
// compartments. Checked against closed forms: in a pure-birth (Yule) process a clone grown
// from one cell for t hours has a geometric size, P(k) = p (1 - p)^(k - 1) with
// p = e^(-b t) (Kendall 1948), with clones exact while small and leaped once large, or
// exact throughout; from more initial cells than barcodes, each cell draws one of K
// barcodes at random (K = 4096 clone compartments / 2 compartments per clone), so a
// barcode's founders are Binomial(n, 1/K) (their sizes have variance n/K (1 - 1/K)); and at
// clinical scale the clones still add up to the tumour.
import { describe, expect, it } from 'vitest';
import { runPopulationReplicate } from '../../src/engine/population.js';
import { barcodeCap, populationBarcodes } from '../../src/engine/populationClones.js';
import { populationTimeline } from '../../src/engine/populationTimeline.js';
import { simulate } from '../../src/engine/simulate.js';
import { streamFor } from '../../src/rng/stream.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';
import { meanAndSe } from '../helpers/stats.js';
import { chiSquare } from '../rng/stats.js';

function sum(a: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i];
  return total;
}

describe('population engine: clone sizes of a Yule process are geometric', () => {
  const b = Math.LN2 / 10;
  const t = 60;
  const p = Math.exp(-b * t);
  const yule = (exactBelow: number | undefined) => {
    const s = makeScenario({ horizonH: t, recordEveryH: t, initial: 300, bS: b, seed: 5, replicates: 20, lineage: { sampleAtH: [t] }, engine: 'population' });
    const sizes: number[] = [];
    for (const o of simulate(s, { population: { exactBelow } }).outcomes) {
      const c = o.clones?.samples[0];
      expect(c?.barcodes.length).toBe(300);
      for (const n of c?.cells ?? []) sizes.push(n);
    }
    return sizes;
  };
  for (const [label, exactBelow] of [['exact below 100 cells, leaped above (a mean clone of 64 cells)', undefined], ['exact', Infinity]] as const) {
    it(label, () => {
      const sizes = yule(exactBelow);
      const { mean, se } = meanAndSe(sizes);
      expect(Math.abs(mean - 1 / p)).toBeLessThan(4 * se);
      const kMax = 400;
      const counts = new Float64Array(kMax + 1);
      for (const n of sizes) counts[Math.min(n, kMax + 1) - 1]++;
      const probs = Array.from({ length: kMax + 1 }, (_, i) => (i < kMax ? p * (1 - p) ** i : (1 - p) ** kMax));
      expect(chiSquare(counts, probs).pValue).toBeGreaterThan(1e-3);
    });
  }
});

describe('population engine: more initial cells than barcodes', () => {
  it('a library of 2048 barcodes (two-state), drawn at random by each initial cell', () => {
    const n0 = 1e6;
    const K = 2048;
    expect([barcodeCap(2), barcodeCap(3), barcodeCap(128)]).toEqual([2048, 1365, 32]);
    expect(populationBarcodes(n0, K)).toBe(K);
    expect(populationBarcodes(20, K)).toBe(20);
    const s = makeScenario({ horizonH: 1, recordEveryH: 1, initial: n0, persisterFraction: 0.01, bS: 0.01, seed: 3, lineage: { sampleAtH: [0] }, engine: 'population' });
    const o = runPopulationReplicate(s, populationTimeline(s), 1, streamFor(3, 1, 'population'));
    const c = o.clones?.samples[0];
    expect(c?.barcodes.length).toBe(K);
    expect(sum(c?.cells ?? [])).toBe(n0);
    expect(sum(c?.persisters ?? [])).toBe(o.persister[0]);
    const sizes = Array.from(c?.cells ?? []);
    const m = n0 / K;
    const variance = sizes.reduce((acc, x) => acc + (x - m) ** 2, 0) / (K - 1);
    const expected = m * (1 - 1 / K);
    // The sample variance of K near-normal values has standard error sigma^2 sqrt(2 / (K - 1)).
    expect(Math.abs(variance - expected)).toBeLessThan(4 * expected * Math.sqrt(2 / (K - 1)));
  });

  it('a 1e11-cell tumour through chemotherapy: the clones add up to the tumour at every sample', () => {
    const s = makeScenario({
      horizonH: 60 * 24, recordEveryH: 24, initial: 1e11, persisterFraction: 1e-6, bS: Math.LN2 / 40, dS: 0.002, bP: 0.001, dP: 0.0005,
      entry: 1e-4, exit: 0.01, drugSensitivity: 0.01, seed: 11, engine: 'population',
      drugs: [squarePulseKill('chemo', 0.08, [{ start: 0, duration: 72 }, { start: 21 * 24, duration: 72 }])],
      lineage: { sampleAtH: [0, 10 * 24, 30 * 24, 60 * 24] },
    });
    const o = runPopulationReplicate(s, populationTimeline(s), 1, streamFor(11, 1, 'population'));
    const samples = o.clones?.samples ?? [];
    expect(samples.map((x) => x.timeH)).toEqual([0, 240, 720, 1440]);
    for (const x of samples) {
      const k = x.timeH / 24;
      expect(sum(x.cells)).toBe(o.sensitive[k] + o.persister[k]);
      expect(sum(x.persisters)).toBe(o.persister[k]);
      expect(x.cells.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    }
    expect(samples[0].barcodes.length).toBe(2048);
  });
});
