// Writes a set of output files so that each is whole or absent: every file is first written
// to a temporary name in the target directory, and only when all have been written are
// they renamed into place. On any failure the temporary files are removed. A name may hold
// sub-folders (`control/summary.json`); they are created as needed.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFilesAtomically(dir: string, files: Record<string, string | Uint8Array>): string[] {
  mkdirSync(dir, { recursive: true });
  const staged: [string, string][] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const target = join(dir, name);
      mkdirSync(dirname(target), { recursive: true });
      const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
      staged.push([tmp, target]);
      writeFileSync(tmp, content);
    }
    for (const [tmp, target] of staged) renameSync(tmp, target);
  } catch (err) {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
    throw err;
  }
  return staged.map(([, target]) => target);
}
