// Error types shared by the layers that touch files (cli/, sweep/, fit/, report/). The CLI
// maps them to exit codes (cli/errors.ts): a UsageError is bad input (exit 2, nothing
// written); an OutputError is an output folder or file that cannot be written (exit 1).
export class UsageError extends Error {}

export class OutputError extends Error {}

/** An OS error as "ENOENT: no such file or directory", without Node's "mkdir '...'" tail. */
export function osReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const e = err as NodeJS.ErrnoException;
  const text = e.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
  return e.code ? `${e.code}: ${text}` : text;
}
