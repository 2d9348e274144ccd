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

/** Rows encoded at a time by csvBytes. */
const CHUNK_ROWS = 65536;

/**
 * A whole file as bytes (UTF-8), the same bytes as csvText, encoded a chunk of rows at a
 * time: clones.csv may hold 10^8 rows, more text than one string holds (2^29 characters).
 */
export function csvBytes(rows: Iterable<readonly CsvValue[]>): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let lines: string[] = [];
  for (const row of rows) {
    lines.push(csvRow(row));
    if (lines.length === CHUNK_ROWS) {
      chunks.push(encoder.encode(lines.join('\n') + '\n'));
      lines = [];
    }
  }
  if (lines.length > 0) chunks.push(encoder.encode(lines.join('\n') + '\n'));
  let bytes = 0;
  for (const c of chunks) bytes += c.length;
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
