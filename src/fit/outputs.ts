// The files of a fit, each written whole into a folder the fit owns (io/runFolder.ts):
// posterior.csv, posterior_summary.csv, predict.csv, fit.json, the PNGs, and fit-state.json,
// the sampler's state after its last finished generation, from which --resume continues.
// fit-state.json holds exact numbers (JSON round-trips doubles); the other files hold 6
// significant digits, so a fit gives the same bytes on any machine and for any --workers
// (fit.json's `seconds` aside, which are wall time).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../io/errors.js';
import { writeFilesAtomically } from '../io/atomicWrite.js';
import { writeRunFolder } from '../io/runFolder.js';
import { csvText, type CsvValue } from '../output/csv.js';
import { round6 } from '../output/numbers.js';
import type { SmcState } from './smc.js';
import type { FitResult } from './types.js';

export const STATE_FILE = 'fit-state.json';

/** What a resumed fit must share with the one that wrote the state. */
export interface FitIdentity {
  readonly scenario_sha256: string;
  readonly data_sha256: string;
  readonly seed: number;
  readonly particles: number;
  readonly parameters: readonly string[];
}

interface StateFile {
  readonly identity: FitIdentity;
  readonly finished: boolean;
  readonly state: SmcState;
}

export function posteriorCsv(r: FitResult): string {
  const { parameters, values, weights } = r.posterior;
  const rows: CsvValue[][] = [['particle', 'weight', ...parameters.map((p) => p.path)]];
  values.forEach((v, i) => rows.push([i + 1, weights[i], ...v]));
  return csvText(rows);
}

export function posteriorSummaryCsv(r: FitResult): string {
  const rows: CsvValue[][] = [['parameter', 'unit', 'prior', 'mean', 'median', 'q05', 'q95', 'contraction']];
  for (const s of r.summary) rows.push([s.parameter, s.unit, s.prior, s.mean, s.median, s.q05, s.q95, s.contraction]);
  return csvText(rows);
}

export function predictCsv(r: FitResult): string {
  const rows: CsvValue[][] = [[
    'arm', 'relapse_probability', 'relapse_median_h', 'relapse_q05_h', 'relapse_q95_h', 'extinction_probability', 'nadir_median_cells', 'no_response_probability',
  ]];
  for (const p of r.predictions) {
    rows.push([p.arm, p.relapse_probability, p.relapse_median_h, p.relapse_q05_h, p.relapse_q95_h, p.extinction_probability, p.nadir_median_cells, p.no_response_probability]);
  }
  return csvText(rows);
}

/** JSON with every non-integer number at 6 significant digits. */
export function roundedJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && Number.isFinite(v) ? round6(v) : v), 2) + '\n';
}

function stateJson(identity: FitIdentity, state: SmcState, finished: boolean): string {
  const file: StateFile = { identity, finished, state };
  return JSON.stringify(file) + '\n';
}

/** After each generation: the state, so that --resume continues from it. */
export function writeFitState(dir: string, identity: FitIdentity, state: SmcState): void {
  writeFilesAtomically(dir, { [STATE_FILE]: stateJson(identity, state, false) });
}

/**
 * The state to resume from, when asked; refuses a folder holding an unfinished fit without
 * --resume (it would be thrown away) and a state written by another fit.
 */
export function readFitState(dir: string, identity: FitIdentity, resume: boolean): SmcState | undefined {
  const path = join(dir, STATE_FILE);
  if (!existsSync(path)) {
    if (resume) throw new UsageError(`--resume: ${dir} holds no fit to resume (no ${STATE_FILE}); run without --resume`);
    return undefined;
  }
  let file: StateFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as StateFile;
  } catch (err) {
    throw new UsageError(`${path} cannot be read as a fit's state (${err instanceof Error ? err.message : String(err)}); remove it to start afresh`);
  }
  if (!resume) {
    if (file.finished) return undefined;
    throw new UsageError(`${dir} holds an unfinished fit (generation ${file.state.generation}, temperature ${file.state.temperature.toPrecision(3)}): continue it with --resume, or choose another --out`);
  }
  const mismatch = (Object.keys(identity) as (keyof FitIdentity)[]).find((k) => JSON.stringify(identity[k]) !== JSON.stringify(file.identity[k]));
  if (mismatch !== undefined) {
    throw new UsageError(`--resume: the fit in ${dir} was made with a different ${mismatch.replace('_', ' ')}; run without --resume into another --out`);
  }
  return file.state;
}

export type Charts = (r: FitResult) => Record<string, Uint8Array>;

/** Every file of a finished fit, written whole; returns the paths written. */
export function writeFitOutputs(dir: string, r: FitResult, identity: FitIdentity, state: SmcState, charts: Charts | null): string[] {
  return writeRunFolder(dir, {
    'posterior.csv': posteriorCsv(r),
    'posterior_summary.csv': posteriorSummaryCsv(r),
    'predict.csv': predictCsv(r),
    'fit.json': roundedJson(r.json),
    [STATE_FILE]: stateJson(identity, state, true),
    ...(charts === null ? {} : charts(r)),
  });
}
