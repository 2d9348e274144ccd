// Tumour burden over time on a log axis: the median and the 10-90% band across replicates
// of the sensitive, persister and total counts, the analytic mean of the total as a dashed
// line (the linear two-type process; cut where crowding makes it wrong), the relapse
// threshold, and the drug exposure as shaded bands along the time axis. With a resistant
// phenotype its cells are a fourth series (and count in the total), and the expected total
// is the three-type mean with mutation; an adaptive drug has no expected line (its dosing
// depends on each replicate's burden).
import { expectedCounts } from '../../analysis/meanTrajectory.js';
import { expectedCounts3 } from '../../analysis/resistanceMean.js';
import { relapseThreshold } from '../../model/scenario.js';
import type { ArmResult } from '../armResult.js';
import { bandOver, type Band } from '../quantiles.js';
import { drugLegendEntries, exposureBands } from './exposure.js';
import type { ChartSpec, Point } from './spec.js';
import { COLORS, logRange, points, rgba, timeAxis, title } from './style.js';

/** Zero cells cannot sit on a log axis: drawn just below its bottom (clipped), i.e. at the floor. */
const ZERO_AT = 0.5;
/** The analytic mean ignores crowding: drawn only while below this fraction of capacity. */
const CAPACITY_LIMIT = 0.1;

const logY = (y: number) => (y > 0 ? y : ZERO_AT);

/** Upper edge (filled down to the next dataset), lower edge, median line. */
export function bandDatasets(label: string, rgb: string, times: Float64Array, band: Band, fillAlpha = 0.15, map = logY) {
  return [
    { label: `${label} 10-90%`, data: points(times, band.upper, map), borderWidth: 0, pointRadius: 0, backgroundColor: rgba(rgb, fillAlpha), fill: '+1' as const },
    { label: `${label} 10%`, data: points(times, band.lower, map), borderWidth: 0, pointRadius: 0, fill: false as const },
    { label: `${label} (median)`, data: points(times, band.median, map), borderColor: rgba(rgb), backgroundColor: rgba(rgb), borderWidth: 2.5, pointRadius: 0, fill: false as const },
  ];
}

/** Resistant cells of replicate r at record k (0 without a resistant phenotype). */
export const resistantAt = (arm: ArmResult, r: number, k: number) => arm.resistant?.[r][k] ?? 0;

export function burdenBands(arm: ArmResult) {
  const n = arm.sensitive.length;
  const len = arm.times.length;
  return {
    total: bandOver(n, len, (r, k) => arm.sensitive[r][k] + arm.persister[r][k] + resistantAt(arm, r, k)),
    sensitive: bandOver(n, len, (r, k) => arm.sensitive[r][k]),
    persister: bandOver(n, len, (r, k) => arm.persister[r][k]),
    resistant: arm.resistant === undefined ? null : bandOver(n, len, (r, k) => resistantAt(arm, r, k)),
  };
}

/** The linear mean exists for the two-state switch with a dosing fixed in advance. */
export const hasAnalyticMean = (arm: ArmResult) => arm.scenario.switch.model === 'two-state' && arm.scenario.drugs.every((d) => d.adaptive === undefined);

/** Expected counts at the record times: the two-type mean, or the three-type one with a resistant phenotype. */
export function analyticCounts(arm: ArmResult): { sensitive: Float64Array; persister: Float64Array; resistant: Float64Array | null } {
  const s = arm.scenario;
  if (s.phenotypes.resistant !== undefined) return expectedCounts3(s, arm.timeline);
  return { ...expectedCounts(s, arm.timeline), resistant: null };
}

/** Expected total at the record times; null past the point where crowding matters. */
export function analyticTotal(arm: ArmResult): Point[] {
  const s = arm.scenario;
  const mean = analyticCounts(arm);
  const cap = s.population.capacity;
  let crowded = false;
  return Array.from(arm.timeline.recordTimes, (t, k) => {
    const total = mean.sensitive[k] + mean.persister[k] + (mean.resistant?.[k] ?? 0);
    if (cap !== null && total > CAPACITY_LIMIT * cap) crowded = true;
    return { x: t / 24, y: crowded || !(total > 0) ? null : total };
  });
}

export function burdenChart(arm: ArmResult): ChartSpec {
  const bands = burdenBands(arm);
  const threshold = relapseThreshold(arm.scenario);
  const series = [
    ...bandDatasets('Total', COLORS.total, arm.times, bands.total),
    ...bandDatasets('Sensitive', COLORS.sensitive, arm.times, bands.sensitive),
    ...bandDatasets('Persister', COLORS.persister, arm.times, bands.persister),
    ...(bands.resistant !== null ? bandDatasets('Resistant', COLORS.resistant, arm.times, bands.resistant) : []),
  ];
  const horizonDays = arm.scenario.time.horizonH / 24;
  const mean = hasAnalyticMean(arm)
    // order -1: drawn over the median it usually coincides with.
    ? [{ label: 'Total, expected (linear theory)', data: analyticTotal(arm), order: -1, borderColor: rgba(COLORS.theory), borderDash: [8, 6], borderWidth: 2, pointRadius: 0, fill: false as const }]
    : [];
  const datasets = [
    ...series,
    ...mean,
    { label: 'Relapse threshold', data: [{ x: 0, y: threshold }, { x: horizonDays, y: threshold }], borderColor: rgba(COLORS.threshold), borderDash: [2, 4], borderWidth: 1.5, pointRadius: 0, fill: false as const },
    ...drugLegendEntries(arm.scenario),
  ];
  const range = logRange([...bands.total.upper, ...bands.persister.lower, ...bands.sensitive.lower, ...(bands.resistant?.lower ?? []), threshold], 1);
  const n = arm.sensitive.length;
  return {
    id: 'burden',
    title: 'Tumour burden',
    config: {
      type: 'line',
      data: { datasets },
      options: {
        plugins: {
          ...title(`Tumour burden: ${arm.name}`, `Median (line) and 10-90% of ${n} replicate${n === 1 ? '' : 's'} (shaded); ${mean.length > 0 ? 'dashed: expected total; ' : ''}shaded columns and strips: drug effect`),
          legend: { position: 'bottom' },
        },
        scales: {
          x: timeAxis(arm.scenario.time.horizonH),
          y: { type: 'logarithmic', ...range, title: { display: true, text: 'Cells (log scale)' } },
        },
      },
    },
    tickFormats: { y: 'pow10' },
    legendHidden: bands.resistant !== null ? [0, 1, 3, 4, 6, 7, 9, 10] : [0, 1, 3, 4, 6, 7],
    bands: exposureBands(arm.scenario, arm.dosing),
  };
}
