// Total burden of every arm on one log axis: the median of each arm (each arm's own
// burden chart shows its spread; overlaid bands hide each other), and the relapse
// threshold of the first arm. Where the arms differ, and from when.
import { relapseThreshold } from '../../model/scenario.js';
import type { ArmResult } from '../armResult.js';
import { bandOver } from '../quantiles.js';
import { bandDatasets, resistantAt } from './burden.js';
import type { ChartSpec } from './spec.js';
import { ARM_COLORS, COLORS, cycle, logRange, rgba, timeAxis, title } from './style.js';

export function armsBurdenChart(arms: readonly ArmResult[]): ChartSpec {
  const bands = arms.map((arm) => bandOver(arm.sensitive.length, arm.times.length, (r, k) => arm.sensitive[r][k] + arm.persister[r][k] + resistantAt(arm, r, k)));
  const threshold = relapseThreshold(arms[0].scenario);
  const horizonH = Math.max(...arms.map((a) => a.scenario.time.horizonH));
  const datasets = [
    ...arms.map((arm, i) => bandDatasets(arm.name, cycle(ARM_COLORS, i), arm.times, bands[i])[2]),
    { label: 'Relapse threshold', data: [{ x: 0, y: threshold }, { x: horizonH / 24, y: threshold }], borderColor: rgba(COLORS.threshold), borderDash: [2, 4], borderWidth: 1.5, pointRadius: 0, fill: false as const },
  ];
  const range = logRange([...bands.flatMap((b) => [...b.median]), threshold], 1);
  return {
    id: 'burden-by-arm',
    title: 'Total burden by arm',
    config: {
      type: 'line',
      data: { datasets },
      options: {
        plugins: {
          ...title('Total burden by arm', 'Median of the replicates of each arm (spread: see each arm\'s burden chart); the arms share their random numbers'),
          legend: { position: 'bottom' },
        },
        scales: {
          x: timeAxis(horizonH),
          y: { type: 'logarithmic', ...range, title: { display: true, text: 'Cells (log scale)' } },
        },
      },
    },
    tickFormats: { y: 'pow10' },
    legendHidden: [],
    bands: [],
  };
}
