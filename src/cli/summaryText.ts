// The readable stdout summary of `persim run`.
import type { Summary } from '../output/summaryJson.js';

const days = (h: number | null) => (h === null ? 'not reached' : `${(h / 24).toFixed(1)} d`);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summaryText(sum: Summary, written: string[]): string {
  const r = sum.relapse;
  const n = sum.replicates;
  const nadirCells = median(sum.runs.map((x) => x.nadir_cells));
  const nadirH = median(sum.runs.map((x) => x.nadir_h));
  const lines = [
    `${sum.scenario.name}`,
    `  seed ${sum.seed}, ${n} replicate${n === 1 ? '' : 's'}, ${sum.engine} engine, step ${sum.dt_h} h, horizon ${days(sum.horizon_h)}`,
    `  relapse threshold: ${sum.relapse_threshold_cells.toExponential(2)} cells`,
    '',
    `  relapsed      ${r.relapsed}/${n} (${pct(r.probability)}, 95% CI ${pct(r.probability_ci95[0])}-${pct(r.probability_ci95[1])})`,
    `  extinct       ${r.extinct}/${n}`,
    `  censored      ${r.censored}/${n} (alive, not relapsed at the horizon)`,
    `  median relapse ${days(r.median_h)}` +
      (r.median_h === null ? '' : ` (95% CI ${days(r.ci95_h[0])} to ${r.ci95_h[1] === null ? 'not reached' : days(r.ci95_h[1])})`),
    `  median nadir  ${nadirCells === null ? '-' : Math.round(nadirCells)} cells at ${days(nadirH)}`,
    '',
    ...written.map((f) => `  wrote ${f}`),
  ];
  return lines.join('\n') + '\n';
}
