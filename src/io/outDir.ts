// Output folders: created one level at a time (Node 20's recursive mkdirSync spins forever
// on a parent that refuses creation, such as /proc), checked to be a writable folder, and
// refused with an OutputError naming the folder and the OS error. Commands call
// prepareOutDir before simulating, so a bad --out fails at once.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutputError, osReason } from './errors.js';

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

/** Makes sure `dir` is a folder persim can write into, creating it if needed. */
export function prepareOutDir(dir: string): void {
  makeDirs(dir);
  try {
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new OutputError(`cannot write into the output folder ${dir} (${osReason(err)}); choose another --out`);
  }
}
