// Relapse-free survival: one Kaplan-Meier step curve per arm, with a tick where replicates
// are censored (alive without relapse, or extinct, at the horizon), and in the legend each
// arm's median relapse time and, against the first arm, the hazard ratio and the log-rank
// p-value. Replicates that never responded are not on the curves (relapseEvent.ts); the legend
// counts them.
import { kaplanMeier, type KaplanMeier } from '../../analysis/kaplanMeier.js';
import type { ArmResult } from '../armResult.js';
import type { ArmComparison } from '../compareArms.js';
import type { ChartSpec, Point } from './spec.js';
import { ARM_COLORS, cycle, days, rgba, timeAxis, title } from './style.js';

export function formatP(p: number): string {
  if (p < 1e-4) return 'p < 0.0001';
  return `p = ${p < 0.001 ? p.toExponential(1) : p.toPrecision(2)}`;
}

function legendLabel(row: ArmComparison, reference: string, first: boolean, alone: boolean): string {
  const median = row.median_h !== null
    ? `median ${days(row.median_h).toFixed(1)} d`
    : row.no_response === row.replicates ? 'no response' : 'median not reached';
  const responders = row.no_response > 0 ? ` (${row.no_response}/${row.replicates} no response, not drawn)` : '';
  if (alone) return `${row.name}: ${median}${responders}`;
  if (first) return `${row.name}: ${median}${responders} (reference)`;
  const hr = row.hazard_ratio !== null ? `HR ${row.hazard_ratio.toPrecision(2)}` : row.hazard_ratio_note?.includes('separate') ? 'HR not estimable (arms separate)' : 'HR not estimable';
  const exact = row.log_rank_exact_p;
  const p = exact !== null
    ? `exact log-rank ${exact < 1e-4 ? `p = ${exact.toExponential(1)}` : formatP(exact)}`
    : row.log_rank_p === null ? 'log-rank: no events' : `log-rank ${formatP(row.log_rank_p)}`;
  return `${row.name}: ${median}${responders}; ${hr}, ${p} vs ${reference}`;
}

/** A Kaplan-Meier step curve (from 1 at time 0 to the horizon; none when `drawn` is false) and its censoring ticks, in arm colour i. */
export function kmDatasets(km: KaplanMeier, drawn: boolean, horizonH: number, i: number, label: string, name: string) {
  const rgb = cycle(ARM_COLORS, i);
  const curve: Point[] = [];
  if (drawn) {
    curve.push({ x: 0, y: 1 });
    km.time.forEach((t, j) => curve.push({ x: days(t), y: km.survival[j] }));
    curve.push({ x: days(horizonH), y: curve[curve.length - 1].y });
  }
  const ticks: Point[] = Array.from(km.censorTimes, (t, j) => ({ x: days(t), y: km.censorSurvival[j] }));
  return [
    { label, data: curve, stepped: 'before' as const, borderColor: rgba(rgb), backgroundColor: rgba(rgb), borderWidth: 2.5, pointRadius: 0, fill: false as const },
    { label: `${name}: censored`, data: ticks, showLine: false, clip: false as const, pointStyle: 'line' as const, rotation: 90, pointRadius: 7, borderWidth: 2, borderColor: rgba(rgb), backgroundColor: rgba(rgb), fill: false as const },
  ];
}

/** The survival chart's spec around its datasets (pairs of curve and ticks; the ticks stay out of the legend). */
export function survivalSpec(id: string, heading: string, subtitle: string, yText: string, horizonH: number, datasets: ReturnType<typeof kmDatasets>): ChartSpec {
  return {
    id,
    title: heading,
    config: {
      type: 'line',
      data: { datasets },
      options: {
        plugins: { ...title(heading, subtitle), legend: { position: 'bottom' } },
        scales: {
          x: timeAxis(horizonH),
          y: { type: 'linear', min: 0, max: 1, title: { display: true, text: yText } },
        },
      },
    },
    tickFormats: {},
    legendHidden: datasets.map((_, j) => j).filter((j) => j % 2 === 1),
    bands: [],
  };
}

export function survivalChart(arms: readonly ArmResult[], rows: readonly ArmComparison[]): ChartSpec {
  const horizonH = Math.max(...arms.map((a) => a.scenario.time.horizonH));
  const datasets = arms.flatMap((arm, i) =>
    kmDatasets(kaplanMeier(arm.relapse), arm.relapse.length > 0, arm.scenario.time.horizonH, i, legendLabel(rows[i], rows[0].name, i === 0, arms.length === 1), arm.name));
  const n = arms[0].summary.replicates;
  const subtitle = `Kaplan-Meier over ${n} replicate${n === 1 ? '' : 's'}${arms.length > 1 ? ' per arm' : ''}; ticks: censored (no relapse by the horizon, extinct included); replicates that never responded are left out${arms.length > 1 ? '; HR: Cox hazard ratio' : ''}`;
  return survivalSpec('survival', 'Relapse-free survival', subtitle, 'Relapse-free (fraction of replicates)', horizonH, datasets);
}
