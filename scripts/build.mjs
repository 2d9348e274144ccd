// Bundles the CLI (and the benchmark) with esbuild: one file each in dist/, so the CLI
// starts fast. Run by `npm ci` through `prepare`.
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

// The teaching explorer's page and Web Worker code, for the browser (persim explore inlines
// it in its HTML). Nothing from Node may reach it: the scenario loader's one use of node:fs
// (loadScenarioFile, never called in the page) becomes a stub, and any other node: import
// fails the build. seedrandom's optional require('crypto') is emptied by its browser field.
const browserOnly = {
  name: 'persim-browser-only',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => {
      if (args.path === 'node:fs' && /src[\\/]scenario[\\/]load\.ts$/.test(args.importer)) return { path: 'node:fs', namespace: 'persim-stub' };
      return { errors: [{ text: `${args.path} (imported by ${args.importer}) cannot run in the browser` }] };
    });
    b.onLoad({ filter: /.*/, namespace: 'persim-stub' }, () => ({
      contents: "export function readFileSync() { throw new Error('no file system in the browser'); }\nexport function statSync() { throw new Error('no file system in the browser'); }",
      loader: 'js',
    }));
  },
};
await build({
  entryPoints: { explorer: 'src/explore/entry.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { __PERSIM_VERSION__: JSON.stringify(pkg.version) },
  plugins: [browserOnly],
});
