// clones.csv (lineage barcodes): one row per living clone per replicate at each lineage
// sample time and at relapse, in time order:
//   replicate,time_h,barcode,cells,persisters,resistant
// cells counts every cell of the clone, persisters and resistant the ones in those states.
// Only clones with cells appear; a relapse row's time is the replicate's relapse_h.
import type { Simulation } from '../engine/simulate.js';
import type { CloneSample } from '../engine/lineage.js';
import { csvBytes, type CsvValue } from './csv.js';

export const CLONES_HEADER = 'replicate,time_h,barcode,cells,persisters,resistant';

export function hasClones(sim: Simulation): boolean {
  return sim.outcomes.some((o) => o.clones !== undefined);
}

/** clones.csv's bytes (csvBytes: a sample of 5 x 10^7 clones is more text than one string holds). */
export function clonesCsv(sim: Simulation): Uint8Array {
  return csvBytes(clonesRows(sim));
}

function* clonesRows(sim: Simulation): Generator<CsvValue[]> {
  yield CLONES_HEADER.split(',');
  for (const o of sim.outcomes) {
    if (o.clones === undefined) continue;
    const samples: CloneSample[] = [...o.clones.samples];
    if (o.clones.relapse !== null) samples.push(o.clones.relapse);
    samples.sort((a, b) => a.timeH - b.timeH);
    for (const c of samples) {
      for (let i = 0; i < c.barcodes.length; i++) yield [o.replicate, c.timeH, c.barcodes[i], c.cells[i], c.persisters[i], c.resistant[i]];
    }
  }
}
