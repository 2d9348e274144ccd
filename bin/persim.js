#!/usr/bin/env node
// Launcher: runs the CLI bundle that `npm ci` builds (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('persim: the CLI bundle dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(1);
}
await import(bundle.href);
