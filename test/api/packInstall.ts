// Installs a packed persim tarball into a fresh folder without the network: a lockfile for
// the folder, written from persim's own package-lock.json (the runtime dependencies and
// theirs), lets `npm ci --offline` take every tarball from the npm cache that installed
// this checkout.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** The lock entries of `names` and everything they depend on, from persim's package-lock.json. */
function closure(lock: Record<string, LockEntry>, names: readonly string[]): Record<string, LockEntry> {
  const out: Record<string, LockEntry> = {};
  const todo = [...names];
  while (todo.length > 0) {
    const key = `node_modules/${todo.pop()}`;
    if (key in out || !(key in lock)) continue;
    out[key] = lock[key];
    todo.push(...Object.keys(lock[key].dependencies ?? {}), ...Object.keys(lock[key].optionalDependencies ?? {}));
  }
  return out;
}

export function npmPack(root: string, into: string): string {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', into], { cwd: root, encoding: 'utf8' });
  return join(into, (JSON.parse(out) as { filename: string }[])[0].filename);
}

/** Installs the tarball into `app` (an empty folder) with `npm ci --offline`; returns npm's output. */
export function installOffline(root: string, tarball: string, app: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string>; bin: Record<string, string> };
  const lock = (JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }).packages;
  const spec = `file:${tarball}`;
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { [pkg.name]: spec } }));
  const packages: Record<string, LockEntry> = {
    '': { name: 'app', dependencies: { [pkg.name]: spec } },
    [`node_modules/${pkg.name}`]: { version: pkg.version, resolved: spec, license: 'MIT', dependencies: pkg.dependencies, bin: pkg.bin },
    ...closure(lock, Object.keys(pkg.dependencies)),
  };
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages }, null, 2));
  const r = spawnSync('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: app, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm ci --offline failed:\n${r.stderr}`);
  return r.stdout + r.stderr;
}
