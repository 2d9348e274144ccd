// The fluctuation test as a picture (lesson 09): for each arm, the fraction of cultures
// (replicates) that end with at least x cells, on log-log axes. Survivors made by the drug
// (Poisson) fall off a cliff just past their mean; survivors that arose during growth and
// kept their state (Luria-Delbrueck) have a long tail of jackpots. The legend gives each
// arm's dispersion index variance/mean. Drawn with lineage barcodes (cultures), 2+ replicates.
import { dispersionOf } from '../../analysis/dispersion.js';
import type { ArmResult } from '../armResult.js';
import type { ChartSpec, Point } from './spec.js';
import { ARM_COLORS, cycle, rgba, title } from './style.js';

const finals = (arm: ArmResult) => arm.summary.runs.map((r) => r.final.total);

export const hasCultures = (arms: readonly ArmResult[]) =>
  arms.some((a) => a.summary.barcodes !== null && a.summary.barcodes !== undefined) && arms.every((a) => a.summary.runs.length >= 2);

/** (x, fraction of cultures with at least x cells) at each distinct positive x. */
export function atLeastCurve(counts: readonly number[]): Point[] {
  const s = counts.filter((x) => x > 0).sort((a, b) => a - b);
  const n = counts.length;
  const out: Point[] = [];
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) out.push({ x: s[i], y: (s.length - i) / n });
  return out;
}

export function survivorsChart(arms: readonly ArmResult[]): ChartSpec {
  const g = (x: number) => String(Number(x.toPrecision(3)));
  const datasets = arms.map((arm, i) => {
    const counts = finals(arm);
    const d = dispersionOf(counts);
    const rgb = cycle(ARM_COLORS, i);
    const zero = counts.filter((x) => x === 0).length;
    const stats = d === null ? '' : `: mean ${g(d.mean)}, variance/mean ${d.index === null ? 'n/a' : g(d.index)}${zero > 0 ? `, ${zero} with none` : ''}`;
    return { label: `${arm.name}${stats}`, data: atLeastCurve(counts), stepped: 'before' as const, borderColor: rgba(rgb), backgroundColor: rgba(rgb), borderWidth: 2.5, pointRadius: 0, fill: false as const };
  });
  const n = arms[0].summary.runs.length;
  const se = Math.sqrt(2 / (n - 1));
  return {
    id: 'survivors',
    title: 'Cells left per culture',
    config: {
      type: 'line',
      data: { datasets },
      options: {
        plugins: {
          ...title('Cells left at the end, per culture', `${n} cultures${arms.length > 1 ? ' per arm' : ''}. Drug-made (Poisson): variance/mean 1 +- ${g(2 * se)} (2 SE), a cliff; pre-existing (Luria-Delbrueck): far above 1, a tail of jackpots`),
          legend: { position: 'bottom' },
        },
        scales: {
          x: { type: 'logarithmic', title: { display: true, text: 'Cells left in a culture (log scale)' } },
          y: { type: 'logarithmic', max: 1, title: { display: true, text: 'Cultures with at least this many (log scale)' } },
        },
      },
    },
    tickFormats: { x: 'pow10', y: 'percent' },
    legendHidden: [],
    bands: [],
    xName: 'cells',
  };
}
