// Bundles the CLI (and the benchmark) with esbuild: one file each in dist/, so the CLI
// starts fast; the library entries (dist/index.js for Node, dist/browser.js) with their
// type declarations (dist/types/, by tsc); and the explorer's page. Run by `npm run build`,
// by the test suite's global setup, and by bin/persim.js on its first run in a checkout.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
rmSync(new URL('../dist/types', import.meta.url), { recursive: true, force: true });

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
await build({
  ...common,
  entryPoints: { cli: 'src/cli/entry.ts', bench: 'scripts/bench.ts', 'sweep-worker': 'src/sweep/workerMain.ts', 'fit-worker': 'src/fit/workerMain.ts', index: 'src/api/index.ts' },
  outdir: 'dist',
});

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
      contents: ['closeSync', 'fstatSync', 'openSync', 'readSync'].map((f) => `export function ${f}() { throw new Error('no file system in the browser'); }`).join('\n'),
      loader: 'js',
    }));
  },
};
const browser = {
  outdir: 'dist',
  bundle: true,
  platform: 'browser',
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __PERSIM_VERSION__: JSON.stringify(pkg.version) },
  plugins: [browserOnly],
};
await build({ ...browser, entryPoints: { explorer: 'src/explore/entry.ts' }, format: 'iife', minify: true });
// The library for the browser (an ES module; import { loadScenario, runScenario, explain } from 'persim').
await build({ ...browser, entryPoints: { browser: 'src/api/browser.ts' }, format: 'esm' });

// Type declarations of the library entries: dist/types/api/index.d.ts and browser.d.ts.
const tscBin = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
const tsc = spawnSync(process.execPath, [tscBin, '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
if (tsc.status !== 0) throw new Error('tsc could not emit the type declarations');
pruneDeclarations(['dist/types/api/index.d.ts', 'dist/types/api/browser.d.ts']);

/** Keeps the declarations the entries reach through relative imports (tsc emits one per source file of the program). */
function pruneDeclarations(entries) {
  const keep = new Set();
  const visit = (file) => {
    if (keep.has(file)) return;
    keep.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*['"](\.[^'"]+)['"]/g)) visit(resolve(dirname(file), m[1].replace(/\.js$/, '.d.ts')));
  };
  entries.forEach((e) => visit(resolve(e)));
  for (const f of readdirSync('dist/types', { recursive: true })) {
    const path = resolve('dist/types', f);
    if (path.endsWith('.d.ts') && !keep.has(path)) rmSync(path);
  }
}
