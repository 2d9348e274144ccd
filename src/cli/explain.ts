// `persim explain`: what the scenario does and what theory expects of it, in plain words
// (rate matrices, kill-curve slopes, stationary persister fraction, expected burden per
// schedule phase, long-run growth under a periodic schedule).
import type { Command } from 'commander';
import { agentProbe } from '../engine/simulate.js';
import { compileTimeline } from '../model/timeline.js';
import { collect, loadFromOptions, type ScenarioOptions } from './scenarioInput.js';

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
    .argument('<scenario.yaml>', 'scenario file')
    .option('--set <path=value>', 'override a scenario field (repeatable)', collect)
    .addHelpText('after', '\nExamples:\n  persim explain scenarios/01-biphasic-kill.yaml\n  persim explain scenarios/03-continuous-vs-pulsed.yaml --set switch.entry_rate=0\n')
    .action(async (file: string, opts: ScenarioOptions) => {
      const { scenario } = loadFromOptions(file, opts);
      const { explainScenario } = await import('../analysis/explain.js');
      process.stdout.write(explainScenario(scenario, compileTimeline(scenario), agentProbe) + '\n');
    });
}
