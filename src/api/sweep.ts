// runSweep (Node only): `persim sweep` from code. The same plan (planSweep: --vary, --sample,
// --replicates, --metric, --set, --seed), the same worker threads, journal and outputs
// (sweep.csv, runs.csv, sweep.json, sweep.png written into `out`, resumable), and each
// point's summary returned.
import { availableParallelism } from 'node:os';
import { InlineExecutor, ThreadExecutor, defaultWorkerUrl, type Executor } from '../sweep/executors.js';
import type { PointSummary } from '../sweep/metrics.js';
import { planSweep, type SweepPlan } from '../sweep/plan.js';
import { runSweep as runPlannedSweep } from '../sweep/runSweep.js';
import { WHOLE, type Shard } from '../sweep/shard.js';
import type { SweepProgress } from '../sweep/progress.js';
import type { LoadedScenario } from './load.js';

export interface SweepOptions {
  /** Output folder (the journal lives there, so a sweep can resume). */
  readonly out: string;
  /** `path=spec` as `persim sweep --vary` (default: the scenario's `sweep:` block). */
  readonly vary?: readonly string[];
  /** 'grid' (default) or 'lhs:N'. */
  readonly sample?: string;
  readonly replicates?: number;
  readonly metric?: string;
  readonly seed?: number;
  /** Worker threads (default: the number of cores); 0 runs on the calling thread. */
  readonly workers?: number;
  readonly resume?: boolean;
  readonly shard?: Shard;
  readonly signal?: AbortSignal;
  /** After each replicate: runs (points x replicates) done and in total. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
}

export type SweepResult =
  | {
      readonly status: 'done';
      readonly plan: SweepPlan;
      /** One per point of the shard, in point order (what sweep.csv holds). */
      readonly summaries: readonly PointSummary[];
      /** The files written into `out`. */
      readonly written: readonly string[];
    }
  | { readonly status: 'stopped'; readonly plan: SweepPlan; readonly done: number; readonly total: number };

function progressOf(onProgress: SweepOptions['onProgress']): SweepProgress | undefined {
  if (onProgress === undefined) return undefined;
  let total = 0;
  return {
    start: (tasks) => void (total = tasks),
    update: (done) => onProgress({ done, total }),
    stop: () => {},
  };
}

export async function runSweep(loaded: LoadedScenario, opts: SweepOptions): Promise<SweepResult> {
  const plan = planSweep(loaded.file, loaded.text, {
    vary: opts.vary ?? [],
    sample: opts.sample,
    replicates: opts.replicates === undefined ? undefined : String(opts.replicates),
    metric: opts.metric,
    set: loaded.set,
    seed: opts.seed === undefined ? undefined : String(opts.seed),
  });
  const workers = opts.workers ?? availableParallelism();
  const executors = (n: number): Executor[] => {
    if (workers === 0) return [new InlineExecutor()];
    const url = defaultWorkerUrl();
    return Array.from({ length: n }, () => new ThreadExecutor(url));
  };
  const outcome = await runPlannedSweep(plan, {
    outDir: opts.out,
    shard: opts.shard ?? WHOLE,
    resume: opts.resume ?? false,
    executors,
    workers: Math.max(1, workers),
    signal: opts.signal,
    progress: progressOf(opts.onProgress),
  });
  if (outcome.status === 'stopped') return { status: 'stopped', plan, done: outcome.done, total: outcome.total };
  return { status: 'done', plan, summaries: outcome.results.summaries, written: outcome.written };
}
