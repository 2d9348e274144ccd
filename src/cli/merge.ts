// `persim merge`: combine the output directories of the shards of one sweep into the
// directory (and the bytes) the unsharded sweep would have written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { mergeCalibration } from '../fit/calibration/merge.js';
import { CALIBRATION_JSON } from '../fit/calibration/outputs.js';
import { mergeShards } from '../sweep/merge.js';
import { METRIC_INFO, SWEEP_METRICS, type SweepMetric } from '../sweep/metrics.js';
import { UsageError } from '../io/errors.js';

interface MergeCliOptions {
  out: string;
  metric?: string;
  quiet?: boolean;
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .summary('combine the shards of a sweep (or of a calibration check) into one result')
    .description(
      'Combine the output directories of `persim sweep --shard i/n` runs into one directory holding exactly ' +
        'the files the unsharded sweep would have written (sweep.csv, runs.csv, sweep.json, sweep.png, points/). ' +
        'Refuses shards of different persim versions, scenario files (sha256), overrides, seeds, replicates or ' +
        'designs, and reports the points no shard covers. Shards of `persim fit --check-calibration K --shard i/n` ' +
        'merge the same way into the folder the unsharded check would have written.',
    )
    .argument('<dirs...>', 'the shards\' output directories (any order)')
    .requiredOption('-o, --out <dir>', 'output directory for the merged sweep (not one of the shards)')
    .option('--metric <name>', `the metric the chart shows (default: the shards'); one of ${SWEEP_METRICS.join(', ')}`)
    .option('-q, --quiet', 'print nothing on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  persim merge out/s/shard-0 out/s/shard-1 out/s/shard-2 --out out/s/merged\n' +
        '  persim merge out/s/shard-* --out out/s/merged --metric relapse_probability\n' +
        '  persim merge out/cal/shard-* --out out/cal/merged        (calibration shards)\n',
    )
    .action(async (dirs: string[], opts: MergeCliOptions) => {
      if (opts.metric !== undefined && !(SWEEP_METRICS as readonly string[]).includes(opts.metric)) {
        throw new UsageError(`--metric: unknown metric '${opts.metric}' (metrics: ${SWEEP_METRICS.join(', ')})`);
      }
      if (dirs.length > 0 && existsSync(join(dirs[0], CALIBRATION_JSON))) {
        if (opts.metric !== undefined) throw new UsageError('--metric applies to sweeps, not to calibration checks');
        const { json, written } = mergeCalibration(dirs, opts.out);
        if (!opts.quiet) process.stdout.write([`${json.scenario.name}: merged ${dirs.length} calibration shards, ${json.refits_done} refits`, ...written.map((f) => `  wrote ${f}`)].join('\n') + '\n');
        return;
      }
      const { design, written, results } = await mergeShards(dirs, opts.out, opts.metric as SweepMetric | undefined);
      if (opts.quiet) return;
      const lines = [
        `${design.scenario.name}: merged ${dirs.length} director${dirs.length === 1 ? 'y' : 'ies'}, ${design.points.length} points x ${design.replicates} replicates (${METRIC_INFO[design.metric].label} in the chart)`,
        ...(results.noChart ? [`  ${results.noChart}`] : []),
        ...written.map((f) => `  wrote ${f}`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
    });
}
