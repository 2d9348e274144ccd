// Files `persim explore` reads from the installed package: the explorer's browser bundle
// (dist/explorer.js, built by scripts/build.mjs) and the lesson scenarios (scenarios/).
// They are looked up beside the running code, from the bundled CLI (dist/cli.js) and from
// the source tree (src/explore/) alike.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function firstExisting(candidates: readonly string[]): string | null {
  for (const rel of candidates) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}

export function explorerBundle(): string {
  const path = firstExisting(['./explorer.js', '../../dist/explorer.js']);
  if (path === null) throw new Error('the explorer bundle dist/explorer.js is missing: run `node scripts/build.mjs` (npm ci does it)');
  return readFileSync(path, 'utf8');
}

export function lessonsDir(): string {
  const path = firstExisting(['../scenarios/', '../../scenarios/']);
  if (path === null) throw new Error('the lesson folder scenarios/ is missing from the persim package');
  return path;
}
