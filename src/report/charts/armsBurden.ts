// Total burden of every arm on one log axis: the median of each arm (each arm's own
// burden chart shows its spread; overlaid bands hide each other), the relapse threshold of
// the first arm, and each arm's drug exposure as strips along the time axis, one lane per
// arm and acting drug, labelled with the arm (no wash over the plot: the arms' washes would
// pile up). Where the arms differ, and from when.
import { relapseThreshold } from '../../model/scenario.js';
import type { ArmResult } from '../armResult.js';
import { bandOver } from '../quantiles.js';
import { bandDatasets, resistantAt } from './burden.js';
import { activeDrugs, drugLegendEntries, exposureBands } from './exposure.js';
import type { ChartSpec, ShadedBand } from './spec.js';
import { ARM_COLORS, COLORS, cycle, logRange, rgba, timeAxis, title } from './style.js';

/** Every arm's exposure strips, lanes stacked from the bottom in arm order; an untreated arm gets a labelled empty lane. */
export function armLanes(arms: readonly ArmResult[]): { bands: ShadedBand[]; labels: string[] } {
  const bands: ShadedBand[] = [];
  const labels: string[] = [];
  for (const arm of arms) {
    const drugs = activeDrugs(arm.scenario);
    const base = labels.length;
    if (drugs.length === 0) labels.push(`${arm.name}: no drug`);
    drugs.forEach(({ drug }) => labels.push(`${arm.name}: ${drug.name}`));
    for (const b of exposureBands(arm.scenario, arm.dosing)) bands.push({ ...b, lane: base + b.lane, wash: false });
  }
  return { bands, labels };
}

/** One legend box per drug acting in some arm (by the drug's index, so its colour). */
function drugEntries(arms: readonly ArmResult[]) {
  const seen = new Map<string, ReturnType<typeof drugLegendEntries>[number]>();
  for (const arm of arms) for (const e of drugLegendEntries(arm.scenario)) if (!seen.has(e.label)) seen.set(e.label, e);
  return [...seen.values()];
}

export function armsBurdenChart(arms: readonly ArmResult[]): ChartSpec {
  const bands = arms.map((arm) => bandOver(arm.sensitive.length, arm.times.length, (r, k) => arm.sensitive[r][k] + arm.persister[r][k] + resistantAt(arm, r, k)));
  const threshold = relapseThreshold(arms[0].scenario);
  const horizonH = Math.max(...arms.map((a) => a.scenario.time.horizonH));
  const datasets = [
    ...arms.map((arm, i) => bandDatasets(arm.name, cycle(ARM_COLORS, i), arm.times, bands[i])[2]),
    { label: 'Relapse threshold', data: [{ x: 0, y: threshold }, { x: horizonH / 24, y: threshold }], borderColor: rgba(COLORS.threshold), borderDash: [2, 4], borderWidth: 1.5, pointRadius: 0, fill: false as const },
    ...drugEntries(arms),
  ];
  const lanes = armLanes(arms);
  const range = logRange([...bands.flatMap((b) => [...b.median]), threshold], 1);
  return {
    id: 'burden-by-arm',
    title: 'Total burden by arm',
    config: {
      type: 'line',
      data: { datasets },
      options: {
        plugins: {
          ...title('Total burden by arm', 'Median of the replicates of each arm (spread: see each arm\'s burden chart); the arms share their random numbers; strips: each arm\'s drug exposure'),
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
    bands: lanes.bands,
    laneLabels: lanes.labels,
  };
}
