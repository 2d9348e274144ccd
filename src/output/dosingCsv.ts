// dosing.csv (adaptive dosing): the dose timeline each replicate actually received, one row
// per check of the adaptive drug:
//   replicate,drug,time_h,cells,relative,on,concentration
// cells is the burden the check saw, relative that burden over the baseline (the burden at
// the first check), on 1 when the drug is given from this check to the next, concentration
// what it is held at until then. Checks after an extinction see 0 cells.
import type { Simulation } from '../engine/simulate.js';
import { csvText, type CsvValue } from './csv.js';

export const DOSING_HEADER = 'replicate,drug,time_h,cells,relative,on,concentration';

export function hasDosing(sim: Simulation): boolean {
  return sim.outcomes.some((o) => o.dosing !== undefined);
}

export function dosingCsv(sim: Simulation): string {
  const rows: CsvValue[][] = [DOSING_HEADER.split(',')];
  for (const o of sim.outcomes) {
    const d = o.dosing;
    if (d === undefined) continue;
    for (let k = 0; k < d.checkTimes.length; k++) {
      const cells = d.checkCells[k];
      const on = d.checkOn[k];
      rows.push([o.replicate, d.drug, d.checkTimes[k], cells, d.baseline > 0 ? cells / d.baseline : null, on, on ? d.dose : 0]);
    }
  }
  return csvText(rows);
}
