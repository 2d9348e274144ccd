// The persister fraction P / (S + P) over time on a log axis in percent: median and 10-90%
// band across the replicates with enough cells left (fractionBand.ts), the fraction of the analytic mean (dashed), and
// the drug exposure bands. Under a kill drug the fraction climbs towards 100% (the
// sensitive cells die, the persisters stay); off drug it relaxes back. Resistant cells, when
// the scenario has them, count among all living cells.
import type { ArmResult } from '../armResult.js';
import { MIN_FRACTION_CELLS, MIN_FRACTION_REPLICATES, persisterFractionBand } from '../fractionBand.js';
import { analyticCounts, bandDatasets, hasAnalyticMean, resistantAt } from './burden.js';
import { drugLegendEntries, exposureBands } from './exposure.js';
import type { ChartSpec } from './spec.js';
import { COLORS, logRange, points, rgba, timeAxis, title } from './style.js';

/** A fraction of zero is drawn at the bottom of the axis (clipped). */
const ZERO_AT = 1e-12;
const logY = (y: number) => (y > 0 ? y : ZERO_AT);

export function persisterFractionChart(arm: ArmResult): ChartSpec {
  const n = arm.sensitive.length;
  const band = persisterFractionBand(n, arm.times.length, (r, k) => arm.persister[r][k], (r, k) => arm.sensitive[r][k] + arm.persister[r][k] + resistantAt(arm, r, k));
  const mean = hasAnalyticMean(arm) ? analyticCounts(arm) : null;
  const meanFraction = mean === null ? [] : Array.from(mean.sensitive, (s, k) => mean.persister[k] / (s + mean.persister[k] + (mean.resistant?.[k] ?? 0)));
  const range = logRange([...band.lower, ...band.upper, ...meanFraction], 1e-4, 1);
  const expected = {
    label: 'Expected (linear theory)',
    data: points(arm.timeline.recordTimes, meanFraction),
    borderColor: rgba(COLORS.persister, 0.9),
    borderDash: [8, 6],
    borderWidth: 1.5,
    pointRadius: 0,
    fill: false as const,
  };
  const datasets = [
    ...bandDatasets('Persister fraction', COLORS.persister, arm.times, band, 0.2, logY),
    ...(mean === null ? [] : [expected]),
    ...drugLegendEntries(arm.scenario),
  ];
  return {
    id: 'persister-fraction',
    title: 'Persister fraction',
    config: {
      type: 'line',
      data: { datasets },
      options: {
        plugins: {
          ...title(`Persister fraction: ${arm.name}`, `Persisters / all living cells: median and 10-90% of the replicates with ${MIN_FRACTION_CELLS}+ cells (none drawn where fewer than ${Math.min(MIN_FRACTION_REPLICATES, n)} replicates have them)${mean === null ? '' : '; dashed: expected (capacity ignored)'}`),
          legend: { position: 'bottom' },
        },
        scales: {
          x: timeAxis(arm.scenario.time.horizonH),
          y: { type: 'logarithmic', ...range, title: { display: true, text: 'Persister fraction (log scale)' } },
        },
      },
    },
    tickFormats: { y: 'percent' },
    legendHidden: [0, 1],
    bands: exposureBands(arm.scenario, arm.dosing),
  };
}
