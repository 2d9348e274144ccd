// analysis/ holds pure functions of models and outcomes that never run an engine
// (DESIGN.md, Architecture): no file in src/analysis/ may import from src/engine/. Scans
// every import and export-from specifier, static and dynamic, of src/analysis/*.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '../../src/analysis');

/** The module specifiers a source file imports or re-exports (static, type-only and dynamic). */
function importSpecifiers(source: string): string[] {
  const out: string[] = [];
  const fromRe = /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g;
  const bareRe = /\bimport\s*['"]([^'"]+)['"]/g;
  const dynamicRe = /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const re of [fromRe, bareRe, dynamicRe]) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

describe('analysis/ does not import engine/', () => {
  it('finds the specifiers of every import form (the scanner itself)', () => {
    const src = [
      "import { a } from '../engine/agent.js';",
      "import type { B } from \"../engine/outcome.js\";",
      'import {\n  c,\n  d,\n} from "../model/rates.js";',
      "export { e } from '../engine/simulate.js';",
      "import '../engine/sideEffect.js';",
      "const m = await import('../engine/population.js');",
    ].join('\n');
    expect(importSpecifiers(src)).toEqual(
      expect.arrayContaining(['../engine/agent.js', '../engine/outcome.js', '../model/rates.js', '../engine/simulate.js', '../engine/sideEffect.js', '../engine/population.js']),
    );
    expect(importSpecifiers(src)).toHaveLength(6);
  });

  it('no src/analysis/*.ts imports ../engine', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const f of files) {
      for (const spec of importSpecifiers(readFileSync(join(DIR, f), 'utf8'))) if (spec.includes('../engine')) offenders.push(`${f}: ${spec}`);
    }
    expect(offenders).toEqual([]);
  });
});
