// `persim run`: simulate every replicate of a scenario and write summary.json and
// timeseries.csv into the output directory, with the charts (unless --no-charts), the
// HTML report (with --report) and a readable summary on stdout. A scenario with `arms:`
// runs every arm with the same seeds and writes one folder per arm plus arms.json and
// arms.csv comparing them.
import { join } from 'node:path';
import type { Command } from 'commander';
import { simulateVariants, type RunVariant } from '../api/simulateArms.js';
import { chooseEngine, engineNotice } from '../engine/simulate.js';
import { barcodesNotice, summaryJson } from '../output/summaryJson.js';
import { chartJsBrowserSource } from '../report/assets.js';
import { compareArms } from '../report/compareArms.js';
import { REPORT_FILE, reportHtml } from '../report/html.js';
import { armsRunFiles, singleRunFiles, type ArmRun, type FileMap } from '../report/outputTree.js';
import { reportInput } from '../report/reportInput.js';
import { loadArms } from '../scenario/arms.js';
import { parseScenarioDocument } from '../scenario/load.js';
import { writeRunFolder } from '../io/runFolder.js';
import { UsageError } from '../io/errors.js';
import { prepareOutDir } from '../io/outDir.js';
import { LOG_LINE_EVERY_MS, SILENT_PROGRESS, startProgress } from '../io/progress.js';
import { collect, loadFromOptions, slug, type ScenarioOptions } from './scenarioInput.js';
import { armsText, summaryText } from './summaryText.js';

interface RunOptions extends ScenarioOptions {
  out?: string;
  format: string;
  quiet?: boolean;
  charts: boolean;
  report?: boolean;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .summary('simulate a scenario and write its results')
    .description(
      'Simulate every replicate of a scenario file and write summary.json (relapse timing, nadir, ' +
        'extinction per replicate and across replicates), timeseries.csv (cell counts and drug ' +
        'concentrations at every record time) and PNG charts into the output directory; with lineage ' +
        'barcodes also clones.csv, with an adaptive drug dosing.csv, with the FOSL1 switch levels.csv. A scenario ' +
        'with arms: runs every arm with the same random numbers, writes one folder per arm and ' +
        'compares the arms in arms.csv and arms.json (hazard ratio, log-rank test).',
    )
    .argument('<scenario.yaml>', "scenario file (see scenarios/ for examples; '-' reads standard input)")
    .option('-o, --out <dir>', 'output directory (default: out/<scenario-name-slug>/)')
    .option('--seed <n>', 'random seed; overrides the scenario seed')
    .option('-r, --replicates <n>', 'number of replicates; overrides the scenario')
    .option('--engine <engine>', 'agent | population | auto; overrides the scenario')
    .option('--set <path=value>', 'override a scenario field, e.g. switch.entry_rate=2e-4/h (repeatable; applies to every arm)', collect)
    .option('--format <format>', 'stdout summary: text | json', 'text')
    .option('--no-charts', 'do not draw the PNG charts')
    .option('--report', `also write ${REPORT_FILE}, the interactive report (see persim report)`)
    .option('-q, --quiet', 'print nothing on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  persim run scenarios/01-biphasic-kill.yaml\n' +
        '  persim run scenarios/02-drug-holiday.yaml --replicates 200 --seed 3 --out out/holiday\n' +
        '  persim run scenarios/01-biphasic-kill.yaml --set switch.exit_rate=0.05/d --format json\n' +
        '  persim run scenarios/14-trial-in-silico.yaml --report\n',
    )
    .action(async (file: string, opts: RunOptions) => {
      if (opts.format !== 'text' && opts.format !== 'json') {
        throw new UsageError(`--format must be text or json, found '${opts.format}'`);
      }
      const loaded = loadFromOptions(file, opts);
      const arms = loadArms(parseScenarioDocument(loaded.text, loaded.source), loaded.identity.overrides);
      const s = loaded.scenario;
      const outDir = opts.out ?? join('out', slug(s.name));
      prepareOutDir(outDir);
      const variants: RunVariant[] = arms.length > 0 ? arms : [{ name: s.name, slug: null, sets: [], scenario: s }];

      // On a terminal a bar; in a log a line every 10 s (nothing with --quiet).
      const progress = opts.quiet ? SILENT_PROGRESS : startProgress(arms.length > 0 ? 'arms x replicates' : 'replicates', { plainEveryMs: LOG_LINE_EVERY_MS, unit: 'replicates' });
      const noticed = new Set<string>();
      const notice = (line: string | null) => {
        if (opts.quiet || line === null || noticed.has(line)) return;
        noticed.add(line);
        process.stderr.write(`${line}\n`);
      };
      for (const v of variants) notice(engineNotice(v.scenario, chooseEngine(v.scenario)));
      // The library's runScenario simulates with the same function (src/api/simulateArms.ts).
      const runs: ArmRun[] = await simulateVariants(variants, loaded.identity, { onProgress: (done, total) => progress.tick(done, total) });
      progress.finish();
      for (const r of runs) notice(barcodesNotice(r.sim));

      const results = runs.map((r) => r.result);
      const rows = compareArms(results);
      let files: FileMap;
      let stdout: (written: string[]) => string;
      if (arms.length > 0) {
        const built = await armsRunFiles(runs, rows, loaded.identity, loaded.text, opts.charts);
        files = built.files;
        stdout = (written) => (opts.format === 'json' ? JSON.stringify(built.doc, null, 2) + '\n' : armsText(built.doc, outDir, written, results));
      } else {
        files = await singleRunFiles(runs[0], rows, loaded.text, opts.charts);
        const summary = runs[0].result.summary;
        stdout = (written) => (opts.format === 'json' ? summaryJson(summary) : summaryText(summary, written));
      }
      if (opts.report) {
        const input = await reportInput(loaded.identity, loaded.text, arms.length > 0, results);
        files[REPORT_FILE] = reportHtml(input, chartJsBrowserSource());
      }
      // A run owns its folder: files of an earlier run that this one did not write are removed (io/runFolder.ts).
      const written = writeRunFolder(outDir, files);
      if (!opts.quiet) process.stdout.write(stdout(written));
    });
}
