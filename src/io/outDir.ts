// Output folders: created one level at a time (Node 20's recursive mkdirSync spins forever
// on a parent that refuses creation, such as /proc), checked to be a writable folder, and
// refused with an OutputError naming the folder and the OS error. Commands call
// prepareOutDir before simulating, so a bad --out fails at once: it writes (and removes) a
// file there, the only test a root user or a read-only file system cannot pass by mistake.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { OutputError, UsageError, osReason } from './errors.js';

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw err;
  }
}

/** Creates `dir` and its missing parents; throws OutputError naming `label` (the folder as the user wrote it). */
export function makeDirs(dir: string, label = dir): void {
  const missing: string[] = [];
  let at = resolve(dir);
  try {
    for (;;) {
      const st = statOrNull(at);
      if (st !== null) {
        if (!st.isDirectory()) {
          const what = at === resolve(dir) ? `${label} is a file, not a folder` : `${label} cannot be created: ${at} is a file`;
          throw new OutputError(`the output folder ${what}; choose another --out`);
        }
        break;
      }
      missing.push(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
    }
    for (const d of missing.reverse()) {
      try {
        mkdirSync(d);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw err;
      }
    }
  } catch (err) {
    if (err instanceof OutputError) throw err;
    throw new OutputError(`cannot create the output folder ${label} (${osReason(err)}); choose another --out`);
  }
}

/**
 * Makes sure `dir` is a folder persim can write into, creating it if needed: a file is
 * written there and removed (permission bits are not enough: root passes them, and /proc or a
 * read-only mount refuses the write itself). An empty name is bad input (it would mean the
 * current folder).
 */
export function prepareOutDir(dir: string): void {
  if (dir.trim() === '') throw new UsageError('--out is empty: give the output folder, e.g. --out out/my-run');
  makeDirs(dir);
  const probe = join(dir, `.persim-write-test.${process.pid}.tmp`);
  try {
    writeFileSync(probe, '');
  } catch (err) {
    throw new OutputError(`cannot write into the output folder ${dir} (${osReason(err)}); choose another --out`);
  }
  rmSync(probe, { force: true });
}
