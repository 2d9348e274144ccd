// `persim validate`: check a scenario file (and any --set overrides) and print either every
// error with its line, column and field, or a one-line summary. A scenario with a `sweep:`
// block has its design checked too, as `persim sweep` would expand it: every spec and every
// point's values.
import type { Command } from 'commander';
import { readSweepBlock } from '../sweep/block.js';
import { planSweep } from '../sweep/plan.js';
import { loadArms } from '../scenario/arms.js';
import { parseScenarioDocument } from '../scenario/load.js';
import { collect, loadFromOptions, type ScenarioOptions } from './scenarioInput.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .summary('check a scenario file without running it')
    .description('Check a scenario file against format version 1; print all errors with file:line:column, or a one-line summary.')
    .argument('<scenario.yaml>', 'scenario file')
    .option('--set <path=value>', 'override a scenario field before validating (repeatable)', collect)
    .addHelpText('after', '\nExamples:\n  persim validate scenarios/01-biphasic-kill.yaml\n  persim validate my.yaml --set drugs.paclitaxel.potency=0.2/h\n')
    .action((file: string, opts: ScenarioOptions) => {
      const { scenario: s, text, identity } = loadFromOptions(file, opts);
      const parsed = parseScenarioDocument(text, file);
      const arms = loadArms(parsed, identity.overrides);
      const sweep = readSweepBlock(parsed) === null ? null : planSweep(file, text, { vary: [], set: opts.set ?? [] });
      const doses = s.drugs.reduce((n, d) => n + d.doses.length, 0);
      process.stdout.write(
        `ok: ${file}: "${s.name}", ${s.replicates} replicate${s.replicates === 1 ? '' : 's'}, horizon ${(s.time.horizonH / 24).toFixed(1)} d, ` +
          `${s.population.initial} cells, ${s.drugs.length} drug${s.drugs.length === 1 ? '' : 's'} (${doses} dose${doses === 1 ? '' : 's'}` +
          `${s.drugs.some((d) => d.adaptive !== undefined) ? ', one drug dosed adaptively' : ''})` +
          (arms.length > 0 ? `, ${arms.length} arms (${arms.map((a) => a.name).join('; ')})` : '') +
          (sweep !== null ? `, a sweep of ${sweep.points.length} point${sweep.points.length === 1 ? '' : 's'} over ${sweep.dimensions.map((d) => d.path).join(' x ')}` : '') +
          '\n',
      );
    });
}
