// Issue 14 item 8: the PNG charts are the same bytes whatever the locale. chart.js formats
// its default tick labels with Intl in the process's locale (LC_ALL, LANG) unless told one,
// so under de_DE drugs.png, survival.png and sweep.png had decimal commas. Each run is a
// child process with its own locale; the first test shows that Node's ICU (full-icu, built
// into Node 20) really formats de-DE with a comma there, so the comparison could fail.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

const SCENARIO = join(ROOT, 'test/regression/locale.yaml');

/** The environment of a child under `locale`: LC_ALL set, or only LANG (LC_ALL removed). */
function localeEnv(locale: { LC_ALL?: string; LANG?: string }): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.LC_ALL;
  delete env.LC_NUMERIC;
  delete env.LANG;
  return { ...env, ...locale };
}

function node(args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

// LANG alone selects the locale too (the probe shows it); two runs keep the test's CPU small.
const LOCALES = [{ LC_ALL: 'C' }, { LC_ALL: 'de_DE.UTF-8' }];

describe('charts do not depend on the locale', () => {
  it('Node formats numbers by the locale of its environment (the precondition)', () => {
    const probe = ['-e', 'process.stdout.write(new Intl.NumberFormat().resolvedOptions().locale + " " + new Intl.NumberFormat().format(0.5))'];
    expect(node(probe, localeEnv({ LC_ALL: 'de_DE.UTF-8' }))).toBe('de-DE 0,5');
    expect(node(probe, localeEnv({ LANG: 'de_DE.UTF-8' }))).toBe('de-DE 0,5');
    expect(node(probe, localeEnv({ LC_ALL: 'C' }))).toMatch(/^en-US 0\.5$/);
  });

  it('persim run and persim sweep write the same PNG bytes under C and de_DE', () => {
    const dirs = LOCALES.map((locale) => {
      const dir = tempDir('persim-locale-');
      const env = localeEnv(locale);
      const bin = join(ROOT, 'bin/persim.js');
      node([bin, 'run', SCENARIO, '--out', join(dir, 'run'), '--quiet'], env);
      node([bin, 'sweep', SCENARIO, '--vary', 'drugs.chemo.potency=0.05/h,0.1/h,0.15/h', '--replicates', '4', '--workers', '1', '--out', join(dir, 'sweep'), '--quiet'], env);
      return dir;
    });
    const pngs = [...readdirSync(join(dirs[0], 'run')).filter((f) => f.endsWith('.png')).map((f) => join('run', f)), 'sweep/sweep.png'];
    expect(pngs).toEqual(expect.arrayContaining(['run/drugs.png', 'run/survival.png', 'sweep/sweep.png']));
    for (const f of pngs) {
      const reference = readFileSync(join(dirs[0], f));
      for (const dir of dirs.slice(1)) expect(readFileSync(join(dir, f)).equals(reference), f).toBe(true);
    }
  });
});
