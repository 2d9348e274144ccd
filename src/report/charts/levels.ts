// The FOSL1 level distribution (switch model fosl1): at each chosen time, the share of the
// living cells in each level bin, mean over the replicates, sensitive cells as a solid step
// line and persisters as a dashed one in the time's colour (early dark, late light, viridis),
// on a log axis so that a rare persister mode (under 0.1% before treatment) shows beside the main
// one; the on and off thresholds as vertical lines (the band between them holds both
// phenotypes: hysteresis). The times are those of switch.level_histogram_at (or the default),
// moved to the nearest record time; the subtitle gives the ones drawn.
import { lastExposureEnd, requestedHistogramTimes, type LevelHistograms } from '../../analysis/levelHistogram.js';
import { viridisRgb } from '../../sweep/viridis.js';
import type { ArmResult } from '../armResult.js';
import type { ChartSpec, Point } from './spec.js';
import { COLORS, days, rgba } from './style.js';

export const hasLevels = (arm: ArmResult) => arm.scenario.switch.model === 'fosl1' && (arm.levels?.replicates.some((n) => n > 0) ?? false);

/** "day 12.5" (4 significant digits). */
export const dayLabel = (h: number) => `day ${Number(days(h).toPrecision(4))}`;

/** Viridis from dark purple (first time) to green (last); its yellow end is too pale on white. */
function timeColor(i: number, n: number): string {
  return viridisRgb(n <= 1 ? 0 : (0.8 * i) / (n - 1)).join(',');
}

const round = (x: number) => Number(x.toPrecision(4));

/** Smallest share drawn: this many decades below the largest (a single cell of a small run is noise). */
const DECADES = 5;

/** Decades enclosing the positive shares, at most DECADES of them, up to 100% at most. */
export function shareRange(positive: readonly number[]): { min: number; max: number } {
  if (positive.length === 0) return { min: 1e-3, max: 1 };
  const pow10 = (e: number) => (e >= 0 ? 10 ** e : 1 / 10 ** -e); // 10 ** -4 is not 1e-4 in floating point, 1 / 10 ** 4 is
  const decade = (v: number, up: boolean) => pow10(up ? Math.ceil(Math.log10(v) - 1e-9) : Math.floor(Math.log10(v) + 1e-9));
  const max = Math.min(1, decade(Math.max(...positive), true));
  const min = Math.max(max / 10 ** DECADES, decade(Math.min(...positive), false));
  return { min, max: Math.max(max, min * 10) };
}

/**
 * A histogram's outline: across each bin with a share > 0 at its share, down to `floor` (the
 * axis bottom) where a run of such bins ends, and a gap (null) over bins with none, so that a
 * lone bin shows too and empty bins draw nothing.
 */
export function outline(edges: ArrayLike<number>, shares: ArrayLike<number>, floor: number): Point[] {
  const out: Point[] = [];
  for (let b = 0; b < shares.length; b++) {
    const y = shares[b];
    if (!(y > 0)) continue;
    const lo = round(edges[b]);
    const hi = round(edges[b + 1]);
    const starts = b === 0 || !(shares[b - 1] > 0);
    if (starts) {
      if (out.length > 0) out.push({ x: lo, y: null });
      out.push({ x: lo, y: floor });
    }
    out.push({ x: lo, y }, { x: hi, y });
    if (b + 1 === shares.length || !(shares[b + 1] > 0)) out.push({ x: hi, y: floor });
  }
  return out;
}

export function levelsChart(arm: ArmResult): ChartSpec {
  const h: LevelHistograms | undefined = arm.levels;
  const sw = arm.scenario.switch;
  if (h === undefined || sw.model !== 'fosl1') throw new Error('no FOSL1 level histograms in this arm');
  const lo = h.edges[0];
  const hi = h.edges[h.edges.length - 1];
  const drawn = Array.from(h.timesH, (_, i) => i).filter((i) => h.replicates[i] > 0);
  const positive = drawn.flatMap((i) => [...h.sensitive[i], ...h.persister[i]]).filter((y) => y > 0);
  const range = shareRange(positive);
  const series = drawn.flatMap((i, j) => {
    const rgb = timeColor(j, drawn.length);
    const common = { borderColor: rgba(rgb), backgroundColor: rgba(rgb), pointRadius: 0, fill: false as const, spanGaps: false };
    return [
      { ...common, label: `${dayLabel(h.timesH[i])}: sensitive`, data: outline(h.edges, h.sensitive[i], range.min), borderWidth: 2.5 },
      { ...common, label: `${dayLabel(h.timesH[i])}: persister`, data: outline(h.edges, h.persister[i], range.min), borderWidth: 2.5, borderDash: [7, 4] },
    ];
  });
  const threshold = (label: string, level: number, dash: number[]) => ({
    label, data: [{ x: level, y: range.min }, { x: level, y: range.max }], borderColor: rgba(COLORS.threshold), backgroundColor: rgba(COLORS.threshold), borderDash: dash, borderWidth: 1.5, pointRadius: 0, fill: false as const,
  });
  const datasets = [
    ...series,
    threshold(`on threshold ${round(sw.onThreshold)} (sensitive -> persister above)`, sw.onThreshold, [2, 4]),
    threshold(`off threshold ${round(sw.offThreshold)} (persister -> sensitive below)`, sw.offThreshold, [10, 4]),
  ];
  const chosen = requestedHistogramTimes(sw) !== undefined
    ? 'the times of switch.level_histogram_at'
    : `the default times (start, ${lastExposureEnd(arm.scenario) === null ? 'half the horizon' : 'end of the last drug exposure'}, horizon)`;
  const replicates = [...new Set(drawn.map((i) => h.replicates[i]))];
  const empty = Array.from(h.timesH, (t, i) => (h.replicates[i] > 0 ? null : dayLabel(t))).filter((t) => t !== null);
  const width = round(h.edges.length > 2 ? h.edges[2] - h.edges[1] : hi - lo);
  return {
    id: 'levels',
    title: 'FOSL1 level distribution',
    xName: 'FOSL1 level',
    config: {
      type: 'line',
      data: { datasets },
      options: {
        plugins: {
          title: { display: true, text: `FOSL1 level distribution: ${arm.name}`, font: { size: 20, weight: 'bold' as const } },
          subtitle: {
            display: true,
            font: { size: 13 },
            padding: { bottom: 8 },
            text: [
              `Share of the living cells in each level bin (width ${width}; the last bin also holds higher levels), mean over ` +
                `${replicates.length === 1 ? replicates[0] : `${Math.min(...replicates)}-${Math.max(...replicates)}`} replicates; solid: sensitive, dashed: persister`,
              `At the record times nearest to ${chosen}: ${drawn.map((i) => dayLabel(h.timesH[i])).join(', ')}` +
                (empty.length > 0 ? `; no living cells at ${empty.join(', ')}` : ''),
            ],
          },
          // Legend keys as short lines (a box 1 px high) that show the dash of each series.
          legend: { position: 'bottom', labels: { boxWidth: 44, boxHeight: 1 } },
        },
        scales: {
          // No max: chart.js then ends the axis at the tick after the highest bin drawn.
          x: { type: 'linear', min: round(lo), title: { display: true, text: 'FOSL1 level (a.u.)' } },
          y: { type: 'logarithmic', ...range, title: { display: true, text: 'Fraction of living cells (log scale)' } },
        },
      },
    },
    tickFormats: { y: 'percent' },
    legendHidden: [],
    bands: [],
  };
}
