// `persim init [name]`: write a commented starter scenario (cli/starterScenario.ts) to
// <name>.yaml, never over an existing file: the file is written whole to a temporary name
// and linked into place, which fails if the target exists (exit 1, naming it).
import { existsSync, linkSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { OutputError, osReason, UsageError } from '../io/errors.js';
import { makeDirs } from '../io/outDir.js';
import { starterScenario } from './starterScenario.js';

export const DEFAULT_INIT_NAME = 'my-scenario';

/** `name` -> the file to write: `.yaml` is added unless the name ends in .yaml or .yml. */
export function initTarget(name: string): string {
  const ext = extname(name).toLowerCase();
  return ext === '.yaml' || ext === '.yml' ? name : `${name}.yaml`;
}

/** This installation's JSON Schema relative to the new file's folder (absolute when that climbs more than two folders), or null when it is not found (the bundle lives in dist/). */
function schemaFrom(file: string): string | null {
  const schema = fileURLToPath(new URL('../schema/persim.schema.json', import.meta.url));
  if (!existsSync(schema)) return null;
  const rel = relative(dirname(file), schema).split(sep).join('/');
  const ups = rel.split('/').filter((part) => part === '..').length;
  if (ups > 2) return schema.split(sep).join('/'); // far away (a global install): absolute
  return rel.startsWith('../') ? rel : `./${rel}`;
}

function writeNew(file: string, text: string): void {
  makeDirs(dirname(file));
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST' && existsSync(file)) {
      throw new OutputError(`${file} already exists; persim init does not overwrite it (give another name, or remove it)`);
    }
    throw new OutputError(`cannot write ${file} (${osReason(err)})`);
  } finally {
    rmSync(tmp, { force: true });
  }
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .summary('write a commented starter scenario')
    .description(
      'Write a starter scenario to <name>.yaml (default my-scenario.yaml): one kill drug given weekly to a ' +
        'tumour whose cells switch reversibly into persistence, every field commented. It validates and runs ' +
        'as written (10 replicates in about a second). An existing file is never overwritten (exit 1).',
    )
    .argument('[name]', 'file name, .yaml added unless given; also the scenario\'s name', DEFAULT_INIT_NAME)
    .addHelpText('after', '\nExamples:\n  persim init\n  persim init scenarios/holiday-test\n')
    .action((name: string) => {
      const label = basename(name).replace(/\.ya?ml$/i, '');
      if (label.trim() === '') throw new UsageError(`the name must not be empty, found '${name}'`);
      const file = initTarget(name);
      writeNew(file, starterScenario(label, schemaFrom(file)));
      process.stdout.write(`wrote ${file}\n  next: persim validate ${file}; persim explain ${file}; persim run ${file}\n`);
    });
}
