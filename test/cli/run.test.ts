// `persim run` end to end on every shipped scenario: exit code, summary.json and
// timeseries.csv exactly as DESIGN.md specifies, and reproducibility. The core lessons and
// the reproducibility checks run the built bundle as a process; the other lessons call the
// CLI's main() in this process (the same code, without a Node start-up per lesson).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { persim, persimInProcess, ROOT, tempDir } from '../helpers/cli.js';

const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

function runKeys(): string[] {
  return ['replicate', 'nadir_h', 'nadir_cells', 'responded', 'relapse_h', 'extinct_h', 'final'];
}

/** Keys a run may add: `clones` with lineage barcodes, `cumulative_dose` with an adaptive drug. */
const OPTIONAL_RUN_KEYS = ['clones', 'cumulative_dose'];

/** The DESIGN.md contract on one run folder (summary.json, timeseries.csv). */
function checkRunFolder(dir: string): void {
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  expect(Object.keys(summary)).toEqual(
    expect.arrayContaining(['persim_version', 'scenario', 'seed', 'replicates', 'engine', 'dt_h', 'relapse', 'runs']),
  );
  expect(Object.keys(summary.scenario)).toEqual(expect.arrayContaining(['name', 'file', 'sha256']));
  expect(summary.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(Object.keys(summary.relapse)).toEqual(
    expect.arrayContaining(['median_h', 'ci95_h', 'relapsed', 'censored', 'extinct', 'probability']),
  );
  const { relapsed, censored, extinct } = summary.relapse;
  expect(relapsed + censored + extinct).toBe(summary.replicates);
  expect(summary.runs).toHaveLength(summary.replicates);
  for (const run of summary.runs) {
    expect(Object.keys(run).filter((k) => !OPTIONAL_RUN_KEYS.includes(k))).toEqual(runKeys());
    expect(run.final.total).toBe(run.final.sensitive + run.final.persister + (run.final.resistant ?? 0));
    if (!run.responded) expect(run.relapse_h).toBe(run.nadir_h);
    if (run.relapse_h !== null) expect(run.relapse_h).toBeGreaterThanOrEqual(run.nadir_h);
  }
  const csv = readFileSync(join(dir, 'timeseries.csv'), 'utf8').trimEnd().split('\n');
  const header = csv[0].split(',');
  expect(header.slice(0, 6)).toEqual(['replicate', 'time_h', 'sensitive', 'persister', 'total', 'stress']);
  // Then one column per drug, for the FOSL1 switch the level's mean and sd, and with a
  // resistant phenotype, last, the resistant cells (counted in total).
  const resistant = header.at(-1) === 'resistant';
  const body = resistant ? header.slice(0, -1) : header;
  const fosl1 = body.at(-2) === 'fosl1_mean' && body.at(-1) === 'fosl1_sd';
  expect(body.slice(6, fosl1 ? -2 : undefined).every((h) => h.startsWith('conc_'))).toBe(true);
  const rows = csv.slice(1).map((l) => l.split(',').map(Number));
  const perReplicate = rows.length / summary.replicates;
  expect(Number.isInteger(perReplicate)).toBe(true);
  expect(rows[0][1]).toBe(0);
  for (const row of rows) expect(row[4]).toBe(row[2] + row[3] + (resistant ? (row.at(-1) as number) : 0));
  // The last row of each replicate is its final state.
  for (const run of summary.runs) {
    const last = rows[run.replicate * perReplicate - 1];
    expect(last[0]).toBe(run.replicate);
    expect(last[4]).toBe(run.final.total);
  }
}

describe('persim run on every shipped scenario', () => {
  it('ships at least the three lessons of the core', () => {
    for (const prefix of ['01-biphasic-kill', '02-drug-holiday', '03-continuous-vs-pulsed']) {
      expect(scenarios).toContain(`${prefix}.yaml`);
    }
  });

  for (const file of scenarios) {
    it(file, async () => {
      const out = tempDir();
      // The core lessons run with their defaults; the others with 3 replicates to keep the
      // suite fast (each lesson's own test in test/lessons runs it with power).
      const core = /^0[123]/.test(file);
      const args = ['run', join('scenarios', file), '--out', out, '--quiet', ...(core ? [] : ['--replicates', '3'])];
      const r = core ? persim(args) : await persimInProcess(args);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      // A scenario with arms writes each arm's files into its own folder, listed in arms.json.
      const arms = join(out, 'arms.json');
      const dirs = existsSync(arms) ? JSON.parse(readFileSync(arms, 'utf8')).arms.map((a: { dir: string }) => join(out, a.dir)) : [out];
      for (const dir of dirs) checkRunFolder(dir);
    });
  }
});

describe('reproducibility', () => {
  const file = 'scenarios/02-drug-holiday.yaml';
  it('the same scenario and seed give byte-identical files; another seed does not', () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    // The files compared here, without the charts (test/report/renderPng.test.ts compares those).
    for (const dir of [a, b]) expect(persim(['run', file, '--out', dir, '--quiet', '--replicates', '4', '--no-charts']).status).toBe(0);
    expect(persim(['run', file, '--out', c, '--quiet', '--replicates', '4', '--seed', '8', '--no-charts']).status).toBe(0);
    for (const name of ['summary.json', 'timeseries.csv']) {
      expect(readFileSync(join(a, name))).toEqual(readFileSync(join(b, name)));
    }
    expect(readFileSync(join(a, 'timeseries.csv'), 'utf8')).not.toEqual(readFileSync(join(c, 'timeseries.csv'), 'utf8'));
  });

  it('a replicate is the same whether run alone or among others', () => {
    const [few, many] = [tempDir(), tempDir()];
    persim(['run', file, '--out', few, '--quiet', '--replicates', '2', '--no-charts']);
    persim(['run', file, '--out', many, '--quiet', '--replicates', '5', '--no-charts']);
    const rows = (dir: string) =>
      readFileSync(join(dir, 'timeseries.csv'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('2,'));
    expect(rows(few)).toEqual(rows(many));
  });

  it('prints a JSON summary with --format json and a readable one by default', () => {
    const out = tempDir();
    const j = persim(['run', file, '--out', out, '--replicates', '3', '--format', 'json']);
    expect(j.status).toBe(0);
    expect(JSON.parse(j.stdout).replicates).toBe(3);
    const t = persim(['run', file, '--out', out, '--replicates', '3']);
    expect(t.stdout).toContain('median relapse');
    expect(t.stdout).toContain(join(out, 'summary.json'));
  });
});
