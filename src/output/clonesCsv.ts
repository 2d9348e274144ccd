// clones.csv (lineage barcodes): one row per living clone per replicate at each lineage
// sample time and at relapse, in time order:
//   replicate,time_h,barcode,cells,persisters,resistant
// cells counts every cell of the clone, persisters and resistant the ones in those states.
// Only clones with cells appear; a relapse row's time is the replicate's relapse_h.
import type { Simulation } from '../engine/simulate.js';
import type { CloneSample } from '../engine/lineage.js';
import { fmt } from './numbers.js';

export const CLONES_HEADER = 'replicate,time_h,barcode,cells,persisters,resistant';

export function hasClones(sim: Simulation): boolean {
  return sim.outcomes.some((o) => o.clones !== undefined);
}

export function clonesCsv(sim: Simulation): string {
  const lines = [CLONES_HEADER];
  for (const o of sim.outcomes) {
    if (o.clones === undefined) continue;
    const samples: CloneSample[] = [...o.clones.samples];
    if (o.clones.relapse !== null) samples.push(o.clones.relapse);
    samples.sort((a, b) => a.timeH - b.timeH);
    for (const c of samples) {
      const time = fmt(c.timeH);
      for (let i = 0; i < c.barcodes.length; i++) {
        lines.push(`${o.replicate},${time},${c.barcodes[i]},${c.cells[i]},${c.persisters[i]},${c.resistant[i]}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
