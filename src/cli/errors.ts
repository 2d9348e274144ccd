// Exit codes (DESIGN.md): 0 success, 2 bad input (usage, unreadable or invalid scenario),
// 1 anything else (an OutputError too: an --out that cannot be written). Every error is
// printed to stderr as one readable block.
import { CommanderError } from 'commander';
import { ScenarioError } from '../scenario/errors.js';
import { EngineChoiceError } from '../engine/simulate.js';
import { UsageError } from '../io/errors.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export function reportError(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
  if (err instanceof ScenarioError) {
    process.stderr.write(err.format() + '\n');
    return EXIT_BAD_INPUT;
  }
  if (err instanceof UsageError || err instanceof EngineChoiceError) {
    process.stderr.write(`persim: ${err.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`persim: ${message}\n`);
  if (process.env.PERSIM_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return EXIT_FAILURE;
}
