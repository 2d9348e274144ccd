// `persim explore [scenario.yaml]`: write the teaching explorer, one self-contained HTML file
// that runs the engine in the browser (no install, no network), with every lesson of
// scenarios/ as a preset and the given scenario, if any, opened first.
import { join } from 'node:path';
import type { Command } from 'commander';
import { chartJsBrowserSource } from '../report/assets.js';
import { loadScenarioFile } from '../scenario/load.js';
import { explorerBundle, lessonsDir } from '../explore/assets.js';
import { collectLessons } from '../explore/collectLessons.js';
import { EXPLORER_FILE, explorerHtml } from '../explore/html.js';
import { PERSIM_VERSION } from '../model/version.js';
import { writeFilesAtomically } from '../io/atomicWrite.js';
import { UsageError } from '../io/errors.js';
import { prepareOutDir } from '../io/outDir.js';

export const DEFAULT_EXPLORER_DIR = join('out', 'explorer');

export function registerExplore(program: Command): void {
  program
    .command('explore')
    .summary('write the teaching explorer: persistence, live in a browser')
    .description(
      `Write ${EXPLORER_FILE}, one self-contained page that works offline from the disk: a dish of cells ` +
        'dividing, dying and switching into persistence under a drug (the same engine as persim run, in the ' +
        'browser), controls for the switch, the drug and its schedule, an entry inhibitor and a persister ' +
        'killer, live charts (burden, persister fraction, relapse-free survival over a batch of replicates), ' +
        'the numbered lessons as guided presets, and a glossary. Open the file in a web browser.',
    )
    .argument('[scenario.yaml]', 'a scenario to open first (the lessons of scenarios/ are always included)')
    .option('--out <dir>', `output folder (default ${DEFAULT_EXPLORER_DIR})`)
    .option('-q, --quiet', 'print nothing on stdout')
    .addHelpText('after', '\nExamples:\n  persim explore                                   then open out/explorer/index.html\n  persim explore my-scenario.yaml --out out/mine\n')
    .action((file: string | undefined, opts: { out?: string; quiet?: boolean }) => {
      const dir = opts.out ?? DEFAULT_EXPLORER_DIR;
      prepareOutDir(dir);
      const own = file === undefined ? null : { path: file, text: loadScenarioFile(file).text };
      const set = collectLessons(lessonsDir(), own);
      if (set.lessons.length === 0) throw new UsageError('no lesson could be loaded from scenarios/');
      for (const w of set.warnings) process.stderr.write(`persim: ${w}\n`);
      const html = explorerHtml({ lessons: set.lessons, initial: set.initial, version: PERSIM_VERSION }, explorerBundle(), chartJsBrowserSource());
      writeFilesAtomically(dir, { [EXPLORER_FILE]: html });
      if (!opts.quiet) process.stdout.write(`${join(dir, EXPLORER_FILE)}\n`);
    });
}
