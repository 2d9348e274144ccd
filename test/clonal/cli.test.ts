// `persim run`, `report` and `explain` end to end on a scenario with every clonal feature:
// clones.csv and dosing.csv are written beside summary.json and timeseries.csv and agree
// with them (the clones add up to the counts of timeseries.csv at each sample; the dosing
// checks give the replicate's concentration column and its cumulative dose); the charts of
// clone sizes and dosing are drawn; bad input exits 2 with a located message and writes
// nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { persim, tempDir } from '../helpers/cli.js';

const SCENARIO = `name: clonal end to end
seed: 4
replicates: 3
time:
  horizon: 20d
  record_every: 1d
population:
  initial: 300
  persister_fraction: 0.02
  resistant_fraction: 0.01
  capacity: 5000
phenotypes:
  sensitive:
    doubling_time: 30h
  persister:
    division_rate: 0.002/h
  resistant:
    doubling_time: 40h
switch:
  entry_rate: 1e-3/h
  exit_rate: 0.01/h
mutation:
  rate: 1e-3
  persister_factor: 10
lineage:
  sample_at: [0d, 5d, 10d]
drugs:
  - name: chemo
    effect: kill
    potency: 0.08/h
    schedule:
      - adaptive:
          start: 1d
          dose: 10
          check_every: 2d
          stop_below: 0.5
          resume_at: 1
relapse:
  relative: 1.5
`;

const rows = (text: string) => text.trimEnd().split('\n').slice(1).map((l) => l.split(','));

function clonalRun(engine: 'auto' | 'population') {
  const dir = tempDir();
  const file = join(dir, 'clonal.yaml');
  writeFileSync(file, SCENARIO.replace('seed: 4', `seed: 4\nengine: ${engine}`));
  const out = join(dir, 'out');
  const run = persim(['run', file, '--out', out, '--quiet']);
  const read = (name: string) => readFileSync(join(out, name), 'utf8');
  return { dir, file, out, run, read };
}

describe.each(['auto', 'population'] as const)('clonal outputs of persim run, engine: %s', (engine) => {
  const { out, run, read } = clonalRun(engine);

  it('writes clones.csv, dosing.csv and their charts', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const name of ['clones.csv', 'dosing.csv', 'clones.png', 'dosing.png', 'burden.png']) expect(existsSync(join(out, name))).toBe(true);
    expect(read('clones.csv').split('\n')[0]).toBe('replicate,time_h,barcode,cells,persisters,resistant');
    expect(read('dosing.csv').split('\n')[0]).toBe('replicate,drug,time_h,cells,relative,on,concentration');
  });

  it('the clones add up to timeseries.csv at every sample time', () => {
    const header = read('timeseries.csv').split('\n')[0].split(',');
    expect(header.at(-1)).toBe('resistant');
    const series = new Map(rows(read('timeseries.csv')).map((r) => [`${r[0]},${r[1]}`, r.map(Number)]));
    const sums = new Map<string, number[]>();
    for (const [rep, t, , cells, persisters, resistant] of rows(read('clones.csv'))) {
      if (![0, 120, 240].includes(Number(t))) continue;
      const s = sums.get(`${rep},${t}`) ?? [0, 0, 0];
      sums.set(`${rep},${t}`, [s[0] + Number(cells), s[1] + Number(persisters), s[2] + Number(resistant)]);
    }
    expect(sums.size).toBeGreaterThan(0);
    for (const [key, [cells, persisters, resistant]] of sums) {
      const r = series.get(key) as number[];
      expect([cells, persisters, resistant]).toEqual([r[4], r[3], r.at(-1)]);
    }
  });
});

describe('barcodes shared by several initial cells (population engine above its cap)', () => {
  it('says so on stderr and in summary.json, and the clones still add up', () => {
    const dir = tempDir();
    const file = join(dir, 'many.yaml');
    writeFileSync(file, SCENARIO.replace('seed: 4', 'seed: 4\nengine: population').replace('initial: 300', 'initial: 1e5').replace('capacity: 5000', 'capacity: 1e6').replace('horizon: 20d', 'horizon: 2d').replace('sample_at: [0d, 5d, 10d]', 'sample_at: [0d, 1d]'));
    const out = join(dir, 'out');
    const r = persim(['run', file, '--out', out]);
    expect(r.status).toBe(0);
    // Three compartments a clone (sensitive, persister, resistant): 4096 / 3 = 1365 barcodes.
    expect(r.stderr).toContain('persim: lineage: 1365 barcodes for 1.00e5 initial cells');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.barcodes).toEqual({ count: 1365, initial_cells_per_barcode: Number((1e5 / 1365).toPrecision(6)) });
    const atStart = rows(readFileSync(join(out, 'clones.csv'), 'utf8')).filter((row) => row[1] === '0');
    expect(atStart.filter((row) => row[0] === '1').reduce((a, row) => a + Number(row[3]), 0)).toBe(1e5);
  });
});

describe('clonal outputs of persim run, the rest (agent engine)', () => {
  const { file, out, read } = clonalRun('auto');

  it('summary.json has resistant cells, clone statistics and the cumulative dose given', () => {
    const summary = JSON.parse(read('summary.json'));
    const checks = rows(read('dosing.csv'));
    for (const r of summary.runs) {
      expect(r.final.total).toBe(r.final.sensitive + r.final.persister + r.final.resistant);
      expect(Object.keys(r.clones)).toEqual(['surviving_barcodes', 'largest_clone_share', 'shannon_diversity']);
      const mine = checks.filter((c) => Number(c[0]) === r.replicate).map((c) => ({ t: Number(c[2]), conc: Number(c[6]) }));
      const given = mine.reduce((a, c, i) => a + c.conc * ((mine[i + 1]?.t ?? 480) - c.t), 0);
      expect(r.cumulative_dose.chemo).toBeCloseTo(given, 6);
    }
  });

  it("the concentration in timeseries.csv is the replicate's own decision", () => {
    const checks = rows(read('dosing.csv'));
    const series = rows(read('timeseries.csv'));
    const conc = series[0].length - 2; // ..., stress, conc_chemo, resistant
    for (const c of checks) {
      const row = series.find((r) => r[0] === c[0] && r[1] === c[2]);
      if (row !== undefined) expect(row[conc]).toBe(c[6]);
    }
  });

  it('persim report reads the clonal files back', () => {
    const r = persim(['report', out]);
    expect(r.status).toBe(0);
    const html = read('report.html');
    expect(html).toContain('Clone sizes');
    expect(html).toContain('Adaptive dosing');
  });

  it('persim explain speaks of resistance and of the adaptive rule', () => {
    const r = persim(['explain', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Genetic resistance (SCIENCE.md D7)');
    expect(r.stdout).toContain('Adaptive dosing (Zhang 2017)');
    expect(r.stdout).not.toContain('Expected burden at the end of each schedule phase');
  });
});

describe('bad clonal input', () => {
  it('exits 2 with the line and field, and writes nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, SCENARIO.replace('  resistant:\n    doubling_time: 40h\n', ''));
    const out = join(dir, 'out');
    mkdirSync(dir, { recursive: true });
    const r = persim(['run', file, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:21:3: mutation: mutation needs a resistant phenotype/);
    expect(r.stderr).toMatch(/bad\.yaml:10:23: population\.resistant_fraction: resistant cells need a resistant phenotype/);
    expect(existsSync(out)).toBe(false);
  });

  it('engine: population runs a resistant phenotype under the FOSL1 switch', () => {
    const dir = tempDir();
    const file = join(dir, 'pop.yaml');
    const fosl1 = 'switch:\n  model: fosl1\n  basal: 0.025/h\n  feedback: 0.045/h\n  half_saturation: 1\n  hill: 8\n  decay: 0.05/h\n  noise: 0.03\n  on_threshold: 1.2\n  off_threshold: 1\n';
    writeFileSync(file, SCENARIO.replace('seed: 4', 'seed: 4\nengine: population').replace('switch:\n  entry_rate: 1e-3/h\n  exit_rate: 0.01/h\n', fosl1).replace('  persister_fraction: 0.02\n', ''));
    const out = join(dir, 'out');
    const r = persim(['run', file, '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.engine).toBe('population');
    for (const run of summary.runs) expect(run.final.total).toBe(run.final.sensitive + run.final.persister + run.final.resistant);
    for (const name of ['clones.csv', 'levels.csv', 'levels.png']) expect(existsSync(join(out, name))).toBe(true);
  });
});
