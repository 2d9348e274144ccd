// `persim validate`: check a scenario file (and any --set overrides) and print either every
// error with its line, column and field, or a one-line summary; with --format json the same
// as a document (cli/jsonOutput.ts). A scenario with a `sweep:` block has its design checked
// too, as `persim sweep` would expand it: every spec and every point's values.
import type { Command } from 'commander';
import { readSweepBlock } from '../sweep/block.js';
import { planSweep } from '../sweep/plan.js';
import { loadArms } from '../scenario/arms.js';
import { parseScenarioDocument } from '../scenario/load.js';
import { checkFormat, validateJson, withJsonErrors, type ValidateSummary } from './jsonOutput.js';
import { collect, loadFromOptions, type LoadedScenario, type ScenarioOptions } from './scenarioInput.js';

interface ValidateOptions extends ScenarioOptions {
  format: string;
}

function check(file: string, opts: ValidateOptions): { loaded: LoadedScenario; summary: ValidateSummary } {
  const loaded = loadFromOptions(file, opts);
  const parsed = parseScenarioDocument(loaded.text, loaded.source);
  const arms = loadArms(parsed, loaded.identity.overrides);
  const sweep = readSweepBlock(parsed) === null ? null : planSweep(loaded.source, loaded.text, { vary: [], set: opts.set ?? [] });
  return {
    loaded,
    summary: {
      arms: arms.map((a) => a.name),
      sweep: sweep === null ? null : { points: sweep.points.length, dimensions: sweep.dimensions.map((d) => d.path) },
    },
  };
}

function text(file: string, loaded: LoadedScenario, summary: ValidateSummary): string {
  const s = loaded.scenario;
  const doses = s.drugs.reduce((n, d) => n + d.doses.length, 0);
  const { arms, sweep } = summary;
  return (
    `ok: ${file}: "${s.name}", ${s.replicates} replicate${s.replicates === 1 ? '' : 's'}, horizon ${(s.time.horizonH / 24).toFixed(1)} d, ` +
    `${s.population.initial} cells, ${s.drugs.length} drug${s.drugs.length === 1 ? '' : 's'} (${doses} dose${doses === 1 ? '' : 's'}` +
    `${s.drugs.some((d) => d.adaptive !== undefined) ? ', one drug dosed adaptively' : ''})` +
    (arms.length > 0 ? `, ${arms.length} arms (${arms.join('; ')})` : '') +
    (sweep !== null ? `, a sweep of ${sweep.points} point${sweep.points === 1 ? '' : 's'} over ${sweep.dimensions.join(' x ')}` : '') +
    '\n'
  );
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .summary('check a scenario file without running it')
    .description('Check a scenario file against format version 1; print all errors with file:line:column, or a one-line summary.')
    .argument('<scenario.yaml>', "scenario file ('-' reads standard input)")
    .option('--set <path=value>', 'override a scenario field before validating (repeatable)', collect)
    .option('--format <format>', 'stdout: text | json (a document with ok, the summary and every error)', 'text')
    .addHelpText(
      'after',
      '\nExamples:\n  persim validate scenarios/01-biphasic-kill.yaml\n  persim validate my.yaml --set drugs.paclitaxel.potency=0.2/h\n  persim validate my.yaml --format json\n',
    )
    .action((file: string, opts: ValidateOptions) => {
      checkFormat(opts.format);
      const { loaded, summary } = withJsonErrors(opts.format, file, () => check(file, opts));
      process.stdout.write(opts.format === 'json' ? validateJson(loaded.source, loaded.scenario, summary) : text(loaded.source, loaded, summary));
    });
}
