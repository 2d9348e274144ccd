// What sweep and fit share about long work on the command line: whole-number options,
// Ctrl-C / SIGTERM that stop the workers and keep what is finished (a second Ctrl-C exits
// at once), and the command that resumes.
import { UsageError } from '../io/errors.js';

export function positiveInteger(text: string, option: string): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1) throw new UsageError(`${option} must be a whole number >= 1, found '${text}'`);
  return Number(text);
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** This process's command line, quoted for a shell, with --resume added. */
export function resumeCommand(): string {
  const argv = process.argv.slice(2).map(shellQuote);
  if (!argv.includes('--resume')) argv.push('--resume');
  return `persim ${argv.join(' ')}`;
}

/** SIGINT/SIGTERM abort the work (`keeping` says what is kept); `received.code` becomes 130 or 143. Returns the cleanup. */
export function onSignals(controller: AbortController, received: { code: number }, keeping: string): () => void {
  const handler = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(received.code);
    received.code = signal === 'SIGTERM' ? 143 : 130;
    process.stderr.write(`\n${signal === 'SIGTERM' ? 'SIGTERM' : 'Ctrl-C'}: stopping the workers, ${keeping}...\n`);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
