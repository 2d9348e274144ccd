// The direction of imports between layers, read from the source: io/ (atomic writes, error
// types, progress, output folders) sits below cli/, sweep/ and fit/, so none of sweep/, fit/
// or io/ imports cli/, and io/ imports nothing above it; analysis/ (closed forms and
// statistics) does not import engine/ (the simulators), except the file allowed below.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const SRC = join(ROOT, 'src');

/** Every .ts file under a folder of src/, as paths relative to src/. */
function sources(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) out.push(relative(SRC, p));
    }
  };
  walk(join(SRC, folder));
  return out.sort();
}

/** The module specifiers of a file's static imports and re-exports, and of its dynamic import()s. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [/^\s*(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1]);
  return found;
}

/** The folder of src/ a relative import of `file` lands in ('cli', 'engine', ...), or null for a package. */
function targetLayer(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = relative(SRC, resolve(dirname(join(SRC, file)), spec));
  return target.split(/[\\/]/)[0];
}

/** `file imports spec` for each import of a file under `folder` that lands in one of `forbidden`. */
function violations(folder: string, forbidden: readonly string[], allowed: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const file of sources(folder)) {
    if (allowed.includes(file)) continue;
    for (const spec of specifiers(readFileSync(join(SRC, file), 'utf8'))) {
      const layer = targetLayer(file, spec);
      if (layer !== null && forbidden.includes(layer)) out.push(`${file} imports ${spec}`);
    }
  }
  return out;
}

describe('layers', () => {
  it('reads static, re-exported, side-effect and dynamic imports', () => {
    const text = "import { a } from '../cli/x.js';\nimport type {\n  B,\n} from \"../cli/y.js\";\nexport * from './z.js';\nimport './w.js';\nconst m = await import('../cli/v.js');\n// a comment that says from '../cli/no.js'\n";
    expect(specifiers(text).sort()).toEqual(['../cli/v.js', '../cli/x.js', '../cli/y.js', './w.js', './z.js']);
  });

  it('the scan sees the files it checks (and cli/ does import io/)', () => {
    for (const folder of ['sweep', 'fit', 'io', 'analysis']) expect(sources(folder).length, folder).toBeGreaterThan(3);
    expect(violations('cli', ['io']).length).toBeGreaterThan(0);
  });

  it('sweep/, fit/ and io/ do not import cli/', () => {
    expect([...violations('sweep', ['cli']), ...violations('fit', ['cli']), ...violations('io', ['cli'])]).toEqual([]);
  });

  it('io/ imports nothing above it', () => {
    expect(violations('io', ['cli', 'sweep', 'fit', 'report', 'api', 'explore', 'engine', 'analysis'])).toEqual([]);
  });

  it('analysis/ does not import engine/', () => {
    expect(violations('analysis', ['engine'])).toEqual([]);
  });
});
