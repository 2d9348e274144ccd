// The lineage section of `npm run bench`: the agent engine's lineage sample (engine/lineage.ts)
// of 3 x 10^7 living cells, each with its own barcode (3 x 10^7 clones; a Map keyed by
// barcode, as before issue 14 item 4, stopped at 2^24 = 1.68 x 10^7). 90% of the cells are
// sensitive, 10% persisters, and the barcodes sit in a random slot order (a seeded shuffle),
// as deaths and births leave them in a run. Prints the sample's wall and CPU time and the
// memory it took (the sample's typed arrays, the array buffers with the sort's copies, the peak
// resident size of the process); asserts nothing. Under load the CPU time is the figure to read.
import { loadavg } from 'node:os';
import { CellStore, PERSISTER, SENSITIVE } from '../src/engine/cellStore.js';
import { LineageBarcodes } from '../src/engine/lineage.js';
import { xoshiroStream } from '../src/rng/xoshiro128.js';

const CELLS = 3e7;
const PERSISTERS = 3e6;

export function benchLineage(): void {
  console.log(`persim bench: lineage sample of ${CELLS.toExponential(0)} living cells, one barcode each`);
  const barcodes = new Int32Array(CELLS);
  for (let i = 0; i < CELLS; i++) barcodes[i] = i + 1;
  const rng = xoshiroStream(1, 1, 'bench-lineage');
  for (let i = CELLS - 1; i > 0; i--) {
    const j = Math.floor(rng.double() * (i + 1));
    const t = barcodes[i];
    barcodes[i] = barcodes[j];
    barcodes[j] = t;
  }
  const store = new CellStore([CELLS - PERSISTERS, PERSISTERS, 0], CELLS);
  const lineage = new LineageBarcodes(store);
  store.fields[lineage.field][SENSITIVE].set(barcodes.subarray(0, CELLS - PERSISTERS));
  store.fields[lineage.field][PERSISTER].set(barcodes.subarray(CELLS - PERSISTERS));
  store.counts[SENSITIVE] = CELLS - PERSISTERS;
  store.counts[PERSISTER] = PERSISTERS;
  const before = process.memoryUsage().arrayBuffers;
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sample = lineage.sample(0);
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const kept = process.memoryUsage().arrayBuffers - before;
  const peak = process.resourceUsage().maxRSS * 1024;
  let cells = 0;
  let persisters = 0;
  for (let i = 0; i < sample.cells.length; i++) {
    cells += sample.cells[i];
    persisters += sample.persisters[i];
  }
  const ok = sample.barcodes.length === CELLS && cells === CELLS && persisters === PERSISTERS && sample.barcodes[CELLS - 1] === CELLS;
  console.log(`  clones                ${sample.barcodes.length.toExponential(3)}  (${ok ? 'every cell counted once, barcodes 1 .. n in order' : 'WRONG COUNT'})`);
  console.log(`  wall time             ${wall.toFixed(2)} s  (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, of it system ${(cpu.system / 1e6).toFixed(2)} s)`);
  const own = sample.barcodes.byteLength + sample.cells.byteLength + sample.persisters.byteLength + sample.resistant.byteLength;
  console.log(`  the sample            ${(own / 1e6).toFixed(0)} MB  (${(own / sample.barcodes.length).toFixed(0)} bytes a clone); array buffers grew ${(kept / 1e6).toFixed(0)} MB with the sort's copies not yet collected`);
  console.log(`  resident size         ${(rssBefore / 1e9).toFixed(2)} GB before (store and shuffle), peak ${(peak / 1e9).toFixed(2)} GB`);
  console.log(`  load average          ${loadavg().map((x) => x.toFixed(2)).join(' ')}  (2 cores: above 2 other processes shared them)`);
}
