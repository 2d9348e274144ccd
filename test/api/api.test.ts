// The library API against the CLI: the same summary.json and timeseries.csv bytes for the
// same scenario and seed (plain, with arms, under the FOSL1 switch), the same located
// errors, the same explain text, the same sweep files; progress and abort.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, loadScenario, runScenario, ScenarioError, type RunOptions } from '../../src/api/browser.js';
import { checkCalibration, loadScenarioFile, runSweep } from '../../src/api/index.js';
import { roundedJson } from '../../src/fit/outputs.js';
import { growingWell } from '../fit/growingWell.js';
import { MINIMAL } from '../scenario/fixtures.js';
import { persim, ROOT, tempDir } from '../helpers/cli.js';
import { scenarioFile } from '../sweep/fixtures.js';

const written = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const asCliWrites = (x: unknown) => JSON.stringify(x, null, 2) + '\n';

describe('runScenario gives the bytes of persim run', () => {
  it.each([
    ['scenarios/01-biphasic-kill.yaml', { seed: 7, replicates: 3 }],
    ['scenarios/04-fosl1-switch.yaml', { seed: 2, replicates: 1 }],
  ] as [string, RunOptions][])('%s %o', async (file, opts) => {
    const out = tempDir();
    const cli = persim(['run', file, '--seed', String(opts.seed), '--replicates', String(opts.replicates), '--no-charts', '-q', '--out', out]);
    expect(cli.status, cli.stderr).toBe(0);
    const loaded = loadScenario(readFileSync(join(ROOT, file), 'utf8'), { file });
    const result = await runScenario(loaded, opts);
    expect(asCliWrites(result.summary)).toBe(written(out, 'summary.json'));
    expect(result.timeseries.csv()).toBe(written(out, 'timeseries.csv'));
    expect(result.arms).toBeUndefined();
    const r1 = result.timeseries.replicates[0];
    expect(result.timeseries.timesH.length).toBe(r1.sensitive.length);
    expect(result.summary.runs[0].final.sensitive).toBe(r1.sensitive[r1.sensitive.length - 1]);
  });

  it('with arms: every arm summary.json and arms.json', async () => {
    const file = 'scenarios/09-pre-existing-vs-induced.yaml';
    const out = tempDir();
    const cli = persim(['run', file, '--replicates', '20', '--no-charts', '-q', '--out', out]);
    expect(cli.status, cli.stderr).toBe(0);
    const result = await runScenario(loadScenario(readFileSync(join(ROOT, file), 'utf8'), { file }), { replicates: 20 });
    expect(result.arms).toBeDefined();
    const { comparison, runs } = result.arms!;
    expect(asCliWrites(comparison)).toBe(written(out, 'arms.json'));
    expect(runs.map((r) => r.name)).toEqual(comparison.arms.map((a) => a.name));
    for (const arm of runs) {
      expect(asCliWrites(arm.summary)).toBe(written(out, `${arm.slug}/summary.json`));
      expect(arm.timeseries.csv()).toBe(written(out, `${arm.slug}/timeseries.csv`));
    }
    expect(result.summary).toBe(runs[0].summary);
  });
});

describe('loadScenario', () => {
  it('throws the ScenarioError of persim validate, every issue located', () => {
    const text = MINIMAL.replace('division_rate: 0.5/d', 'division_rate: fast').replace('initial: 1000', 'initial: -3');
    const dir = tempDir();
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, text);
    const cli = persim(['validate', path]);
    expect(cli.status).toBe(2);
    let error: unknown;
    try {
      loadScenario(text, { file: path });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const e = error as ScenarioError;
    expect(e.issues.map((i) => [i.line, i.path])).toEqual([[5, 'population.initial'], [8, 'phenotypes.sensitive.division_rate']]);
    expect(cli.stderr).toBe(e.format() + '\n');
  });

  it('takes a plain object, and overrides as --set; a bad override is located at it', async () => {
    const obj = { name: 'from an object', time: { horizon: '2d', record_every: '1d' }, population: { initial: 50 }, phenotypes: { sensitive: { division_rate: '0.5/d' } } };
    const loaded = loadScenario(obj, { set: ['seed=11'] });
    expect(loaded.scenario.seed).toBe(11);
    expect(loaded.file).toBe('scenario.yaml');
    const { summary } = await runScenario(loaded, { replicates: 2 });
    expect(summary.scenario.overrides).toEqual(['seed=11', 'replicates=2']);
    expect(summary.replicates).toBe(2);
    await expect(runScenario(loaded, { replicates: 0 })).rejects.toThrow(/--set replicates=0: replicates/);
  });
});

describe('runScenario: progress and abort', () => {
  const loaded = loadScenario(MINIMAL.replace('initial: 1000', 'initial: 200'));
  it('reports every replicate', async () => {
    const seen: number[] = [];
    await runScenario(loaded, { replicates: 4, onProgress: ({ done, total }) => seen.push(done * 10 + total) });
    expect(seen).toEqual([14, 24, 34, 44]);
  });

  it('an aborted signal rejects with its reason and runs nothing more', async () => {
    const controller = new AbortController();
    let done = 0;
    const run = runScenario(loaded, {
      replicates: 50,
      signal: controller.signal,
      onProgress: (p) => {
        done = p.done;
        if (p.done === 3) controller.abort(new Error('enough'));
      },
    });
    await expect(run).rejects.toThrow('enough');
    expect(done).toBe(3);
  });
});

describe('explain as data', () => {
  it('is the text of persim explain, in sections, with the two-state theory', () => {
    const file = 'scenarios/01-biphasic-kill.yaml';
    const cli = persim(['explain', file]);
    expect(cli.status).toBe(0);
    const e = explain(loadScenarioFile(join(ROOT, file)));
    expect(e.sections[0].title).toBe('persim explain: 01 Biphasic kill');
    expect(e.text + '\n').toBe(cli.stdout);
    expect(e.sections.map((s) => [s.title, ...s.lines].join('\n')).join('\n\n')).toBe(e.text);
    const off = e.sections.find((s) => s.title === 'Off drug')!;
    const [lo, hi] = e.offDrug!.eigenvaluesPerDay;
    expect(off.lines.join('\n')).toContain(`Eigenvalues: ${Number(lo.toPrecision(4))} and ${Number(hi.toPrecision(4))} per day.`);
    // The eigenvalues of A: trace and determinant.
    const [[a, b], [c, d]] = e.offDrug!.matrixPerDay;
    expect(lo + hi).toBeCloseTo(a + d, 12);
    expect(lo * hi).toBeCloseTo(a * d - b * c, 12);
    expect(e.peakDrug!.eigenvaluesPerDay[1]).toBeLessThan(hi);
  });
});

describe('runSweep', () => {
  it('writes the files of persim sweep, byte for byte, and returns each point', async () => {
    const file = scenarioFile();
    const vary = ['drugs.blocker.potency=0,0.9'];
    const cliOut = tempDir();
    const cli = persim(['sweep', file, '--vary', vary[0], '--replicates', '3', '-q', '--workers', '1', '--out', cliOut]);
    expect(cli.status, cli.stderr).toBe(0);
    const out = tempDir();
    let last = { done: 0, total: 0 };
    const result = await runSweep(loadScenarioFile(file), { out, vary, replicates: 3, workers: 0, onProgress: (p) => (last = p) });
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    expect(result.summaries.map((s) => s.replicates)).toEqual([3, 3]);
    expect(last).toEqual({ done: 6, total: 6 });
    for (const f of ['sweep.csv', 'runs.csv', 'sweep.json']) expect(written(out, f), f).toBe(written(cliOut, f));
  });
});

describe('checkCalibration', () => {
  it('gives the calibration.json of persim fit --check-calibration, byte for byte, and a record per refit', async () => {
    const dir = tempDir();
    const file = join(dir, 'well.yaml');
    writeFileSync(file, growingWell(8));
    writeFileSync(join(dir, 'well.csv'), 'day,subject,arm,observable,value,n_cells\n1,w1,,cells,1.3e5,\n4,w1,,cells,3e5,\n');
    const cliOut = tempDir();
    const cli = persim(['fit', file, '--check-calibration', '3', '--shard', '1/2', '--workers', '1', '-q', '--out', cliOut]);
    expect(cli.status, cli.stderr).toBe(0);
    let last = { done: 0, total: 0 };
    const r = await checkCalibration(readFileSync(file, 'utf8'), { file, refits: 3, shard: '1/2', workers: 0, onProgress: (p) => (last = p) });
    expect(r.records.map((x) => x.refit)).toEqual([2]); // refits k with (k - 1) mod 2 = 1
    expect({ done: last.done, total: last.total }).toEqual({ done: 1, total: 1 });
    expect(roundedJson(r.json)).toBe(written(cliOut, 'calibration.json'));
  });
});
