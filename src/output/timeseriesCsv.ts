// timeseries.csv: one row per replicate per record time, t = 0 included (DESIGN.md):
// replicate,time_h,sensitive,persister,total,stress,conc_<drug>...
// and, under the FOSL1 switch, fosl1_mean,fosl1_sd: the mean and standard deviation of the
// living cells' levels (empty once no cell is left).
import type { Simulation } from '../engine/simulate.js';
import { concentration } from '../model/pkpd.js';
import { effectsAt } from '../model/timeline.js';
import { fmt } from './numbers.js';

/** Stress and concentrations at each record time; they do not depend on the replicate. */
function drugColumns(sim: Simulation): string[] {
  const s = sim.scenario;
  const effects = new Float64Array(s.drugs.length);
  return Array.from(sim.timeline.recordTimes, (t) => {
    effectsAt(s, t, effects);
    let stress = 0;
    s.drugs.forEach((d, i) => {
      if (d.effect === 'kill' && effects[i] > stress) stress = effects[i];
    });
    return [fmt(stress), ...s.drugs.map((d) => fmt(concentration(d, t)))].join(',');
  });
}

const level = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '' : fmt(x));

export function timeseriesCsv(sim: Simulation): string {
  const s = sim.scenario;
  const fosl1 = s.switch.model === 'fosl1';
  const header = ['replicate', 'time_h', 'sensitive', 'persister', 'total', 'stress', ...s.drugs.map((d) => `conc_${d.name}`)];
  if (fosl1) header.push('fosl1_mean', 'fosl1_sd');
  const drugs = drugColumns(sim);
  const times = sim.timeline.recordTimes;
  const lines = [header.join(',')];
  for (const o of sim.outcomes) {
    for (let k = 0; k < times.length; k++) {
      const S = o.sensitive[k];
      const P = o.persister[k];
      const levels = fosl1 ? `,${level(o.fosl1Mean?.[k])},${level(o.fosl1Sd?.[k])}` : '';
      lines.push(`${o.replicate},${fmt(times[k])},${S},${P},${S + P},${drugs[k]}${levels}`);
    }
  }
  return lines.join('\n') + '\n';
}
