// The persim command line: parses arguments with commander and maps every failure to an
// exit code (0 ok, 2 bad input, 1 anything else). Each command lives in its own file.
import { Command } from 'commander';
import { PERSIM_VERSION } from '../model/version.js';
import { reportError } from './errors.js';
import { registerExplain } from './explain.js';
import { registerExplore } from './explore.js';
import { registerFit } from './fit.js';
import { registerInit } from './init.js';
import { registerMerge } from './merge.js';
import { registerReport } from './report.js';
import { registerRun } from './run.js';
import { SweepInterrupted, registerSweep } from './sweep.js';
import { registerValidate } from './validate.js';

export function buildProgram(): Command {
  const program = new Command('persim')
    .description(
      'persim: a stochastic, agent-based simulator of reversible drug tolerance (persister cells) in tumours. ' +
        'Cells switch between a drug-sensitive and a drug-tolerant persister state; persim predicts when a ' +
        'treated tumour relapses and tests interventions on the switch.',
    )
    .version(PERSIM_VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  persim init my-scenario                           write a commented starter my-scenario.yaml\n' +
        '  persim run scenarios/01-biphasic-kill.yaml        simulate and write out/<name>/\n' +
        '  persim explain scenarios/01-biphasic-kill.yaml    what theory expects\n' +
        '  persim validate my-scenario.yaml                  check a file\n' +
        '  persim sweep scenarios/15-entry-blockade-sweep.yaml   a parameter sweep\n' +
        '  persim fit scenarios/16-fit-pdx.yaml              learn the rates from data, predict relapse\n' +
        '\nExit codes: 0 success, 2 bad input, 1 other failure.',
    );
  registerInit(program);
  registerRun(program);
  registerValidate(program);
  registerExplain(program);
  registerSweep(program);
  registerFit(program);
  registerMerge(program);
  registerReport(program);
  registerExplore(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof SweepInterrupted) return err.exitCode;
    return reportError(err);
  }
}
