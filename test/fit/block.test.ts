import { describe, expect, it } from 'vitest';
import { readFitSpec } from '../../src/fit/block.js';
import { DEFAULT_PARTICLES } from '../../src/fit/types.js';
import { ScenarioError, type ScenarioIssue } from '../../src/scenario/errors.js';
import { loadScenarioText, parseScenarioDocument } from '../../src/scenario/load.js';

const BASE = `name: fit test
time:
  horizon: 60d
population:
  initial: 1000
phenotypes:
  sensitive:
    division_rate: 0.5/d
switch:
  entry_rate: 1e-3/d
  exit_rate: 0.01/h
arms:
  - name: 2on2off_x2
    set: { switch.exit_rate: 0.02/h }
  - name: continuous_28d
`;

const FIT = `fit:
  data: observations.csv
  parameters:
    phenotypes.sensitive.division_rate: { prior: log-uniform, min: 0.02/d, max: 2/d }
    switch.entry_rate: { prior: log-uniform, min: 1e-4/d, max: 0.1/d }
    time.horizon: { prior: normal, mean: 50d, sd: 2d }
    population.persister_fraction: { prior: uniform, min: 0, max: 0.5 }
  observables:
    volume_mm3: { quantity: total, scale: 1e-6, noise: log-normal, sd: { prior: log-uniform, min: 0.05, max: 0.5 } }
    persister_count: { quantity: persister, noise: binomial }
  particles: 1000
  predict: [continuous_28d]
`;

const read = (text: string, file = 'dir/s.yaml') => readFitSpec(parseScenarioDocument(text, file));

function issuesOf(text: string): ScenarioIssue[] {
  try {
    read(text);
  } catch (err) {
    if (err instanceof ScenarioError) return [...err.issues];
    throw err;
  }
  throw new Error('expected a ScenarioError');
}

/** The one issue of BASE + the fit block with `line` (1-based within FIT) replaced. */
function issueWith(lineNo: number, replacement: string): ScenarioIssue {
  const lines = FIT.split('\n');
  lines[lineNo - 1] = replacement;
  const issues = issuesOf(BASE + lines.join('\n'));
  expect(issues).toHaveLength(1);
  return issues[0];
}

const BASE_LINES = BASE.split('\n').length - 1;

describe('the fit: block', () => {
  it('is accepted by the loader, and the engine does not see it', () => {
    const s = loadScenarioText(BASE + FIT, 's.yaml');
    expect(s).not.toHaveProperty('fit');
    expect(s.name).toBe('fit test');
  });

  it('round-trips to a FitSpec in engine units', () => {
    const spec = read(BASE + FIT);
    expect(spec.dataFile).toBe('dir/observations.csv');
    expect(spec.particles).toBe(1000);
    expect(spec.predict).toEqual(['continuous_28d']);
    expect(spec.parameters.map((p) => [p.path, p.unit, p.target.kind])).toEqual([
      ['phenotypes.sensitive.division_rate', '/h', 'scenario'],
      ['switch.entry_rate', '/h', 'scenario'],
      ['time.horizon', 'h', 'scenario'],
      ['population.persister_fraction', '', 'scenario'],
      ['observables.volume_mm3.sd', '', 'noise-sd'],
    ]);
    const [div, entry, horizon, frac, sd] = spec.parameters;
    expect(div.prior).toEqual({ kind: 'log-uniform', min: 0.02 / 24, max: 2 / 24, mean: null, sd: null, text: 'log-uniform(0.02/d, 2/d)' });
    expect(entry.prior.min).toBeCloseTo(1e-4 / 24, 15);
    expect(horizon.prior).toMatchObject({ kind: 'normal', mean: 1200, sd: 48, text: 'normal(50d, 2d)' });
    expect(frac.prior).toMatchObject({ kind: 'uniform', min: 0, max: 0.5, text: 'uniform(0, 0.5)' });
    expect(sd.target).toEqual({ kind: 'noise-sd', observable: 'volume_mm3' });
    expect(sd.prior).toMatchObject({ kind: 'log-uniform', min: 0.05, max: 0.5 });
    expect(spec.observables).toEqual([
      { name: 'volume_mm3', quantity: 'total', scale: 1e-6, noise: 'log-normal', sd: null },
      { name: 'persister_count', quantity: 'persister', scale: 1, noise: 'binomial', sd: null },
    ]);
  });

  it('defaults particles and predicts every arm, or the scenario itself without arms', () => {
    const noPredict = FIT.replace('  particles: 1000\n', '').replace('  predict: [continuous_28d]\n', '');
    const spec = read(BASE + noPredict);
    expect(spec.particles).toBe(DEFAULT_PARTICLES);
    expect(spec.tumoursPerSubject).toBeNull();
    expect(read(BASE + FIT.replace('  particles: 1000\n', '  tumours_per_subject: 32\n')).tumoursPerSubject).toBe(32);
    expect(spec.predict).toEqual(['2on2off_x2', 'continuous_28d']);
    const noArms = BASE.slice(0, BASE.indexOf('arms:'));
    expect(read(noArms + noPredict).predict).toEqual(['']);
  });

  it('a scenario without it says so', () => {
    expect(() => read(BASE)).toThrow(/s\.yaml: fit: this scenario has no fit: block/);
  });

  const cases: [string, number, string, number, number, string, RegExp][] = [
    ['an unknown key', 11, '  particle: 1000', 11, 3, 'fit.particle', /unknown key 'particle'/],
    ['a bad unit', 4, '    phenotypes.sensitive.division_rate: { prior: log-uniform, min: 0.02/y, max: 2/d }', 4, 68, 'fit.parameters.phenotypes.sensitive.division_rate.min', /unknown unit/],
    ['min >= max', 4, '    phenotypes.sensitive.division_rate: { prior: uniform, min: 2/d, max: 1/d }', 4, 74, 'fit.parameters.phenotypes.sensitive.division_rate.max', /min < max/],
    ['sd <= 0', 6, '    time.horizon: { prior: normal, mean: 50d, sd: 0d }', 6, 51, 'fit.parameters.time.horizon.sd', /sd of a prior must be > 0/],
    ['log-uniform min <= 0', 5, '    switch.entry_rate: { prior: log-uniform, min: 0, max: 0.1/d }', 5, 51, 'fit.parameters.switch.entry_rate.min', /min > 0/],
    ['an unknown prior kind', 5, '    switch.entry_rate: { prior: log-normall, min: 0, max: 0.1/d }', 5, 33, 'fit.parameters.switch.entry_rate.prior', /unknown value/],
    ['an unknown noise', 10, '    persister_count: { quantity: persister, noise: binomal }', 10, 52, 'fit.observables.persister_count.noise', /unknown value/],
    ['an unknown quantity', 10, '    persister_count: { quantity: persisters, noise: binomial }', 10, 34, 'fit.observables.persister_count.quantity', /unknown value/],
    ['a path --set cannot set', 5, '    switch.entry_rat: { prior: log-uniform, min: 1e-4/d, max: 0.1/d }', 5, 5, 'fit.parameters.switch.entry_rat', /--set cannot set/],
    ['a non-numeric path', 5, '    engine: { prior: uniform, min: 0, max: 1 }', 5, 5, 'fit.parameters.engine', /not a numeric field|cannot be fitted/],
    ['a predict arm that is not an arm', 12, '  predict: [continuous_28d, nope]', 12, 29, 'fit.predict[1]', /'nope' is not an arm/],
    ['a missing prior value', 5, '    switch.entry_rate: { prior: log-uniform, min: 1e-4/d }', 5, 24, 'fit.parameters.switch.entry_rate', /needs max/],
    ['a fixed noise sd <= 0', 9, '    volume_mm3: { quantity: total, scale: 1e-6, noise: log-normal, sd: 0 }', 9, 72, 'fit.observables.volume_mm3.sd', /out of range/],
    ['an sd on count noise', 10, '    persister_count: { quantity: persister, noise: binomial, sd: 0.1 }', 10, 62, 'fit.observables.persister_count.sd', /binomial noise has no sd/],
    ['a duplicate predicted arm', 12, '  predict: [continuous_28d, continuous_28d]', 12, 29, 'fit.predict[1]', /listed twice/],
    ['tumours per subject of 0', 11, '  tumours_per_subject: 0', 11, 24, 'fit.tumours_per_subject', /out of range|integer in \[1, 4096\]/],
    ['a missing noise sd', 9, '    volume_mm3: { quantity: total, noise: log-normal }', 9, 17, 'fit.observables.volume_mm3', /needs sd/],
  ];
  for (const [what, n, replacement, line, column, path, message] of cases) {
    it(`locates ${what}`, () => {
      const issue = issueWith(n, replacement);
      expect({ file: issue.file, line: issue.line, column: issue.column, path: issue.path }).toEqual({ file: 'dir/s.yaml', line: BASE_LINES + line, column, path });
      expect(issue.message).toMatch(message);
    });
  }
});
