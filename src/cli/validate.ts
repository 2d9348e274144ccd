// `persim validate`: check a scenario file (and any --set overrides) and print either every
// error with its line, column and field, or a one-line summary.
import type { Command } from 'commander';
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
      const arms = loadArms(parseScenarioDocument(text, file), identity.overrides);
      const doses = s.drugs.reduce((n, d) => n + d.doses.length, 0);
      process.stdout.write(
        `ok: ${file}: "${s.name}", ${s.replicates} replicate${s.replicates === 1 ? '' : 's'}, horizon ${(s.time.horizonH / 24).toFixed(1)} d, ` +
          `${s.population.initial} cells, ${s.drugs.length} drug${s.drugs.length === 1 ? '' : 's'} (${doses} dose${doses === 1 ? '' : 's'}` +
          `${s.drugs.some((d) => d.adaptive !== undefined) ? ', one drug dosed adaptively' : ''})` +
          (arms.length > 0 ? `, ${arms.length} arms (${arms.map((a) => a.name).join('; ')})` : '') +
          '\n',
      );
    });
}
