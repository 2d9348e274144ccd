// Runs a planned sweep (or one shard of it) into an output directory: checks what the
// directory already holds (a finished point is never run twice with --resume, an unfinished
// sweep is never silently discarded), runs the missing points on the executors while
// journaling each finished point, and, once every point of the shard is done, writes the
// outputs from the journal.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomically } from '../io/atomicWrite.js';
import { prepareOutDir } from '../io/outDir.js';
import { SweepInputError } from './errors.js';
import { TaskError, type Executor } from './executors.js';
import { Journal, JOURNAL_DIR, type PointRecord } from './journal.js';
import { OUTPUT_FILES, sweepOutputs, type SweepResults } from './outputs.js';
import type { SweepPlan } from './plan.js';
import { runPoints } from './pool.js';
import { SILENT, type SweepProgress } from './progress.js';
import { inShard, shardText, type Shard } from './shard.js';
import { buildSweepJson, describeDifference, sweepKey, type SweepJson } from './sweepJson.js';

export interface RunSweepOptions {
  readonly outDir: string;
  readonly shard: Shard;
  readonly resume: boolean;
  /** Makes the executors for `n` parallel lanes of work (worker threads in the CLI). */
  readonly executors: (n: number) => Executor[];
  readonly workers: number;
  readonly signal?: AbortSignal;
  readonly progress?: SweepProgress;
  /** Notes for the user (stderr). */
  readonly note?: (line: string) => void;
}

export type SweepOutcome =
  | { readonly status: 'done'; readonly results: SweepResults; readonly written: string[]; readonly points: number; readonly resumed: number }
  | { readonly status: 'stopped'; readonly done: number; readonly total: number };

const shardOf = (j: SweepJson): Shard => j.shard ?? { index: 0, count: 1 };
const sameShard = (a: SweepJson, b: SweepJson) => shardText(shardOf(a)) === shardText(shardOf(b));

/** Finished points of the journal that belong to `design` (its shard, with the same overrides). */
function finishedOf(journal: Journal, design: SweepJson): Map<number, PointRecord> {
  const shard = shardOf(design);
  const sets = new Map(design.points.map((p) => [p.point, p.set.join('\n')]));
  const out = new Map<number, PointRecord>();
  for (const [i, r] of journal.finished()) if (inShard(i, shard) && sets.get(i) === r.set.join('\n')) out.set(i, r);
  return out;
}

function shardSize(design: SweepJson): number {
  return design.points.filter((p) => inShard(p.point, shardOf(design))).length;
}

/** Decides what to keep of the directory's journal; returns the finished points kept. */
function openJournal(journal: Journal, design: SweepJson, outDir: string, resume: boolean): Map<number, PointRecord> {
  const previous = journal.exists() ? journal.design() : null;
  if (previous !== null) {
    const same = sweepKey(previous) === sweepKey(design) && sameShard(previous, design);
    const finished = finishedOf(journal, previous);
    const where = join(outDir, JOURNAL_DIR);
    if (resume && !same) {
      const as = (j: SweepJson) => (shardOf(j).count === 1 ? 'the whole sweep' : `shard ${shardText(shardOf(j))}`);
      const why = sameShard(previous, design) ? describeDifference(previous, design) : `it was started as ${as(previous)}, this is ${as(design)}`;
      throw new SweepInputError(`cannot resume: ${outDir} holds a different sweep (${why}); choose another --out, or remove ${where} to start again`);
    }
    if (resume) return finished;
    if (finished.size > 0 && finished.size >= shardSize(previous)) {
      // A finished sweep is not discarded silently (issue 14 item 9): say what is there and what to do.
      throw new SweepInputError(
        `${outDir} holds a finished run of ${same ? 'this sweep' : 'a different sweep'} (${finished.size} points)` +
          (same
            ? `; add --resume to write its outputs again without running anything, or choose another --out (or remove ${where}) to run it again`
            : `; choose another --out, or remove ${where} to replace it`),
      );
    }
    if (finished.size > 0 && finished.size < shardSize(previous)) {
      const what = same ? 'this sweep' : 'a different sweep';
      throw new SweepInputError(
        `${outDir} holds an unfinished run of ${what} (${finished.size} of ${shardSize(previous)} points done)` +
          (same ? `; add --resume to continue it, or remove ${where} to start again` : `; choose another --out, or remove ${where} to discard it`),
      );
    }
  }
  for (const f of OUTPUT_FILES) rmSync(join(outDir, f), { force: true });
  journal.start(design);
  return new Map();
}

export async function runSweep(plan: SweepPlan, opts: RunSweepOptions): Promise<SweepOutcome> {
  const design = buildSweepJson(plan, opts.shard);
  prepareOutDir(opts.outDir);
  const journal = new Journal(opts.outDir);
  const records = openJournal(journal, design, opts.outDir, opts.resume);
  const mine = plan.points.filter((p) => inShard(p.index, opts.shard));
  const todo = mine.filter((p) => !records.has(p.index));
  const resumed = records.size;
  const shard = opts.shard.count > 1 ? ` (shard ${shardText(opts.shard)} of ${plan.points.length})` : '';
  const s = (n: number) => (n === 1 ? '' : 's');
  opts.note?.(`sweep: ${mine.length} point${s(mine.length)}${shard} x ${plan.replicates} replicate${s(plan.replicates)}, ${opts.workers} worker${s(opts.workers)}, into ${opts.outDir}`);
  if (resumed > 0) opts.note?.(`resuming: ${resumed} of ${mine.length} points already done`);

  if (todo.length > 0) {
    const progress = opts.progress ?? SILENT;
    const R = plan.replicates;
    const lanes = Math.max(1, Math.min(opts.workers, todo.length * R));
    progress.start(mine.length * R, resumed * R, mine.length, resumed);
    let status: 'done' | 'stopped';
    try {
      status = await runPoints(todo.map((p) => ({ index: p.index, scenario: plan.scenarios[p.index] })), R, {
        executors: opts.executors(lanes),
        signal: opts.signal,
        onTask: (done) => progress.update(resumed * R + done, records.size),
        onPointDone: (point, runs) => {
          const record: PointRecord = { point, set: plan.points[point].sets, horizon_h: plan.scenarios[point].time.horizonH, runs };
          journal.write(record);
          records.set(point, record);
        },
      });
    } catch (err) {
      if (err instanceof TaskError) {
        const p = plan.points[err.task.point];
        throw new Error(`point ${p.index} (${p.sets.join(', ')}), replicate ${err.task.replicate}: ${err.message}`);
      }
      throw err;
    } finally {
      progress.stop();
    }
    if (status === 'stopped') return { status, done: records.size, total: mine.length };
  }

  const results = await sweepOutputs(design, mine.map((p) => records.get(p.index) as PointRecord));
  const written = writeFilesAtomically(opts.outDir, results.files);
  return { status: 'done', results, written, points: mine.length, resumed };
}
