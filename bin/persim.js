#!/usr/bin/env node
// Launcher: runs the CLI bundle dist/cli.js. The published package ships it; in a source
// checkout (src/ and scripts/build.mjs beside bin/) the first run builds it, so
// `npm ci && npx persim run ...` works on a fresh clone without an install script.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.js', import.meta.url);
const buildScript = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
if (!existsSync(fileURLToPath(bundle)) && existsSync(buildScript) && existsSync(fileURLToPath(new URL('../src/', import.meta.url)))) {
  process.stderr.write('persim: building the CLI bundle (first run in a source checkout)...\n');
  const built = spawnSync(process.execPath, [buildScript], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) process.exit(1);
}
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('persim: the CLI bundle dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(1);
}
const { runCli } = await import(bundle.href);
process.exitCode = await runCli(process.argv.slice(2));
