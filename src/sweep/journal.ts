// The journal of a sweep in <out>/points/: design.json (the sweep.json of the run that
// started it) and one small file per finished point, each written whole (a temporary file,
// then a rename), so an interrupted or crashed sweep never leaves a partial point behind.
// `--resume` reads it to skip finished points; `persim merge` reads the journals of shards.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomically } from '../io/atomicWrite.js';
import type { RunRecord } from './runRecord.js';
import { sweepJsonText, type SweepJson } from './sweepJson.js';

export interface PointRecord {
  readonly point: number;
  readonly set: readonly string[];
  /** Replicates without relapse are censored here. */
  readonly horizon_h: number;
  /** Sorted by replicate. */
  readonly runs: readonly RunRecord[];
}

export const JOURNAL_DIR = 'points';
const DESIGN_FILE = 'design.json';
const POINT_FILE = /^point-(\d+)\.json$/;

export const pointFileName = (point: number) => `point-${String(point).padStart(6, '0')}.json`;

export function pointRecordText(r: PointRecord): string {
  return JSON.stringify(r) + '\n';
}

export class Journal {
  readonly dir: string;

  constructor(outDir: string) {
    this.dir = join(outDir, JOURNAL_DIR);
  }

  exists(): boolean {
    return existsSync(join(this.dir, DESIGN_FILE));
  }

  /** The design the journal was started with; null when there is none or it cannot be read. */
  design(): SweepJson | null {
    try {
      return JSON.parse(readFileSync(join(this.dir, DESIGN_FILE), 'utf8')) as SweepJson;
    } catch {
      return null;
    }
  }

  /** Empties the journal (only its own files) and records the design of a new sweep. */
  start(design: SweepJson): void {
    this.clear();
    writeFilesAtomically(this.dir, { [DESIGN_FILE]: sweepJsonText(design) });
  }

  clear(): void {
    if (!existsSync(this.dir)) return;
    for (const f of readdirSync(this.dir)) {
      if (f === DESIGN_FILE || POINT_FILE.test(f) || f.endsWith('.tmp')) rmSync(join(this.dir, f), { force: true });
    }
  }

  write(record: PointRecord): void {
    writeFilesAtomically(this.dir, { [pointFileName(record.point)]: pointRecordText(record) });
  }

  /**
   * The finished points, by index. A file that cannot be read as a whole point (a disk that
   * failed mid-write) is skipped, and with `repair` removed (with any temporary file left by a
   * crash), so that its point runs again.
   */
  finished(repair = true): Map<number, PointRecord> {
    const out = new Map<number, PointRecord>();
    if (!existsSync(this.dir)) return out;
    for (const f of readdirSync(this.dir).sort()) {
      if (repair && f.endsWith('.tmp')) rmSync(join(this.dir, f), { force: true });
      const m = POINT_FILE.exec(f);
      if (!m) continue;
      const record = readRecord(join(this.dir, f));
      if (record !== null && record.point === Number(m[1])) out.set(record.point, record);
      else if (repair) rmSync(join(this.dir, f), { force: true });
    }
    return out;
  }
}

function readRecord(path: string): PointRecord | null {
  try {
    const r = JSON.parse(readFileSync(path, 'utf8')) as PointRecord;
    return Number.isInteger(r.point) && Array.isArray(r.runs) && Array.isArray(r.set) && typeof r.horizon_h === 'number' ? r : null;
  } catch {
    return null;
  }
}
