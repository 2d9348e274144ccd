// `persim run`: simulate every replicate of a scenario and write summary.json and
// timeseries.csv into the output directory, with a readable summary on stdout.
import { join } from 'node:path';
import type { Command } from 'commander';
import { simulate } from '../engine/simulate.js';
import { buildSummary, summaryJson } from '../output/summaryJson.js';
import { timeseriesCsv } from '../output/timeseriesCsv.js';
import { writeFilesAtomically } from './atomicWrite.js';
import { UsageError } from './errors.js';
import { startProgress } from './progress.js';
import { collect, loadFromOptions, slug, type ScenarioOptions } from './scenarioInput.js';
import { summaryText } from './summaryText.js';

interface RunOptions extends ScenarioOptions {
  out?: string;
  format: string;
  quiet?: boolean;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .summary('simulate a scenario and write its results')
    .description(
      'Simulate every replicate of a scenario file and write summary.json (relapse timing, nadir, ' +
        'extinction per replicate and across replicates) and timeseries.csv (cell counts and drug ' +
        'concentrations at every record time) into the output directory.',
    )
    .argument('<scenario.yaml>', 'scenario file (see scenarios/ for examples)')
    .option('-o, --out <dir>', 'output directory (default: out/<scenario-name-slug>/)')
    .option('--seed <n>', 'random seed; overrides the scenario seed')
    .option('-r, --replicates <n>', 'number of replicates; overrides the scenario')
    .option('--engine <engine>', 'agent | population | auto; overrides the scenario')
    .option('--set <path=value>', 'override a scenario field, e.g. switch.entry_rate=2e-4/h (repeatable)', collect)
    .option('--format <format>', 'stdout summary: text | json', 'text')
    .option('-q, --quiet', 'print nothing on stdout')
    .addHelpText(
      'after',
      '\nExamples: ' +
        '  persim run scenarios/01-biphasic-kill.yaml ' +
        '  persim run scenarios/02-drug-holiday.yaml --replicates 200 --seed 3 --out out/holiday ' +
        '  persim run scenarios/01-biphasic-kill.yaml --set switch.exit_rate=0.05/d --format json\n',
    )
    .action((file: string, opts: RunOptions) => {
      if (opts.format !== 'text' && opts.format !== 'json') {
        throw new UsageError(`--format must be text or json, found '${opts.format}'`);
      }
      const loaded = loadFromOptions(file, opts);
      const s = loaded.scenario;
      const outDir = opts.out ?? join('out', slug(s.name));
      const progress = startProgress('replicates');
      const sim = simulate(s, { onReplicate: (done, total) => progress.tick(done, total) });
      progress.finish();
      const summary = buildSummary(sim, loaded.identity);
      const written = writeFilesAtomically(outDir, {
        'summary.json': summaryJson(summary),
        'timeseries.csv': timeseriesCsv(sim),
      });
      if (opts.quiet) return;
      if (opts.format === 'json') process.stdout.write(summaryJson(summary));
      else process.stdout.write(summaryText(summary, written));
    });
}
