// timeseries.csv: one row per replicate per record time, t = 0 included (DESIGN.md):
// replicate,time_h,sensitive,persister,total,stress,conc_<drug>...
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

export function timeseriesCsv(sim: Simulation): string {
  const s = sim.scenario;
  const header = ['replicate', 'time_h', 'sensitive', 'persister', 'total', 'stress', ...s.drugs.map((d) => `conc_${d.name}`)];
  const drugs = drugColumns(sim);
  const times = sim.timeline.recordTimes;
  const lines = [header.join(',')];
  for (const o of sim.outcomes) {
    for (let k = 0; k < times.length; k++) {
      const S = o.sensitive[k];
      const P = o.persister[k];
      lines.push(`${o.replicate},${fmt(times[k])},${S},${P},${S + P},${drugs[k]}`);
    }
  }
  return lines.join('\n') + '\n';
}
