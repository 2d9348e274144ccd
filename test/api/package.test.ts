// The package as users get it: the bundles import nothing they do not ship, importing any
// entry has no side effects, the type declarations stand alone, and a tarball from
// `npm pack`, installed offline into a fresh folder, runs a scenario through the API with
// the bytes of its own CLI (charts and report included, so its three dependencies suffice).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { installOffline, npmPack } from './packInstall.js';

const dist = (f: string) => readFileSync(join(ROOT, 'dist', f), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const node = (args: string[], cwd = ROOT) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60_000 });

/** Module specifiers a bundle imports (static, dynamic, require). */
function specifiers(code: string): Set<string> {
  const out = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)["']([^"'./][^"']*)["']/gm)) out.add(m[1]);
  return out;
}

describe('bundles', () => {
  it('the browser bundles import nothing (no node:, no package)', () => {
    for (const f of ['browser.js', 'explorer.js']) expect([...specifiers(dist(f))], f).toEqual([]);
  });

  it('the Node bundles import only node: built-ins and @napi-rs/canvas (the one external package)', () => {
    for (const f of ['cli.js', 'index.js', 'sweep-worker.js']) {
      const bare = [...specifiers(dist(f))].filter((s) => !s.startsWith('node:'));
      expect(bare.every((s) => s === '@napi-rs/canvas'), `${f}: ${bare}`).toBe(true);
    }
    // Besides the canvas, the CLI reads the font and chart.js's browser build from node_modules:
    // exactly the runtime dependencies.
    expect(dist('cli.js')).toContain('@fontsource/dejavu-sans/files/');
    expect(dist('cli.js')).toMatch(/\.resolve\("chart\.js"\)/);
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@fontsource/dejavu-sans', '@napi-rs/canvas', 'chart.js']);
  });

  it('importing any entry runs nothing: no output, no exit code, no open handle', () => {
    const code = "for (const f of ['cli.js', 'index.js', 'browser.js']) await import('./dist/' + f);";
    const r = node(['--input-type=module', '-e', code]);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('the type declarations import only each other', () => {
    const dir = join(ROOT, 'dist/types');
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.d.ts'));
    expect(files).toContain('api/index.d.ts');
    expect(files).toContain('api/browser.d.ts');
    for (const f of files) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)) expect(m[1], f).toMatch(/^\.\.?\//);
    }
  });
});

describe('npm pack, then install the tarball in a fresh folder', () => {
  it('ships what the API and the CLI need, no install script, and runs a scenario through the API', () => {
    expect(Object.keys(pkg.scripts).filter((s) => /^(pre|post)?install$|^prepare$/.test(s))).toEqual([]);
    const tmp = tempDir('persim-pack-');
    const tarball = npmPack(ROOT, tmp);
    const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
    for (const f of ['LICENSE', 'CITATION.cff', 'CHANGELOG.md', 'README.md', 'dist/index.js', 'dist/browser.js', 'dist/cli.js', 'dist/types/api/index.d.ts']) {
      expect(listing, f).toContain(`package/${f}`);
    }
    expect(listing).not.toContain('package/dist/bench.js');
    expect(listing.some((f) => f.startsWith('package/src/'))).toBe(false);

    const app = join(tmp, 'app');
    spawnSync('mkdir', [app]);
    const install = installOffline(ROOT, tarball, app);
    expect(install).not.toMatch(/prepare|install script/i);

    const scenario = 'node_modules/persim/scenarios/01-biphasic-kill.yaml';
    const cli = node(['node_modules/persim/bin/persim.js', 'run', scenario, '--seed', '5', '--replicates', '2', '--report', '-q', '--out', 'out'], app);
    expect(cli.status, cli.stderr).toBe(0);
    expect(readdirSync(join(app, 'out'))).toEqual(expect.arrayContaining(['summary.json', 'report.html', 'burden.png']));
    const script = [
      "import { readFileSync } from 'node:fs';",
      "import { loadScenario, runScenario } from 'persim';",
      "import * as browser from 'persim/browser';",
      `const file = '${scenario}';`,
      "const { summary } = await runScenario(loadScenario(readFileSync(file, 'utf8'), { file }), { seed: 5, replicates: 2 });",
      "const same = JSON.stringify(summary, null, 2) + '\\n' === readFileSync('out/summary.json', 'utf8');",
      "console.log(JSON.stringify({ same, browser: typeof browser.runScenario }));",
    ].join('\n');
    const api = node(['--input-type=module', '-e', script], app);
    expect(api.stderr).toBe('');
    expect(JSON.parse(api.stdout)).toEqual({ same: true, browser: 'function' });
  });
});
