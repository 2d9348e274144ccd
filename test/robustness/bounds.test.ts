// Scenarios that validated and then crashed Node, ran forever, or were refused only by `run`
// (issue 14 items 2, 3, 6) and messages that blamed the wrong field (item 15): each input is
// kept in test/robustness/inputs/, and each must now fail validation with exit 2 at the
// field the user wrote, naming the limit of model/limits.ts, before anything is allocated.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { barcodeCap } from '../../src/engine/populationClones.js';
import { AGENT_MAX_CELLS, MAX_CLONE_ROWS, MAX_RATE_PER_H, MAX_REPLICATE_RECORDS, POPULATION_MAX_BARCODES } from '../../src/model/limits.js';
import { ScenarioError, type ScenarioIssue } from '../../src/scenario/errors.js';
import { loadScenarioFile, loadScenarioText } from '../../src/scenario/load.js';
import { persim, ROOT, tempDir } from '../helpers/cli.js';

const INPUTS = join(ROOT, 'test/robustness/inputs');
const input = (name: string) => join(INPUTS, name);

function issuesOf(file: string | (() => unknown), sets: string[] = []): readonly ScenarioIssue[] {
  try {
    if (typeof file === 'string') loadScenarioFile(file, sets);
    else file();
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues;
    throw err;
  }
  throw new Error(`${file} loaded`);
}

const cases: [string, Partial<ScenarioIssue>, RegExp][] = [
  ['horizon-1e300.yaml', { path: 'time.horizon', line: 6, found: '1.00e300 h' }, /record times, more than 100000 .*a horizon <= 2\.40e6 h/],
  ['horizon-2pow70.yaml', { path: 'time.horizon', line: 6 }, /4\.92e19 record times/],
  ['replicates-1e12.yaml', { path: 'replicates', line: 4 }, /out of range \(expected an integer in \[1, 100000\]/],
  ['half-life-1e-9h.yaml', { path: 'drugs[0].half_life', line: 22 }, /4\.80e11 steps over the horizon \(48 h\), more than 1\.00e6 \(expected a half_life >= 4\.80e-4 h/],
  ['fosl1-feedback-1e5.yaml', { path: 'switch.feedback', line: 17 }, /out of range \(expected a rate in \[0, 1000\/h\], found "1e5\/h"\)/],
  ['fosl1-feedback-900.yaml', { path: 'switch.feedback', line: 17 }, /5\.85e7 steps over the horizon .*found 900\/h, so steps of 8\.20e-6 h/],
  ['agent-1e15-cells.yaml', { path: 'engine', line: 7 }, /the agent engine holds at most 5\.00e7 cells .*population\.initial is 1\.00e15/],
  ['persister-fraction-3.yaml', { path: 'population.persister_fraction', line: 9, found: '3' }, /expected a number in \[0, 1\]/],
  ['drug-sensitivity-1e6.yaml', { path: 'phenotypes.persister.drug_sensitivity', line: 14, found: '1.00e6' }, /a persister kill of up to 80000\/h .*expected a drug_sensitivity <= 12500/],
  ['kill-drugs-sum-1600.yaml', { path: 'drugs[1].potency', line: 29, found: '800/h' }, /together kill sensitive cells at up to 1600\/h .*sum to <= 1000\/h \(here <= 200\/h\)/],
  ['fosl1-noise-1e300.yaml', { path: 'switch.noise', line: 21 }, /expected a noise <= 25\.3 \(sqrt\(1000\/h\) x on_threshold\)/],
  ['fosl1-inheritance-noise-1e300.yaml', { path: 'switch.inheritance_noise', line: 24 }, /expected an inheritance_noise <= 800 \(1000 x on_threshold\)/],
  ['fosl1-hill-1000.yaml', { path: 'switch.hill', line: 19, found: '1000' }, /\(level \/ half_saturation\)\^hill overflows .*expected a hill <= 695 with half_saturation 1/],
  ['lineage-5e7-three-samples.yaml', { path: 'lineage.sample_at', line: 23, found: '3 sample times' }, /up to 5\.00e7 barcodes counted at 3 sample times and at relapse in 1 replicate are 2\.00e8 clone rows, more than the 1\.00e8 .*expected at most 1 sample time/],
  ['lineage-population-replicates.yaml', { path: 'lineage.sample_at', line: 21 }, /up to 2048 barcodes counted at 5 sample times and at relapse in 10000 replicates are 1\.23e8 clone rows, .*expected at most 3 sample times/],
  ['fractions-over-one.yaml', { path: 'population.resistant_fraction', line: 10, found: '0.5' }, /persister_fraction 0\.7 \+ resistant_fraction 0\.5 is 1\.2.*<= 1 - persister_fraction = 0\.3/],
];

describe('validation refuses what a run cannot do, at the field written', () => {
  for (const [file, where, says] of cases) {
    it(file, () => {
      const issues = issuesOf(input(file));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject(where);
      expect(new ScenarioError(issues).format()).toMatch(says);
    });
  }

  it('rates of 1e300/h: each of the three is refused at its own line', () => {
    const issues = issuesOf(input('rates-1e300.yaml'));
    expect(issues.map((i) => i.path)).toEqual(['phenotypes.sensitive.division_rate', 'switch.induced_entry_rate', 'switch.exit_rate_on_drug']);
    for (const i of issues) expect(i.expected).toBe(`a rate in [0, ${MAX_RATE_PER_H}/h]`);
  });

  it('rates that stand for others: a doubling time, an exit half-life', () => {
    const tiny = input('tiny.yaml');
    expect(issuesOf(tiny, ['phenotypes.sensitive.doubling_time=1e-9h'])[0].message).toBe('a division rate of 6.93e8/h, faster than a run can follow');
    const halfLife = readFileSync(tiny, 'utf8').replace('  exit_rate: 0.01/h', '  exit_half_life: 1e-9h');
    expect(issuesOf(() => loadScenarioText(halfLife, 'half.yaml'))[0]).toMatchObject({ path: 'switch.exit_half_life', expected: 'an exit_half_life >= 6.93e-4 h' });
  });

  it('a tiny half_saturation is blamed on itself, with the bound it needs', () => {
    const [issue] = issuesOf(input('fosl1-feedback-900.yaml'), ['switch.feedback=0/h', 'switch.half_saturation=1e-300']);
    expect(issue).toMatchObject({ path: 'switch.half_saturation', set: 'switch.half_saturation=1e-300' });
    // The level reaches 0.8 (the on threshold) + 10 sd of its noise 0.02 over 1 / (2 decay) = 25 h: 1.8, and 1.8 / 10^(300/8) = 5.69e-38.
    expect(issue.expected).toBe('a half_saturation >= 5.69e-38 with hill 8');
  });

  it('integers name their real upper bound, 2^53 - 1', () => {
    const tiny = input('tiny.yaml');
    expect(issuesOf(tiny, ['seed=1e20'])[0].expected).toBe(`an integer in [0, ${Number.MAX_SAFE_INTEGER}]`);
    expect(issuesOf(tiny, ['population.initial=1e16'])[0].expected).toBe(`an integer in [1, ${Number.MAX_SAFE_INTEGER}]`);
  });

  it('the limits are limits, not lower: a rate of 1000/h and 5e7 agent cells load', () => {
    const tiny = input('tiny.yaml');
    expect(loadScenarioFile(tiny, ['switch.exit_rate=1000/h']).scenario.switch).toMatchObject({ exitRate: MAX_RATE_PER_H });
    expect(loadScenarioFile(tiny, ['engine=agent', `population.initial=${AGENT_MAX_CELLS}`]).scenario.population.initial).toBe(AGENT_MAX_CELLS);
  });

  it('replicates x record times is bounded (the rows of timeseries.csv)', () => {
    const [issue] = issuesOf(input('tiny.yaml'), ['replicates=100000', 'time.record_every=0.5h']);
    expect(issue.path).toBe('replicates');
    expect(issue.expected).toBe(`at most ${Math.floor(MAX_REPLICATE_RECORDS / 98)} replicates, or a longer time.record_every`);
  });

  it('a dt, a record interval and an adaptive check interval too small for the horizon', () => {
    const tiny = input('tiny.yaml');
    expect(issuesOf(tiny, ['time.dt=1e-9h'])[0]).toMatchObject({ path: 'time.dt', set: 'time.dt=1e-9h' });
    expect(issuesOf(tiny, ['time.record_every=1e-6h'])[0]).toMatchObject({ path: 'time.record_every' });
    const adaptive = join(ROOT, 'scenarios/12-adaptive-therapy.yaml');
    expect(issuesOf(adaptive, ['drugs.0.schedule.0.adaptive.check_every=1e-6h'])[0].path).toBe('drugs[0].schedule[0].adaptive.check_every');
  });

  it('a periodic block of 1e12 doses is refused before the doses are listed', () => {
    const text = readFileSync(input('half-life-1e-9h.yaml'), 'utf8').replace('1e-9h', '20h');
    expect(loadScenarioText(text, 'doses.yaml').drugs[0].doses).toHaveLength(1);
    const issues = issuesOf(() => loadScenarioText(text.replace('      - at: [1d]', '      - every: 1h\n        count: 1e12'), 'doses.yaml'));
    expect(issues[0]).toMatchObject({ path: 'drugs[0].schedule[0].count', message: 'out of range', expected: 'an integer in [1, 100000]' });
  });
});

describe('a steep Hill term is a step, not NaN', () => {
  it('a drug of hill 1000 at twice its ec50 runs (it never ended): effect and stress 1', () => {
    const out = join(tempDir(), 'out');
    const r = persim(['run', input('drug-hill-1000.yaml'), '--out', out, '-q'], { timeoutMs: 30_000 });
    expect(r.status).toBe(0);
    const rows = readFileSync(join(out, 'timeseries.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const dosed = rows.filter((c) => Number(c[1]) < 24);
    expect(dosed.length).toBeGreaterThan(10);
    for (const c of dosed) expect(c[5]).toBe('1');
  });
});

describe('end to end: validate, run and sweep agree (exit 2, nothing written)', () => {
  for (const file of ['agent-1e15-cells.yaml', 'horizon-1e300.yaml', 'arms-agent-1e15.yaml']) {
    it(file, () => {
      const out = join(tempDir(), 'out');
      const validate = persim(['validate', input(file)]);
      const run = persim(['run', input(file), '--out', out], { timeoutMs: 30_000 });
      const sweep = persim(['sweep', input(file), '--vary', 'population.initial=100,200', '--out', out], { timeoutMs: 30_000 });
      expect([validate.status, run.status, sweep.status]).toEqual([2, 2, 2]);
      expect(validate.stderr).toMatch(/the agent engine holds at most|record times/);
      expect(run.stderr).toBe(validate.stderr);
      expect(sweep.stderr).toBe(validate.stderr);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('a sweep of a scenario with arms says that it runs the scenario without them', () => {
    const text = readFileSync(input('arms-agent-1e15.yaml'), 'utf8').replace(/ {2}- name: big agent[\s\S]*$/, '');
    const file = join(tempDir(), 'arms.yaml');
    writeFileSync(file, text);
    const r = persim(['sweep', file, '--vary', 'population.initial=100,200', '--out', join(tempDir(), 'out')], { timeoutMs: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('note: a sweep runs the scenario without its arm (control); to sweep an arm, give its overrides with --set\n');
  });
});

describe('lineage barcodes: the clone rows a run may hold (issue 14 item 4)', () => {
  it('one barcode per cell of 5e7 cells at one sample time validates; the cap is the population engine\'s', () => {
    const text = readFileSync(input('lineage-5e7-three-samples.yaml'), 'utf8');
    expect(() => loadScenarioText(text.replace('[0.1h, 0.2h, 0.3h]', '[0.1h]'), 'one.yaml')).not.toThrow();
    expect(AGENT_MAX_CELLS * 2).toBe(MAX_CLONE_ROWS);
    expect(barcodeCap(2)).toBe(POPULATION_MAX_BARCODES);
    // Without sample_at the relapse count alone is bounded, at the lineage block's own line.
    const relapseOnly = issuesOf(() => loadScenarioText(text.replace('replicates: 1', 'replicates: 3').replace('  sample_at: [0.1h, 0.2h, 0.3h]\n', ''), 'r.yaml'));
    expect(relapseOnly.map((i) => [i.path, i.expected])).toEqual([['lineage.sample_at', 'fewer replicates or initial cells']]);
  });
});
