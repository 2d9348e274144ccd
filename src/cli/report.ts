// `persim report <out dir>`: rebuild the interactive HTML report of a finished run from its
// output folder (report.html beside the results).
import { join } from 'node:path';
import type { Command } from 'commander';
import { chartJsBrowserSource } from '../report/assets.js';
import { OutputFolderError, readOutputFolder } from '../report/fromOutDir.js';
import { fitReportHtml, isFitFolder } from '../report/fitReport.js';
import { REPORT_FILE, reportHtml } from '../report/html.js';
import { reportInput } from '../report/reportInput.js';
import { addToManifest } from '../io/runFolder.js';
import { UsageError } from '../io/errors.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .summary('write the interactive HTML report of a run')
    .description(
      `Read the output folder of \`persim run\` (or of \`persim fit\`) and write ${REPORT_FILE} into it: one self-contained ` +
        'page (no network needed) with interactive charts, the arms table with hazard ratios, ' +
        'log-rank and paired sign-test p-values, the scenario text, seed, version and what theory expects (persim explain).',
    )
    .argument('<out dir>', 'a folder written by persim run')
    .option('-q, --quiet', 'print nothing on stdout')
    .addHelpText('after', '\nExamples:\n  persim run scenarios/14-trial-in-silico.yaml && persim report out/14-trial-in-silico\n  persim fit scenarios/16-fit-pdx.yaml && persim report out/16-fit-pdx-fit\n')
    .action(async (dir: string, opts: { quiet?: boolean }) => {
      if (isFitFolder(dir)) {
        addToManifest(dir, { [REPORT_FILE]: fitReportHtml(dir) });
        if (!opts.quiet) process.stdout.write(`wrote ${join(dir, REPORT_FILE)}\n`);
        return;
      }
      let folder: ReturnType<typeof readOutputFolder>;
      try {
        folder = readOutputFolder(dir);
      } catch (err) {
        if (err instanceof OutputFolderError) throw new UsageError(err.message);
        throw err;
      }
      const input = await reportInput(folder.identity, folder.scenarioText, folder.hasArms, folder.arms);
      addToManifest(dir, { [REPORT_FILE]: reportHtml(input, chartJsBrowserSource()) });
      if (!opts.quiet) process.stdout.write(`wrote ${join(dir, REPORT_FILE)}\n`);
    });
}
