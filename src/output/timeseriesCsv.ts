// timeseries.csv: one row per replicate per record time, t = 0 included (DESIGN.md):
// replicate,time_h,sensitive,persister,total,stress,conc_<drug>...
// under the FOSL1 switch, fosl1_mean,fosl1_sd: the mean and standard deviation of the
// living cells' levels (empty once no cell is left); and with a resistant phenotype, last,
// resistant (total then counts resistant cells too). An adaptive drug's concentration, and
// so the stress, is the replicate's own: its dose from a check that turned it on to the next.
// The header goes through the one CSV writer (output/csv.ts); the rows, the largest file a
// run writes and numbers only (never quoted), are joined here as csvRow would join them.
import { dosingOnAt, type DosingRecord } from '../engine/adaptiveDosing.js';
import type { Simulation } from '../engine/simulate.js';
import { concentration, hillEffect } from '../model/pkpd.js';
import { hasResistance } from '../model/resistance.js';
import type { Scenario } from '../model/scenario.js';
import { csvRow } from './csv.js';
import { fmt } from './numbers.js';

/** Stress and concentrations at time t; an adaptive drug from the replicate's dosing record. */
function drugColumns(s: Scenario, t: number, dosing: DosingRecord | undefined): string {
  let stress = 0;
  const conc = s.drugs.map((d) => {
    const c = d.adaptive !== undefined ? (dosing !== undefined && dosingOnAt(dosing, t) ? d.adaptive.dose : 0) : concentration(d, t);
    const e = hillEffect(c, d.ec50, d.hill);
    if (d.effect === 'kill' && e > stress) stress = e;
    return fmt(c);
  });
  return [fmt(stress), ...conc].join(',');
}

const level = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '' : fmt(x));

export function timeseriesCsv(sim: Simulation): string {
  const s = sim.scenario;
  const fosl1 = s.switch.model === 'fosl1';
  const resistant = hasResistance(s);
  const adaptive = s.drugs.some((d) => d.adaptive !== undefined);
  const header = ['replicate', 'time_h', 'sensitive', 'persister', 'total', 'stress', ...s.drugs.map((d) => `conc_${d.name}`)];
  if (fosl1) header.push('fosl1_mean', 'fosl1_sd');
  if (resistant) header.push('resistant');
  const times = sim.timeline.recordTimes;
  const shared = adaptive ? null : Array.from(times, (t) => drugColumns(s, t, undefined));
  const lines = [csvRow(header)];
  for (const o of sim.outcomes) {
    for (let k = 0; k < times.length; k++) {
      const S = o.sensitive[k];
      const P = o.persister[k];
      const R = o.resistant?.[k] ?? 0;
      const drugs = shared?.[k] ?? drugColumns(s, times[k], o.dosing);
      const levels = fosl1 ? `,${level(o.fosl1Mean?.[k])},${level(o.fosl1Sd?.[k])}` : '';
      const tail = resistant ? `,${R}` : '';
      lines.push(`${o.replicate},${fmt(times[k])},${S},${P},${S + P + R},${drugs}${levels}${tail}`);
    }
  }
  return lines.join('\n') + '\n';
}
