// The agent engine's lineage sample without a per-barcode table (issue 14 item 4: a Map keyed
// by barcode crashed with "Map maximum size exceeded" above 2^24 = 16,777,216 living clones,
// though one barcode per cell is promised up to 5 x 10^7 cells). The radix sort against
// Array.prototype.sort on values that take one pass, two passes and negative values; the
// sample against the Map-based count it replaced, on random pools with shared barcodes; and
// 2^24 + 2 living clones in reverse slot order, past the Map's limit (about 2 s, 0.6 GB).
// The bench's lineage section samples 3 x 10^7.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellStore, PERSISTER, PHENOTYPE_COUNT, RESISTANT } from '../../src/engine/cellStore.js';
import { LineageBarcodes, type CloneSample } from '../../src/engine/lineage.js';
import type { Simulation } from '../../src/engine/simulate.js';
import type { Scenario } from '../../src/model/scenario.js';
import { CLONES_HEADER, clonesCsv } from '../../src/output/clonesCsv.js';
import { csvText, type CsvValue } from '../../src/output/csv.js';
import type { Summary } from '../../src/output/summaryJson.js';
import { CLONE_RANKS, cloneGroupsFromCsv, cloneGroupsOf } from '../../src/report/clonalSeries.js';
import { xoshiroStream } from '../../src/rng/xoshiro128.js';
import { radixSortInt32 } from '../../src/engine/radixSort.js';

function sortedBy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

describe('radixSortInt32', () => {
  const check = (values: number[]) => {
    const a = Int32Array.from(values);
    const out = radixSortInt32(a, new Int32Array(values.length + 3));
    expect(Array.from(out.subarray(0, values.length))).toEqual(sortedBy(values));
  };
  it('sorts values below 2^16 (one pass), above it, multiples of 2^16 and negative values', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 65535 }), { maxLength: 300 }), check), { numRuns: 100, seed: 1 });
    fc.assert(fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 300 }), check), { numRuns: 100, seed: 2 });
    fc.assert(fc.property(fc.array(fc.integer({ min: -300, max: 300 }).map((k) => k * 65536), { maxLength: 300 }), check), { numRuns: 100, seed: 3 });
    check([]);
    check([7]);
    check([2 ** 31 - 1, -(2 ** 31), 0, -1, 65536, 65535]);
  });
});

/** The count the sample used to make: a Map from barcode to its cells, persisters and resistant cells, sorted by barcode. */
function mapCount(pools: readonly number[][]): number[][] {
  const row = new Map<number, number[]>();
  pools.forEach((pool, p) => {
    for (const b of pool) {
      const r = row.get(b) ?? [b, 0, 0, 0];
      r[1]++;
      if (p === PERSISTER) r[2]++;
      else if (p === RESISTANT) r[3]++;
      row.set(b, r);
    }
  });
  return [...row.values()].sort((x, y) => x[0] - y[0]);
}

function storeOf(pools: readonly number[][]): LineageBarcodes {
  const store = new CellStore(pools.map((p) => p.length), 1e9);
  const lineage = new LineageBarcodes(store);
  pools.forEach((pool, p) => {
    for (const b of pool) store.fields[lineage.field][p][store.add(p, 0)] = b;
  });
  return lineage;
}

describe('LineageBarcodes.sample', () => {
  it('gives the Map-based count on random pools (shared barcodes, empty pools, barcodes past 2^16)', () => {
    const pool = fc.array(fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 200_000 })), { maxLength: 200 });
    fc.assert(
      fc.property(fc.array(pool, { minLength: PHENOTYPE_COUNT, maxLength: PHENOTYPE_COUNT }), (pools) => {
        const s = storeOf(pools).sample(12.5);
        const rows = Array.from(s.barcodes, (b, i) => [b, s.cells[i], s.persisters[i], s.resistant[i]]);
        expect(rows).toEqual(mapCount(pools));
        expect(s.timeH).toBe(12.5);
        expect(s.cells).toBeInstanceOf(Float64Array);
      }),
      { numRuns: 200, seed: 4 },
    );
  });

  it('counts 2^24 + 2 living clones, past the Map limit that crashed it', () => {
    const n = 2 ** 24 + 2;
    const store = new CellStore([n, 2, 0], n + 2);
    const lineage = new LineageBarcodes(store);
    const a = store.fields[lineage.field][0];
    for (let k = 0; k < n; k++) a[k] = n - k;
    store.counts[0] = n; // the pool filled in place (store.add per cell costs seconds here)
    // two persisters: one shares barcode 5 with a sensitive cell, one has a barcode of its own
    store.fields[lineage.field][PERSISTER][store.add(PERSISTER, 0)] = 5;
    store.fields[lineage.field][PERSISTER][store.add(PERSISTER, 0)] = n + 1;
    const s = lineage.sample(0);
    expect(s.barcodes.length).toBe(n + 1);
    let ascending = true;
    for (let i = 0; i < n + 1 && ascending; i++) ascending = s.barcodes[i] === i + 1;
    expect(ascending).toBe(true);
    expect([s.cells[4], s.persisters[4], s.cells[n], s.persisters[n], s.cells[n - 1], s.persisters[n - 1]]).toEqual([2, 1, 1, 1, 1, 0]);
    let cells = 0;
    for (let i = 0; i < s.cells.length; i++) cells += s.cells[i];
    expect(cells).toBe(n + 2);
  });
});

// Past the sample, a run of 5 x 10^7 clones writes more clones.csv than one string holds
// (2^29 characters): clones.csv is built in chunks of rows, the clones chart keeps each
// replicate's 30 largest clones, and persim report reads clones.csv back as bytes. Each piece
// against the whole-string version it replaced, across its chunk boundaries.
describe('clones.csv and the clonal series at scale', () => {
  const rows = 70_000; // past CHUNK_ROWS (65,536)
  const sampleOf = (timeH: number, seed: number): CloneSample => {
    const rng = xoshiroStream(seed, 1, 'clones-csv');
    const barcodes = Int32Array.from({ length: rows }, (_, i) => 3 * i + 1);
    const cells = Float64Array.from({ length: rows }, () => 1 + Math.floor(rng() * 1000));
    const persisters = Float64Array.from(cells, (c) => Math.floor(c * rng()));
    return { timeH, barcodes, cells, persisters, resistant: new Float64Array(rows) };
  };
  const samples = [sampleOf(24, 1), sampleOf(36.5, 2)];
  const relapse = sampleOf(50, 3);
  const sim = {
    outcomes: [1, 2].map((replicate) => ({ replicate, clones: { barcodes: rows, samples, relapse: replicate === 2 ? relapse : null } })),
  } as unknown as Simulation;
  const wholeString = (): string => {
    const rows: CsvValue[][] = [CLONES_HEADER.split(',')];
    for (const o of sim.outcomes) {
      for (const c of o.clones?.relapse ? [...samples, relapse] : samples) {
        for (let i = 0; i < c.barcodes.length; i++) rows.push([o.replicate, c.timeH, c.barcodes[i], c.cells[i], c.persisters[i], c.resistant[i]]);
      }
    }
    return csvText(rows);
  };
  const text = wholeString();

  it('clonesCsv (csvBytes, in chunks of rows) gives the bytes of the whole-string csvText', () => {
    const bytes = clonesCsv(sim);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes).equals(Buffer.from(text))).toBe(true);
  });

  it('the clone groups keep the 30 largest clones, the same from the simulation, the text and the bytes (4 MB chunks)', () => {
    expect(text.length).toBeGreaterThan(1 << 22); // more than one of the reader's chunks
    const scenario = { lineage: { sampleAtH: [24, 36.5] } } as unknown as Scenario;
    const summary = { runs: [{ replicate: 1 }, { replicate: 2 }] } as unknown as Summary;
    const fromSim = cloneGroupsOf({ ...sim, scenario } as Simulation);
    const fromText = cloneGroupsFromCsv(text, scenario, summary);
    const fromBytes = cloneGroupsFromCsv(new TextEncoder().encode(text), scenario, summary);
    const top = (c: CloneSample) => Array.from(c.cells).sort((a, b) => b - a).slice(0, CLONE_RANKS);
    const expected = [
      { label: 'day 1', timeH: 24, sizes: [top(samples[0]), top(samples[0])] },
      { label: '36.5 h', timeH: 36.5, sizes: [top(samples[1]), top(samples[1])] },
      { label: 'at relapse', timeH: null, sizes: [top(relapse)] },
    ];
    expect(fromSim).toEqual(expected);
    expect(fromText).toEqual(expected);
    expect(fromBytes).toEqual(expected);
  });
});
