// The chart of a sweep, as a chart.js configuration computed from the results alone (no
// canvas, no files), so it can move into a shared chart module: for one varied parameter,
// the chosen metric against it with its 95% interval as a band; for two, a heatmap of the
// metric over the grid (or coloured points for a Latin hypercube). Three or more: no chart.
// renderChart.ts draws the configuration into a PNG.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { INK, axisStyle, axisType, baseOptions, chartTitle, font, metricAxis, whiteBackground, type ChartInput, type ChartPoint } from './chartParts.js';
import { heatmapConfig } from './heatmapChart.js';

const LINE = 'rgb(33, 102, 172)';
const BAND = 'rgba(33, 102, 172, 0.18)';
const CURED = 'rgb(27, 120, 55)';

function lineConfig(input: ChartInput): ChartConfiguration {
  const dim = input.dimensions[0];
  const numeric = dim.scale !== null;
  const points = numeric ? [...input.points].sort((a, b) => (a.values[0] as number) - (b.values[0] as number)) : input.points;
  const x = (p: ChartPoint) => (numeric ? (p.values[0] as number) : String(p.values[0]));
  const openEnded = points.some((p) => p.estimate.value !== null && p.estimate.hi === null);
  const xy = (f: (p: ChartPoint) => number | null) => points.map((p) => ({ x: x(p), y: f(p) }));
  const datasets: ChartDataset<'line', { x: number | string; y: number | null }[]>[] = [
    { label: '95% CI lower', data: xy((p) => (p.estimate.value === null ? null : p.estimate.lo)), borderWidth: 0, pointRadius: 0, fill: false },
    {
      label: openEnded ? '95% CI (an open upper end is drawn to the horizon)' : '95% CI',
      data: xy((p) => (p.estimate.value === null ? null : p.estimate.hi ?? p.horizonH)),
      borderWidth: 0,
      pointRadius: 0,
      backgroundColor: BAND,
      fill: '-1',
    },
    { label: input.metric.label, data: xy((p) => p.estimate.value), borderColor: LINE, backgroundColor: LINE, borderWidth: 2, pointRadius: 3, fill: false },
  ];
  const cured = points.filter((p) => p.cure !== null);
  if (cured.length > 0) {
    // A metric without a value because the tumours died out: a mark at the top, not a gap.
    const top = (p: ChartPoint) => (input.metric.axis === 'linear' ? p.horizonH : null);
    datasets.push({
      label: `cured (P(cure) >= 0.5: ${input.metric.axis === 'linear' ? 'never reached, drawn at the horizon' : 'no value'})`,
      data: points.map((p) => ({ x: x(p), y: p.cure !== null ? top(p) : null })),
      borderColor: CURED,
      backgroundColor: '#ffffff',
      borderWidth: 2,
      pointRadius: 6,
      pointStyle: 'triangle',
      showLine: false,
      fill: false,
    });
  }
  return {
    type: 'line',
    data: { labels: numeric ? undefined : points.map((p) => String(p.values[0])), datasets },
    options: {
      ...baseOptions,
      spanGaps: false,
      scales: { x: { type: axisType(dim.scale), offset: !numeric, ...axisStyle(dim.label) }, y: metricAxis(input.metric) },
      plugins: {
        title: chartTitle(`${input.title}: ${input.metric.label}`),
        legend: { labels: { font: font(12), color: INK, filter: (item: { text: string }) => item.text !== '95% CI lower' } },
      },
    },
    plugins: [whiteBackground],
  } as ChartConfiguration;
}

/** The chart configuration, or null when the sweep has no chart (three or more parameters). */
export function sweepChartConfig(input: ChartInput): ChartConfiguration | null {
  if (input.points.length === 0) return null;
  if (input.dimensions.length === 1) return lineConfig(input);
  if (input.dimensions.length === 2) return heatmapConfig(input);
  return null;
}
