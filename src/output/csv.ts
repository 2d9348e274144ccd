// The one CSV writer (RFC 4180): a cell is quoted when it holds a comma, a quote or a line
// end; numbers are written by output/numbers.ts's fmt; null is an empty cell; rows end
// with \n, the last one too. Every CSV persim writes goes through it: sweep.csv and runs.csv
// (sweep/csv.ts), arms.csv, clones.csv, dosing.csv, levels.csv, the fit's and calibration's
// tables and the data CSV of a synthetic experiment; timeseries.csv's header too (its rows,
// numbers only, are joined in place: timeseriesCsv.ts).
import { fmt } from './numbers.js';

export type CsvValue = string | number | null;

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return fmt(value);
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvRow(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole file from its rows (the header first). */
export function csvText(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map(csvRow).join('\n') + '\n';
}
