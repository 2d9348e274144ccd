// Clone sizes from lineage barcodes: for each sample time (and at relapse), the size of the
// largest clone, the second largest and so on (rank on the x axis, cells on a log axis), the
// median over the replicates. Many small clones make a flat, low curve; a few large clones
// (jackpots) a steep one that starts high and falls to nothing after a few ranks.
import type { ArmResult } from '../armResult.js';
import { CLONE_RANKS } from '../clonalSeries.js';
import { quantileSorted } from '../quantiles.js';
import type { ChartSpec } from './spec.js';
import { ARM_COLORS, cycle, logRange, rgba, title } from './style.js';


export const hasClones = (arm: ArmResult) => (arm.clones ?? []).some((g) => g.sizes.some((s) => s.length > 0));

export function clonesChart(arm: ArmResult): ChartSpec {
  const groups = (arm.clones ?? []).filter((g) => g.sizes.length > 0);
  const ranks = Math.min(CLONE_RANKS, Math.max(1, ...groups.flatMap((g) => g.sizes.map((s) => s.length))));
  const all: number[] = [];
  const datasets = groups.map((g, i) => {
    const data = Array.from({ length: ranks }, (_, k) => {
      const column = g.sizes.map((s) => s[k] ?? 0).sort((a, b) => a - b);
      const median = quantileSorted(column, 0.5);
      all.push(median);
      return { x: k + 1, y: median > 0 ? median : null };
    });
    const rgb = cycle(ARM_COLORS.slice(1), i);
    return { label: `${g.label} (${g.sizes.length} replicates)`, data, borderColor: rgba(rgb), backgroundColor: rgba(rgb), borderWidth: 2.5, pointRadius: 3, fill: false as const };
  });
  return {
    id: 'clones',
    title: 'Clone sizes',
    xName: 'clone rank',
    config: {
      type: 'line',
      data: { datasets },
      options: {
        plugins: {
          ...title(`Clone sizes (lineage barcodes): ${arm.name}`, 'Median over the replicates of the largest clone, the second largest, ...; a missing point: half the replicates have fewer clones'),
          legend: { position: 'bottom' },
        },
        scales: {
          x: { type: 'linear', min: 1, max: ranks, title: { display: true, text: 'Clone rank (1 = largest)' } },
          y: { type: 'logarithmic', ...logRange(all, 1), title: { display: true, text: 'Cells in the clone (log scale)' } },
        },
      },
    },
    tickFormats: { y: 'pow10' },
    legendHidden: [],
    bands: [],
  };
}
