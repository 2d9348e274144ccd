// `persim fit` end to end, from the built bundle (dist/cli.js, with dist/fit-worker.js for the
// worker threads): a tiny fit (1000 cells, 12 days, 2 subjects x 5 times, 24 particles) writes
// every output with its promised shape, gives the same bytes for 1 and 2 workers
// and after --resume (also after Ctrl-C mid-fit), prints fit.json with --format json, and bad
// input exits 2 writing nothing.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { observationsCsv, synthesize } from '../../src/fit/synthetic.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { persim, ROOT, tempDir } from '../helpers/cli.js';

const SCENARIO = `name: tiny fit
seed: 5
replicates: 2
time:
  horizon: 12d
  record_every: 1d
population:
  initial: 1000
  persister_fraction: 0.01
phenotypes:
  sensitive:
    division_rate: 0.5/d
    death_rate: 0.1/d
  persister:
    division_rate: 0.001/h
    death_rate: 0.0005/h
switch:
  model: two-state
  entry_rate: 2e-3/d
  induced_entry_rate: 0.1/d
  exit_rate: 0.01/h
drugs:
  - name: chemo
    effect: kill
    potency: 0.05/h
    schedule:
      - at: [0d]
        dose: 10
        duration: 4d
fit:
  data: data.csv
  parameters:
    phenotypes.sensitive.division_rate: { prior: log-uniform, min: 0.1/d, max: 2/d }
    switch.induced_entry_rate:          { prior: log-uniform, min: 1e-3/d, max: 1/d }
  observables:
    count: { quantity: total, noise: log-normal, sd: 0.5 }
  particles: 24
`;

const PATHS = ['phenotypes.sensitive.division_rate', 'switch.induced_entry_rate'];
const SAME_BYTES = ['posterior.csv', 'posterior_summary.csv', 'predict.csv'];
const OUTPUTS = [...SAME_BYTES, 'fit.json', 'posterior-pairs.png', 'fit-data.png', 'predict-relapse.png', 'fit-state.json'];

/** A folder holding the scenario and its data, made by persim at the scenario's own rates. */
function fitFolder(): { dir: string; file: string; data: string } {
  const dir = tempDir('persim-fit-');
  const file = join(dir, 'tiny.yaml');
  writeFileSync(file, SCENARIO);
  const scenario = loadScenarioText(SCENARIO, file);
  const rows = synthesize({
    arms: [{ name: '', scenario, subjects: 2 }],
    observables: [{ name: 'count', quantity: 'total', scale: 1, noise: 'log-normal', sd: 0.5 }],
    measurements: [{ observable: 'count', timesH: [1, 3, 6, 9, 12].map((d) => d * 24) }],
    seed: 9,
  });
  const data = join(dir, 'data.csv');
  writeFileSync(data, observationsCsv(rows));
  return { dir, file, data };
}

function runFitCli(file: string, out: string, ...extra: string[]) {
  const r = persim(['fit', file, '--out', out, ...extra]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r;
}

const bytes = (dir: string, f: string) => readFileSync(join(dir, f));

describe('persim fit on a tiny fit', () => {
  const { dir, file } = fitFolder();
  const w2 = join(dir, 'w2');
  const w1 = join(dir, 'w1');

  it('exits 0 and writes every output with its promised shape', () => {
    runFitCli(file, w2, '--workers', '2', '-q');
    for (const f of OUTPUTS) expect(existsSync(join(w2, f)), f).toBe(true);

    const posterior = readFileSync(join(w2, 'posterior.csv'), 'utf8').trimEnd().split('\n');
    expect(posterior[0]).toBe(['particle', 'weight', ...PATHS].join(','));
    const rows = posterior.slice(1).map((l) => l.split(',').map(Number));
    expect(rows).toHaveLength(24);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    for (const r of rows) {
      expect(r).toHaveLength(2 + PATHS.length);
      expect(r.every(Number.isFinite)).toBe(true);
      // Inside the priors, in /h: 0.1/d..2/d and 1e-3/d..1/d.
      expect(r[2]).toBeGreaterThanOrEqual(0.1 / 24);
      expect(r[2]).toBeLessThanOrEqual(2 / 24);
      expect(r[3]).toBeGreaterThanOrEqual(1e-3 / 24);
      expect(r[3]).toBeLessThanOrEqual(1 / 24);
    }
    // Weights are written at 6 significant digits; their sum is 1 up to that rounding (24 x 5e-8).
    const sum = rows.reduce((a, r) => a + r[1], 0);
    expect(Math.abs(sum - 1)).toBeLessThan(24 * 5e-8 + 1e-9);

    const summary = readFileSync(join(w2, 'posterior_summary.csv'), 'utf8').trimEnd().split('\n');
    expect(summary[0]).toBe('parameter,unit,prior,mean,median,q05,q95,contraction');
    expect(summary.slice(1).map((l) => l.split(',')[0])).toEqual(PATHS);
    expect(summary[1]).toMatch(/^phenotypes\.sensitive\.division_rate,\/h,"log-uniform\(0\.1\/d, 2\/d\)",/);

    const predict = readFileSync(join(w2, 'predict.csv'), 'utf8').trimEnd().split('\n');
    expect(predict[0].split(',')[0]).toBe('arm');
    expect(predict).toHaveLength(2); // no arms: one row, the scenario itself (arm '')
    expect(predict[1].split(',')[0]).toBe('');

    const json = JSON.parse(readFileSync(join(w2, 'fit.json'), 'utf8'));
    expect(json.generations.length).toBeGreaterThan(1);
    expect(json.generations.at(-1).temperature).toBe(1);
    const temps = json.generations.map((g: { temperature: number }) => g.temperature);
    expect(temps).toEqual([...temps].sort((a, b) => a - b));
    expect(json.final.particles).toBe(24);
    expect(json.data).toMatchObject({ observations: 10, subjects: 2 });

    for (const png of ['posterior-pairs.png', 'fit-data.png', 'predict-relapse.png']) {
      expect(bytes(w2, png).subarray(1, 4).toString('latin1'), png).toBe('PNG');
    }
    const state = JSON.parse(readFileSync(join(w2, 'fit-state.json'), 'utf8'));
    expect(state.finished).toBe(true);
  });

  it('1 worker gives the bytes of 2 workers; --format json prints fit.json', () => {
    const r = runFitCli(file, w1, '--workers', '1', '--format', 'json', '-q');
    for (const f of SAME_BYTES) expect(bytes(w1, f), f).toEqual(bytes(w2, f));
    const printed = JSON.parse(r.stdout);
    expect(Array.isArray(printed.generations)).toBe(true);
    expect(printed.generations.at(-1).temperature).toBe(1);
    expect(printed.final.particles).toBe(24);
    // stdout is fit.json, byte for byte (6 significant digits, as written).
    expect(r.stdout).toBe(readFileSync(join(w1, 'fit.json'), 'utf8'));
  });

  it('--resume on a finished fit predicts again and gives the same bytes', () => {
    const r = persim(['fit', file, '--out', w2, '--workers', '1', '--resume', '-q']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of SAME_BYTES) expect(bytes(w2, f), f).toEqual(bytes(w1, f));
  });

  it('Ctrl-C mid-fit: exit 130, the last finished generation kept, the resume command printed; --resume gives the same bytes', async () => {
    const w3 = join(dir, 'w3');
    const child = spawn(process.execPath, [join(ROOT, 'bin/persim.js'), 'fit', file, '--out', w3, '--workers', '1', '-q'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const state = join(w3, 'fit-state.json');
    const deadline = Date.now() + 60_000;
    while (!existsSync(state) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/Ctrl-C: stopping the workers, keeping the last finished generation in \S+fit-state\.json\.\.\.\ninterrupted: resume with: persim fit \S+tiny\.yaml .*--resume\n$/);
    const kept = JSON.parse(readFileSync(state, 'utf8'));
    expect(kept.finished).toBe(false); // stopped mid-way, not after the end
    expect(existsSync(join(w3, 'posterior.csv'))).toBe(false);
    const resumed = persim(['fit', file, '--out', w3, '--workers', '1', '--resume', '-q']);
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    for (const f of SAME_BYTES) expect(bytes(w3, f), f).toEqual(bytes(w1, f));
  });

  it('an unfinished fit-state.json without --resume: exit 2, naming --resume, nothing touched', () => {
    const out = join(dir, 'unfinished');
    cpSync(w1, out, { recursive: true });
    const state = JSON.parse(readFileSync(join(out, 'fit-state.json'), 'utf8'));
    writeFileSync(join(out, 'fit-state.json'), JSON.stringify({ ...state, finished: false }));
    for (const f of SAME_BYTES) writeFileSync(join(out, f), 'stale\n');
    const before = readdirSync(out).sort();

    const refused = persim(['fit', file, '--out', out, '--workers', '1', '-q']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/holds an unfinished fit \(generation \d+, temperature 1\.00\): continue it with --resume/);
    expect(readdirSync(out).sort()).toEqual(before);
    for (const f of SAME_BYTES) expect(readFileSync(join(out, f), 'utf8')).toBe('stale\n');

    // With --resume it continues exactly as a finished state does (readFitState does not
    // look at `finished` when resuming), which the test above covers.
  });

  it('--resume where no fit was made exits 2', () => {
    const out = join(dir, 'never');
    const r = persim(['fit', file, '--out', out, '--resume', '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--resume: .* holds no fit to resume \(no fit-state\.json\)/);
    expect(existsSync(join(out, 'fit-state.json'))).toBe(false);
  });
});

describe('persim fit on bad input exits 2 and writes nothing', () => {
  const { dir, file, data } = fitFolder();

  it('a data row with an unknown observable: the message names the CSV file and line', () => {
    const lines = readFileSync(data, 'utf8').split('\n');
    lines[3] = lines[3].replace(',count,', ',counts,');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, lines.join('\n'));
    const out = join(dir, 'out-bad-data');
    const r = persim(['fit', file, '--data', bad, '--out', out, '-q']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}:4:`);
    expect(r.stderr).toMatch(/observable: unknown observable 'counts' \(observables of the fit: block: count\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('a prior with min >= max: the message names the scenario file:line:column', () => {
    const badFile = join(dir, 'bad-prior.yaml');
    writeFileSync(badFile, SCENARIO.replace('min: 0.1/d, max: 2/d', 'min: 2/d, max: 0.1/d'));
    const line = SCENARIO.split('\n').findIndex((l) => l.includes('min: 0.1/d, max: 2/d')) + 1;
    const out = join(dir, 'out-bad-prior');
    const r = persim(['fit', badFile, '--out', out, '-q']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`bad-prior\\.yaml:${line}:\\d+: fit\\.parameters\\.phenotypes\\.sensitive\\.division_rate\\.max: the prior needs min < max`));
    expect(existsSync(out)).toBe(false);
  });
});
