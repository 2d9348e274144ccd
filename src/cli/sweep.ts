// `persim sweep`: run a scenario over a design of parameter values (from --vary or the
// file's `sweep:` block) on worker threads, journaling each finished point, and write
// sweep.csv, runs.csv, sweep.json and a chart. Ctrl-C keeps the finished points and says how
// to resume; the exit code is then 130 (143 for SIGTERM, as a cluster's time limit sends).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadArms } from '../scenario/arms.js';
import { loadScenarioFile, parseScenarioDocument } from '../scenario/load.js';
import { ThreadExecutor, defaultWorkerUrl } from '../sweep/executors.js';
import { planSweep, type SweepPlan } from '../sweep/plan.js';
import { SILENT, sweepProgress } from '../sweep/progress.js';
import { runSweep } from '../sweep/runSweep.js';
import { WHOLE, parseShard, type Shard } from '../sweep/shard.js';
import { sweepTable } from '../sweep/table.js';
import { defaultWorkers } from '../io/workers.js';
import { onSignals, positiveInteger, resumeCommand } from './interrupt.js';
import { collect, slug } from './scenarioInput.js';

interface SweepCliOptions {
  vary?: string[];
  sample?: string;
  replicates?: string;
  metric?: string;
  set?: string[];
  seed?: string;
  workers?: string;
  shard?: string;
  resume?: boolean;
  out?: string;
  quiet?: boolean;
}

/** The sweep stopped on a signal; main() exits with its code (the message is already out). */
export class SweepInterrupted extends Error {
  constructor(readonly exitCode: number) {
    super('interrupted');
  }
}

const HELP = `
Specs (after --vary path=, or as values in the scenario's sweep.vary block):
  0,0.5,0.9              a list; values go to --set as written (units allowed: 1d,2d,3w)
  1e-5..1e-2:log:10      10 log-spaced values from 1e-5 to 1e-2
  0..1:lin:11            11 evenly spaced values; lin is the default (0..1:11)
  1d..21d:lin:5          units as in a scenario (durations: min h d w; rates: 0.5/d ...)
Several --vary make a full grid (the first varies slowest); --sample lhs:N draws N points
of a Latin hypercube over the ranges instead (their point counts are then not needed).
Paths are those of --set: switch.entry_rate, drugs.0.potency, drugs.<name>.potency.

Replicate r of every point uses the same random numbers (common random numbers): points
differ by their parameters, not by luck, and results are the same bytes for any --workers
and any --shard split.

Metrics (--metric picks the one the table and the chart show; sweep.csv has all of them):
  median_relapse_h (default), relapse_probability, extinction_probability,
  response_probability, nadir_cells, nadir_h, nadir_persister_fraction, final_cells

Outputs in --out: sweep.csv (one row per point), runs.csv (one row per point and replicate),
sweep.json (design, seeds, version, scenario sha256), sweep.png (a line with its 95% band for
one varied parameter, a heatmap for two), and points/ (the journal used by --resume and merge).
Each point is journaled as soon as it is done. Ctrl-C stops the workers, keeps the finished
points and prints the command that resumes; a directory holding an unfinished sweep is
never discarded without --resume. With --shard, the default --out ends in -shard-<i>-of-<n>;
\`persim merge\` combines the shards into the bytes of the unsharded sweep.

Exit codes: 0 done, 2 bad input (nothing is run or written), 130 stopped by Ctrl-C (143 by
SIGTERM), 1 any other failure.

Examples:
  persim sweep scenarios/15-entry-blockade-sweep.yaml
  persim sweep s.yaml --vary switch.induced_entry_rate=1e-4/h..1e-2/h:log:9 --replicates 50
  persim sweep s.yaml --vary drugs.fosl1i.potency=0,0.5,0.9 --vary drugs.chemo.schedule.0.every=7d,14d
  persim sweep s.yaml --vary switch.exit_rate=1e-3..1e-1:log --vary switch.entry_rate=1e-5..1e-3:log --sample lhs:200
  persim sweep s.yaml --vary switch.exit_rate=0..0.05:lin:11 --shard $SLURM_ARRAY_TASK_ID/8 --out out/s/shard-$SLURM_ARRAY_TASK_ID
  persim sweep s.yaml --vary switch.exit_rate=0..0.05:lin:11 --resume      (after Ctrl-C)
`;

function defaultOut(plan: SweepPlan, shard: Shard): string {
  const base = `${slug(plan.identity.name)}-sweep`;
  return join('out', shard.count === 1 ? base : `${base}-shard-${shard.index}-of-${shard.count}`);
}

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .summary('run a scenario over a grid or Latin hypercube of parameter values')
    .description(
      'Run a scenario at every point of a parameter design, in parallel worker threads, and summarise each ' +
        'point: median relapse time (Kaplan-Meier) and relapse, extinction and response probabilities (Wilson) ' +
        'with 95% intervals, nadir size, time and persister fraction, final size. The design comes from --vary ' +
        'options or from the scenario\'s sweep: block (options override it). Resumable (--resume) and shardable ' +
        'across a cluster (--shard, then persim merge).',
    )
    .argument('<scenario.yaml>', 'scenario file')
    .option('--vary <path=spec>', 'vary a scenario path over a list or a range (repeatable; see Specs below)', collect)
    .option('--sample <plan>', 'grid (every combination, the default) or lhs:N (a Latin hypercube of N points)')
    .option('-r, --replicates <n>', 'replicates per point (default: sweep.replicates, else the scenario replicates)')
    .option('--metric <name>', 'the metric the table and the chart show (default median_relapse_h)')
    .option('--set <path=value>', 'override a scenario field at every point (repeatable)', collect)
    .option('--seed <n>', 'random seed; overrides the scenario seed')
    .option('-w, --workers <n>', `worker threads (default: SLURM_CPUS_PER_TASK, else the number of cores, here ${availableParallelism()})`)
    .option('--shard <i/n>', 'run only shard i of n (points whose index is i modulo n; i counts from 0), e.g. 0/4')
    .option('--resume', 'continue a sweep interrupted in --out: finished points are kept, not run again')
    .option('-o, --out <dir>', 'output directory (default: out/<scenario-name-slug>-sweep/)')
    .option('-q, --quiet', 'no progress and no table; errors only')
    .addHelpText('after', HELP)
    .action(async (file: string, opts: SweepCliOptions) => {
      const workers = opts.workers === undefined ? defaultWorkers() : positiveInteger(opts.workers, '--workers');
      if (opts.replicates !== undefined) positiveInteger(opts.replicates, '--replicates');
      const shard = opts.shard === undefined ? WHOLE : parseShard(opts.shard);
      const { text } = loadScenarioFile(file, opts.set ?? []);
      // A sweep runs the scenario without its arms; they are checked as validate checks them (one rule).
      const arms = loadArms(parseScenarioDocument(text, file), opts.set ?? []);
      const plan = planSweep(file, text, {
        vary: opts.vary ?? [], sample: opts.sample, replicates: opts.replicates, metric: opts.metric, set: opts.set ?? [], seed: opts.seed,
      });
      const outDir = opts.out ?? defaultOut(plan, shard);
      const workerUrl = defaultWorkerUrl();
      const say = (line: string) => {
        if (!opts.quiet) process.stderr.write(`${line}\n`);
      };
      if (arms.length > 0) {
        say(`note: a sweep runs the scenario without its ${arms.length === 1 ? 'arm' : `${arms.length} arms`} (${arms.map((a) => a.name).join('; ')}); to sweep an arm, give its overrides with --set`);
      }
      const controller = new AbortController();
      const received = { code: 130 };
      const release = onSignals(controller, received, 'keeping the finished points');
      const t0 = performance.now();
      let outcome: Awaited<ReturnType<typeof runSweep>>;
      try {
        outcome = await runSweep(plan, {
          outDir, shard, resume: Boolean(opts.resume), workers,
          executors: (n) => Array.from({ length: n }, () => new ThreadExecutor(workerUrl)),
          signal: controller.signal,
          progress: opts.quiet ? SILENT : sweepProgress(),
          note: say,
        });
      } finally {
        release();
      }
      if (outcome.status === 'stopped') {
        process.stderr.write(
          `interrupted: ${outcome.done} of ${outcome.total} points finished, kept in ${join(outDir, 'points')}\n` +
            `resume with: ${resumeCommand()}\n`,
        );
        throw new SweepInterrupted(received.code);
      }
      if (opts.quiet) return;
      const seconds = (performance.now() - t0) / 1000;
      process.stdout.write(sweepTable(plan, shard, outcome, seconds));
    });
}
