// The files of a calibration check, each written whole into a folder it owns: refits/<k>.json
// (the journal, one finished refit each, exact numbers; --resume skips them and `persim merge`
// reads them), calibration.csv (one row per refit and parameter), calibration.json (the
// coverage of every parameter, the design and warnings; no wall times, so the same check gives
// the same bytes for any --workers or --shard split once merged).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../io/errors.js';
import { writeFilesAtomically } from '../../io/atomicWrite.js';
import { writeRunFolder } from '../../io/runFolder.js';
import { csvText, type CsvValue } from '../../output/csv.js';
import type { Shard } from '../../sweep/shard.js';
import { roundedJson } from '../outputs.js';
import { calibrationOf, type NamedParameter, type ParameterCalibration } from './coverage.js';
import { inInterval, type RefitRecord } from './refitRecord.js';

export const JOURNAL_DIR = 'refits';
export const CALIBRATION_JSON = 'calibration.json';
/** Below this many refits a coverage interval is too wide to tell much. */
export const FEW_REFITS = 20;

/** What every refit of one check shares; shards of one check share it too. */
export interface CalibrationIdentity {
  readonly persim_version: string;
  readonly scenario_sha256: string;
  readonly data_sha256: string;
  readonly seed: number;
  readonly particles: number;
  readonly refits: number;
  readonly max_simulations: number | null;
  readonly parameters: readonly string[];
}

interface JournalFile {
  readonly identity: CalibrationIdentity;
  readonly record: RefitRecord;
}

export interface CalibrationJson {
  readonly persim_version: string;
  readonly version: 1;
  readonly scenario: { readonly name: string; readonly file: string; readonly sha256: string };
  readonly data: { readonly file: string; readonly sha256: string; readonly observations: number; readonly subjects: number };
  readonly seed: number;
  readonly engine: string;
  readonly algorithm: string;
  readonly particles: number;
  readonly max_simulations: number | null;
  readonly refits: number;
  /** Present on a shard's folder only. */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly refits_done: number;
  readonly parameters: readonly ParameterCalibration[];
  readonly warnings: readonly string[];
}

export type CalibrationDesign = Omit<CalibrationJson, 'shard' | 'refits_done' | 'parameters' | 'warnings'>;

const journalName = (k: number) => `${JOURNAL_DIR}/${k}.json`;
const sameIdentity = (a: CalibrationIdentity, b: CalibrationIdentity) => JSON.stringify(a) === JSON.stringify(b);

export function journalText(identity: CalibrationIdentity, record: RefitRecord): string {
  const file: JournalFile = { identity, record };
  return JSON.stringify(file) + '\n';
}

export function writeRefit(dir: string, identity: CalibrationIdentity, record: RefitRecord): void {
  writeFilesAtomically(dir, { [journalName(record.refit)]: journalText(identity, record) });
}

function journalEntries(dir: string): JournalFile[] {
  const folder = join(dir, JOURNAL_DIR);
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((f) => /^\d+\.json$/.test(f)).map((f) => {
    const path = join(folder, f);
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as JournalFile;
    } catch (err) {
      throw new UsageError(`${path} cannot be read as a calibration refit (${err instanceof Error ? err.message : String(err)}); remove it to rerun that refit`);
    }
  });
}

/**
 * The refits to keep. Without --resume a folder holding an unfinished check is refused (it
 * would be thrown away) and a finished one is started afresh; with --resume, only refits of
 * the same check are accepted.
 */
export function readJournal(dir: string, identity: CalibrationIdentity, resume: boolean): Map<number, RefitRecord> {
  const entries = journalEntries(dir);
  if (!resume) {
    if (entries.length > 0 && !existsSync(join(dir, CALIBRATION_JSON))) {
      throw new UsageError(`${dir} holds an unfinished calibration check (${entries.length} refits done): continue it with --resume, or choose another --out`);
    }
    rmSync(join(dir, JOURNAL_DIR), { recursive: true, force: true });
    return new Map();
  }
  if (entries.length === 0) throw new UsageError(`--resume: ${dir} holds no calibration check to resume (no ${JOURNAL_DIR}/); run without --resume`);
  const other = entries.find((e) => !sameIdentity(e.identity, identity));
  if (other !== undefined) {
    const key = (Object.keys(identity) as (keyof CalibrationIdentity)[]).find((k) => JSON.stringify(identity[k]) !== JSON.stringify(other.identity[k]));
    throw new UsageError(`--resume: the calibration check in ${dir} was made with a different ${String(key).replace(/_/g, ' ')}; run without --resume into another --out`);
  }
  return new Map(entries.map((e) => [e.record.refit, e.record]));
}

export function calibrationCsv(parameters: readonly NamedParameter[], records: readonly RefitRecord[]): string {
  const rows: CsvValue[][] = [['refit', 'parameter', 'unit', 'true', 'q05', 'q25', 'median', 'q75', 'q95', 'rank', 'in50', 'in90']];
  for (const r of records) {
    parameters.forEach((p, j) => {
      rows.push([r.refit, p.path, p.unit, r.truth[j], ...r.quantiles[j], r.rank[j], inInterval(r, j, 50) ? 1 : 0, inInterval(r, j, 90) ? 1 : 0]);
    });
  }
  return csvText(rows);
}

function warningsOf(records: readonly RefitRecord[], particles: number): string[] {
  const out: string[] = [];
  if (records.length < FEW_REFITS) out.push(`only ${records.length} refits: each coverage is known only within its wide 95% interval; use --check-calibration ${Math.max(FEW_REFITS, 50)} or more (shard it on a cluster)`);
  const short = records.filter((r) => !r.reached_posterior).map((r) => r.refit);
  if (short.length > 0) out.push(`${short.length} refits stopped by --max-simulations before the posterior (refits ${short.slice(0, 10).join(', ')}): their intervals are not the posterior's`);
  const degenerate = records.filter((r) => r.distinct < 0.2 * particles).map((r) => r.refit);
  if (degenerate.length > 0) out.push(`${degenerate.length} refits ended with fewer than ${Math.ceil(0.2 * particles)} distinct particles (refits ${degenerate.slice(0, 10).join(', ')}): the simulated likelihood is too noisy there, which narrows the intervals`);
  return out;
}

export function calibrationJson(design: CalibrationDesign, shard: Shard, parameters: readonly NamedParameter[], records: readonly RefitRecord[]): CalibrationJson {
  return {
    ...design,
    ...(shard.count > 1 ? { shard: { index: shard.index, count: shard.count } } : {}),
    refits_done: records.length,
    parameters: calibrationOf(parameters, records),
    warnings: warningsOf(records, design.particles),
  };
}

/** Every file of a finished check (or shard), written whole; returns the paths written. */
export function writeCalibrationOutputs(dir: string, identity: CalibrationIdentity, json: CalibrationJson, parameters: readonly NamedParameter[], records: readonly RefitRecord[]): string[] {
  const files: Record<string, string> = {
    'calibration.csv': calibrationCsv(parameters, records),
    [CALIBRATION_JSON]: roundedJson(json),
  };
  for (const r of records) files[journalName(r.refit)] = journalText(identity, r);
  return writeRunFolder(dir, files);
}

/** The journal of a finished check or shard folder, for `persim merge`. */
export function readFinished(dir: string): { json: CalibrationJson; entries: JournalFile[] } {
  let json: CalibrationJson;
  try {
    json = JSON.parse(readFileSync(join(dir, CALIBRATION_JSON), 'utf8')) as CalibrationJson;
  } catch {
    throw new UsageError(`${dir}: no readable ${CALIBRATION_JSON}, so no finished calibration check there (an interrupted shard finishes with --resume)`);
  }
  return { json, entries: journalEntries(dir) };
}
