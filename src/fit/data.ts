// The data CSV of `persim fit` (issue 13): tidy rows `day,subject,arm,observable,value,n_cells`
// (or time_h instead of day; n_cells only needed for binomial observables; columns in any
// order). Every problem is a FitDataError naming the file, line and column, so the CLI
// reports it and exits 2 before anything runs.
import { createHash } from 'node:crypto';
import { UsageError } from '../io/errors.js';
import type { Dataset, FitSpec, Observation } from './types.js';

/** Bad data: a usage error (exit 2), its message `file:line:column: column: problem`. */
export class FitDataError extends UsageError {
  constructor(readonly file: string, readonly line: number, readonly column: number, readonly field: string, readonly problem: string) {
    super(`${file}${line > 0 ? `:${line}${column > 0 ? `:${column}` : ''}` : ''}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'FitDataError';
  }
}

interface Cell {
  readonly text: string;
  /** 1-based column (character) where the field starts. */
  readonly column: number;
}

/** One CSV line into fields; a quoted field may hold commas and doubled quotes (not line breaks). */
function splitLine(line: string, file: string, lineNo: number): Cell[] {
  const cells: Cell[] = [];
  let i = 0;
  for (;;) {
    const column = i + 1;
    let text = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) throw new FitDataError(file, lineNo, column, '', 'unterminated quoted field');
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += line[i++];
      }
      if (i < line.length && line[i] !== ',') throw new FitDataError(file, lineNo, i + 1, '', 'text after a closing quote (a quote inside a quoted field is written "")');
    } else {
      const end = line.indexOf(',', i);
      text = line.slice(i, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
    }
    cells.push({ text: text.trim(), column });
    if (i >= line.length) return cells;
    i++; // the comma
  }
}

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const REQUIRED = ['subject', 'arm', 'observable', 'value'] as const;
const KNOWN = new Set(['day', 'time_h', 'subject', 'arm', 'observable', 'value', 'n_cells']);

/**
 * Reads the data of a fit. `armNames` are the scenario's arms ([] without arms: then the arm
 * column must be empty); `horizonH` the scenario's horizon (no observation may lie beyond it).
 */
export function parseDataset(file: string, text: string, spec: FitSpec, armNames: readonly string[], horizonH: number): Dataset {
  const sha256 = createHash('sha256').update(text).digest('hex');
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) throw new FitDataError(file, 0, 0, '', 'the data file is empty (expected a header day,subject,arm,observable,value,n_cells and rows)');
  const headerLine = headerIndex + 1;
  const header = splitLine(lines[headerIndex], file, headerLine);
  const col = new Map<string, number>();
  header.forEach((h, k) => {
    const name = h.text.toLowerCase();
    if (!KNOWN.has(name)) throw new FitDataError(file, headerLine, h.column, h.text, `unknown column (columns: ${[...KNOWN].join(', ')})`);
    if (col.has(name)) throw new FitDataError(file, headerLine, h.column, h.text, 'column given twice');
    col.set(name, k);
  });
  if (col.has('day') && col.has('time_h')) throw new FitDataError(file, headerLine, header[col.get('time_h') as number].column, 'time_h', 'give either day or time_h, not both');
  if (!col.has('day') && !col.has('time_h')) throw new FitDataError(file, headerLine, 1, 'day', 'missing column day (or time_h)');
  for (const name of REQUIRED) if (!col.has(name)) throw new FitDataError(file, headerLine, 1, name, `missing column ${name}`);
  const byName = new Map(spec.observables.map((o) => [o.name, o]));
  const binomial = spec.observables.some((o) => o.noise === 'binomial');
  if (binomial && !col.has('n_cells')) throw new FitDataError(file, headerLine, 1, 'n_cells', 'missing column n_cells (binomial observables need the cells profiled)');
  const timeColumn = col.has('day') ? 'day' : 'time_h';
  const hoursPer = timeColumn === 'day' ? 24 : 1;

  const observations: Observation[] = [];
  for (let li = headerIndex + 1; li < lines.length; li++) {
    const raw = lines[li];
    if (raw.trim() === '') continue;
    const lineNo = li + 1;
    const cells = splitLine(raw, file, lineNo);
    if (cells.length !== header.length) {
      throw new FitDataError(file, lineNo, cells[Math.min(cells.length, header.length) - 1]?.column ?? 1, '', `${cells.length} fields, but the header has ${header.length}`);
    }
    const cell = (name: string): Cell => cells[col.get(name) as number];
    const fail = (name: string, problem: string): never => {
      throw new FitDataError(file, lineNo, cell(name).column, name, problem);
    };
    const num = (name: string): number => {
      const c = cell(name);
      if (!NUMBER_RE.test(c.text)) fail(name, c.text === '' ? 'missing value' : `not a number: '${c.text}'`);
      const v = Number(c.text);
      if (!Number.isFinite(v)) fail(name, `not a finite number: '${c.text}'`);
      if (v < 0) fail(name, `negative: ${c.text}`);
      return v;
    };
    const timeH = num(timeColumn) * hoursPer;
    if (timeH > horizonH) fail(timeColumn, `${cell(timeColumn).text} is beyond the scenario's horizon (${horizonH / hoursPer}${timeColumn === 'day' ? ' days' : ' h'})`);
    const subject = cell('subject').text;
    if (subject === '') fail('subject', 'missing subject');
    const arm = cell('arm').text;
    if (armNames.length === 0 && arm !== '') fail('arm', `the scenario has no arms, so arm must be empty (found '${arm}')`);
    if (armNames.length > 0 && !armNames.includes(arm)) fail('arm', `${arm === '' ? 'missing arm' : `unknown arm '${arm}'`} (arms: ${armNames.join(', ')})`);
    const name = cell('observable').text;
    const o = byName.get(name);
    if (o === undefined) fail('observable', `unknown observable '${name}' (observables of the fit: block: ${[...byName.keys()].join(', ')})`);
    const observable = o as NonNullable<typeof o>;
    const value = num('value');
    const counted = observable.noise === 'poisson' || observable.noise === 'binomial';
    if (counted && !Number.isInteger(value)) fail('value', `${observable.noise} observable '${name}' needs a whole count, found ${cell('value').text}`);
    let nCells: number | null = null;
    if (observable.noise === 'binomial') {
      if (cell('n_cells').text === '') fail('n_cells', `missing n_cells: binomial observable '${name}' needs the cells profiled`);
      nCells = num('n_cells');
      if (!Number.isInteger(nCells)) fail('n_cells', `not a whole number of cells: ${cell('n_cells').text}`);
      if (value > nCells) fail('value', `a count of ${value} is above n_cells ${nCells}`);
    }
    observations.push({ timeH, subject, arm, observable: name, value, nCells, line: lineNo });
  }
  if (observations.length === 0) throw new FitDataError(file, headerLine, 0, '', 'the data file has a header but no rows');
  return { file, sha256, observations };
}
