// sweep.csv (one row per point: the varied parameters, the replicate counts, then every
// metric with its 95% interval as <metric>,<metric>_lo,<metric>_hi) and runs.csv (one row per
// point and replicate). A varied parameter's column is its path, with its unit when it has
// one, in hours or per hour whatever unit was typed: `time.horizon (h)`. Empty cells are undefined
// values (a median not reached, or no replicate responded).
import { csvRow } from '../output/csv.js';
import { fmt } from '../output/numbers.js';
import type { PointRecord } from './journal.js';
import { SWEEP_METRICS, type PointSummary } from './metrics.js';
import { RUN_FIELDS } from './runRecord.js';
import type { DimensionJson, PointJson } from './sweepJson.js';

const num = (x: number | null) => (x === null ? '' : fmt(x));
const row = (cells: readonly string[]) => csvRow(cells);
const lines = (rows: readonly string[]) => rows.join('\n') + '\n';

export function dimensionHeader(d: DimensionJson): string {
  return d.unit === '' ? d.path : `${d.path} (${d.unit})`;
}

/** A varied value as written in the CSV: numbers in full (they identify the point), categories as text. */
export function valueCell(v: number | string): string {
  return String(v);
}

export function sweepCsv(dims: readonly DimensionJson[], points: readonly PointJson[], summaries: readonly PointSummary[]): string {
  const header = ['point', ...dims.map(dimensionHeader), 'replicates', 'relapsed', 'extinct', 'responded', ...SWEEP_METRICS.flatMap((m) => [m, `${m}_lo`, `${m}_hi`])];
  const rows = points.map((p, i) => {
    const s = summaries[i];
    const metrics = SWEEP_METRICS.flatMap((m) => [num(s.metrics[m].value), num(s.metrics[m].lo), num(s.metrics[m].hi)]);
    return row([String(p.point), ...p.values.map(valueCell), String(s.replicates), String(s.relapsed), String(s.extinct), String(s.responded), ...metrics]);
  });
  return lines([row(header), ...rows]);
}

export function runsCsv(dims: readonly DimensionJson[], points: readonly PointJson[], records: readonly PointRecord[]): string {
  const header = ['point', ...dims.map(dimensionHeader), ...RUN_FIELDS];
  const rows: string[] = [row(header)];
  points.forEach((p, i) => {
    const values = p.values.map(valueCell);
    for (const r of records[i].runs) {
      const cells = RUN_FIELDS.map((f) => {
        const v = r[f];
        return typeof v === 'number' ? fmt(v) : v === null ? '' : String(v);
      });
      rows.push(row([String(p.point), ...values, ...cells]));
    }
  });
  return lines(rows);
}
