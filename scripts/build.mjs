// Bundles the CLI (and the benchmark) with esbuild: one file each in dist/, so the CLI
// starts fast (mathjs is only evaluated by `explain`). Run by `npm ci` through `prepare`.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  define: { __PERSIM_VERSION__: JSON.stringify(pkg.version) },
  // A native addon cannot be bundled: the PNG renderer imports it from node_modules.
  external: ['@napi-rs/canvas'],
  // CommonJS dependencies (seedrandom) call require() for Node built-ins.
  banner: { js: "import { createRequire as __persimCreateRequire } from 'node:module'; const require = __persimCreateRequire(import.meta.url);" },
};

// Sweeps run their replicates in worker threads, which load dist/sweep-worker.js.
await build({ ...common, entryPoints: { cli: 'src/cli/entry.ts', bench: 'scripts/bench.ts', 'sweep-worker': 'src/sweep/workerMain.ts' }, outdir: 'dist' });
