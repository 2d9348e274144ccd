// Writes a set of output files so that each is whole or absent: every file is first written
// to a temporary name in the target directory, and only when all have been written are
// they renamed into place. On any failure the temporary files are removed. A name may hold
// sub-folders (`control/summary.json`); they are created as needed (io/outDir.ts).
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OutputError, osReason } from './errors.js';
import { makeDirs } from './outDir.js';

export function writeFilesAtomically(dir: string, files: Record<string, string | Uint8Array>): string[] {
  makeDirs(dir);
  const staged: [string, string][] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const target = join(dir, name);
      makeDirs(dirname(target));
      const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
      staged.push([tmp, target]);
      writeFileSync(tmp, content);
    }
    for (const [tmp, target] of staged) renameSync(tmp, target);
  } catch (err) {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
    if (err instanceof OutputError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new OutputError(`cannot write ${e.path ?? dir} (${osReason(err)})`);
  }
  return staged.map(([, target]) => target);
}
