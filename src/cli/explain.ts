// `persim explain`: what the scenario does and what theory expects of it, in plain words
// (rate matrices, kill-curve slopes, stationary persister fraction, expected burden per
// schedule phase, long-run growth under a periodic schedule); with --format json the same
// text in sections plus the two-state theory's numbers (the library's explain()).
import type { Command } from 'commander';
import { checkFormat, explainJson, withJsonErrors } from './jsonOutput.js';
import { collect, loadFromOptions, type ScenarioOptions } from './scenarioInput.js';

interface ExplainOptions extends ScenarioOptions {
  format: string;
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .summary('explain a scenario and what theory expects of it')
    .description(
      'Describe the scenario in plain words and compute what the linear theory expects: the rate ' +
        'matrix off and on drug, its eigenvalues (the two slopes of the kill curve), the stationary ' +
        'persister fraction, the expected burden at the end of each schedule phase, and for a ' +
        'periodic schedule the long-run growth rate and whether it controls the tumour on average.',
    )
    .argument('<scenario.yaml>', "scenario file ('-' reads standard input)")
    .option('--set <path=value>', 'override a scenario field (repeatable)', collect)
    .option('--format <format>', 'stdout: text | json (the text in sections and the theory as numbers)', 'text')
    .addHelpText(
      'after',
      '\nExamples:\n  persim explain scenarios/01-biphasic-kill.yaml\n  persim explain scenarios/03-continuous-vs-pulsed.yaml --set switch.entry_rate=0\n  persim explain scenarios/01-biphasic-kill.yaml --format json\n',
    )
    .action(async (file: string, opts: ExplainOptions) => {
      checkFormat(opts.format);
      const loaded = withJsonErrors(opts.format, file, () => loadFromOptions(file, opts));
      const { explain } = await import('../api/explain.js');
      const e = explain({ scenario: loaded.scenario, text: loaded.text, file: loaded.source, set: loaded.identity.overrides });
      process.stdout.write(opts.format === 'json' ? explainJson(loaded.source, loaded.scenario, e) : e.text + '\n');
    });
}
