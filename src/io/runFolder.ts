// A run owns its output folder. Beside its files it writes `manifest.json`, the list of every
// file it wrote (paths relative to the folder, sorted; no time stamp, so the same run gives the
// same bytes); the next run into the same folder removes the files of that list it does not
// write again (the arm folders, arms.json, clones.csv of an earlier scenario), then the folders
// the removal left empty. Only listed files are removed: a file of the user's, or of a persim
// older than the manifest, is never touched. New files are in place (written whole, then
// renamed) before any stale one goes, so a crash in between leaves a superset, never a gap.
// `persim report` adds report.html to the list (addToManifest).
import { existsSync, readFileSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { PERSIM_VERSION } from '../model/version.js';
import { writeFilesAtomically } from './atomicWrite.js';

export const MANIFEST_FILE = 'manifest.json';

interface Manifest {
  persim_version: string;
  files: string[];
}

/** A listed path that stays inside the folder ("a/b.csv"), else null. */
function inside(path: unknown): string | null {
  if (typeof path !== 'string' || path === '' || isAbsolute(path)) return null;
  const n = normalize(path);
  if (n === MANIFEST_FILE || n.startsWith('..') || n.split(sep).includes('..')) return null;
  return n;
}

/** The files the previous run listed; none when there is no manifest or it is not one of persim's. */
export function previousFiles(dir: string): string[] {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return [];
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>;
    return Array.isArray(m.files) ? m.files.flatMap((f) => inside(f) ?? []) : [];
  } catch {
    return [];
  }
}

function manifestJson(files: readonly string[]): string {
  const m: Manifest = { persim_version: PERSIM_VERSION, files: [...new Set(files)].sort() };
  return JSON.stringify(m, null, 2) + '\n';
}

/** Removes the empty folders between `file`'s folder and `dir` (not `dir` itself). */
function pruneEmpty(dir: string, file: string): void {
  for (let d = dirname(file); d !== '.' && d !== ''; d = dirname(d)) {
    const full = join(dir, d);
    try {
      if (readdirSync(full).length > 0) return;
      rmdirSync(full);
    } catch {
      return;
    }
  }
}

/** Writes a run's files and its manifest, then removes the previous run's files it did not rewrite; returns the paths written. */
export function writeRunFolder(dir: string, files: Record<string, string | Uint8Array>): string[] {
  const previous = previousFiles(dir);
  const names = Object.keys(files).map((f) => normalize(f));
  const written = writeFilesAtomically(dir, { ...files, [MANIFEST_FILE]: manifestJson(names) });
  const keep = new Set(names);
  for (const f of previous) {
    if (keep.has(f)) continue;
    rmSync(join(dir, f), { force: true });
    pruneEmpty(dir, f);
  }
  return written;
}

/** Writes `files` into a run's folder and adds them to its manifest (persim report's report.html). */
export function addToManifest(dir: string, files: Record<string, string | Uint8Array>): string[] {
  const listed = previousFiles(dir);
  const extra: Record<string, string> = existsSync(join(dir, MANIFEST_FILE)) ? { [MANIFEST_FILE]: manifestJson([...listed, ...Object.keys(files).map((f) => normalize(f))]) } : {};
  return writeFilesAtomically(dir, { ...files, ...extra });
}
