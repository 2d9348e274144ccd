// The files of a finished sweep (or shard), computed from its design and its journaled point
// records only: sweep.csv, runs.csv, sweep.json and the chart sweep.png. A run and a merge of
// shards both end here, which is why they give the same bytes.
import { dimensionHeader, runsCsv, sweepCsv } from './csv.js';
import type { PointRecord } from './journal.js';
import { METRIC_INFO, cureOf, noResponseOf, summarizePoint, type PointSummary } from './metrics.js';
import { renderChartPng } from './renderChart.js';
import { sweepChartConfig } from './sweepChart.js';
import { sweepJsonText, type SweepJson } from './sweepJson.js';

export const OUTPUT_FILES = ['sweep.csv', 'runs.csv', 'sweep.json', 'sweep.png'] as const;

export interface SweepResults {
  readonly files: Record<string, string | Uint8Array>;
  readonly summaries: readonly PointSummary[];
  /** Why there is no chart, when there is none. */
  readonly noChart: string | null;
}

/** `records` holds the points of `json` that this run covers, in point order. */
export async function sweepOutputs(json: SweepJson, records: readonly PointRecord[]): Promise<SweepResults> {
  const byIndex = new Map(json.points.map((p) => [p.point, p]));
  const points = records.map((r) => byIndex.get(r.point)!);
  const summaries = records.map((r) => summarizePoint(r.runs, r.horizon_h));
  const files: Record<string, string | Uint8Array> = {
    'sweep.csv': sweepCsv(json.dimensions, points, summaries),
    'runs.csv': runsCsv(json.dimensions, points, records),
    'sweep.json': sweepJsonText(json),
  };
  const config = sweepChartConfig({
    title: json.scenario.name,
    metric: { name: json.metric, ...METRIC_INFO[json.metric] },
    dimensions: json.dimensions.map((d) => ({ label: dimensionHeader(d), scale: d.scale })),
    points: points.map((p, i) => ({ values: p.values, estimate: summaries[i].metrics[json.metric], horizonH: records[i].horizon_h, cure: cureOf(summaries[i], json.metric), noResponse: noResponseOf(summaries[i], json.metric) })),
    grid: json.sample === 'grid',
  });
  let noChart: string | null = config === null ? `no chart for ${json.dimensions.length} varied parameters (one gives a line, two a heatmap)` : null;
  if (config !== null) {
    try {
      files['sweep.png'] = await renderChartPng(config);
    } catch (err) {
      noChart = `the chart could not be drawn: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  return { files, summaries, noChart };
}
