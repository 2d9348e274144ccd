import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/scenario/errors.js';
import { loadScenarioText, parseScenarioDocument, resolveWithOverrides } from '../../src/scenario/load.js';
import type { Scenario, TwoStateSwitch } from '../../src/model/scenario.js';
import { FULL, MINIMAL, expectIssue, issuesOf } from './fixtures.js';

const twoState = (s: Scenario) => s.switch as TwoStateSwitch;

const load = (sets: string[], text = FULL) => loadScenarioText(text, 'full.yaml', sets);
const fail = (sets: string[], text = FULL) => issuesOf(() => load(sets, text));

describe('--set overrides', () => {
  it('override fields by dotted path, with units, before validation', () => {
    const s = load(['switch.entry_rate=2e-4/h', 'replicates=10', 'time.dt=30min', 'engine=agent', 'description=changed']);
    expect(twoState(s).entryRate).toBe(2e-4);
    expect(s.replicates).toBe(10);
    expect(s.time.dtH).toBe(0.5);
    expect(s.engine).toBe('agent');
    expect(s.description).toBe('changed');
  });

  it('select a drug by index or by name', () => {
    expect(load(['drugs.0.potency=0.1/h']).drugs[0].potency).toBe(0.1);
    expect(load(['drugs.paclitaxel.potency=2.4/d']).drugs[0].potency).toBeCloseTo(0.1, 15);
    expect(load(['drugs.paclitaxel.schedule.1.at=[1d, 2d]']).drugs[0].doses.map((d) => d.timeH))
      .toEqual([0, 24, 48, 168, 336, 504, 672, 840]);
  });

  it('read the value as YAML: numbers, strings, lists and mappings', () => {
    expect(load(['population.initial=1e3']).population.initial).toBe(1000);
    expect(load(['relapse={cells: 5e8}']).relapse).toEqual({ kind: 'cells', value: 5e8 });
    expect(load(['name="a: b"']).name).toBe('a: b');
  });

  it('add fields the file does not have, creating mappings on the way', () => {
    const s = load(['switch.exit_rate=0.5/d', 'population.capacity=1e8'], MINIMAL);
    expect(twoState(s).exitRate).toBeCloseTo(0.5 / 24, 15);
    expect(s.population.capacity).toBe(1e8);
  });

  it('apply in order; a later one wins', () => {
    expect(load(['seed=3', 'seed=4']).seed).toBe(4);
  });

  it('leave the parsed document untouched, so a sweep parses once and resolves many times', () => {
    const parsed = parseScenarioDocument(FULL, 'full.yaml');
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
      const s = resolveWithOverrides(parsed, [`replicates=${n}`, `population.persister_fraction=${f}`]);
      expect(s.replicates).toBe(n);
      expect(s.population.persisterFraction).toBe(f);
    }), { numRuns: 50 });
    expect(resolveWithOverrides(parsed).replicates).toBe(50);
  });

  it('an invalid value points at the --set, not at a line of the file', () => {
    const issues = fail(['switch.entry_rate=fast']);
    const issue = expectIssue(issues, { path: 'switch.entry_rate', set: 'switch.entry_rate=fast', line: 0, found: '"fast"' });
    expect(formatIssue(issue)).toBe('--set switch.entry_rate=fast: switch.entry_rate: not a rate (expected a rate such as 0.02/h, found "fast")');
    expectIssue(fail(['replicates=0']), { path: 'replicates', set: 'replicates=0' });
    expectIssue(fail(['drugs.paclitaxel.potency=-1/h']), { path: 'drugs[0].potency', set: 'drugs.paclitaxel.potency=-1/h' });
  });

  it('an unknown key added by --set points at it, with a hint', () => {
    expectIssue(fail(['switch.exit_rat=0.1']), { path: 'switch.exit_rat', set: 'switch.exit_rat=0.1', hint: "did you mean 'exit_rate'?" });
  });

  it('a problem inside a mapping written by --set points at the --set', () => {
    expectIssue(fail(['relapse={relative: 1, cells: 3}']), { path: 'relapse', set: 'relapse={relative: 1, cells: 3}' });
    expectIssue(fail(['switch.entry_rate=1e-4/h'], MINIMAL.replace('time:\n  horizon: 10d\n', '')), { path: 'time', line: 1 });
    expectIssue(fail(['time.dt=1h'], MINIMAL.replace('time:\n  horizon: 10d\n', '')), { path: 'time.horizon', set: 'time.dt=1h' });
  });

  it('a problem elsewhere in the file still points at its line', () => {
    const issues = fail(['replicates=0'], FULL.replace('seed: 7', 'seed: -7'));
    expectIssue(issues, { path: 'seed', line: 3 });
    expectIssue(issues, { path: 'replicates', set: 'replicates=0' });
  });

  it('an unknown drug name or an index out of range is an error at the --set', () => {
    const [byName] = fail(['drugs.taxol.potency=0.1/h']);
    expect(formatIssue(byName)).toBe("--set drugs.taxol.potency=0.1/h: drugs.taxol.potency: no drug named 'taxol' in drugs (names: paclitaxel)");
    expect(fail(['drugs.3.potency=1'])[0].message).toBe('index 3 is out of range: drugs has 1 drug');
    expect(fail(['drugs.x.potency=1'], MINIMAL)[0].message).toBe("no drug named 'x' in drugs (drugs is empty)");
  });

  it('a malformed --set is an error at the --set', () => {
    expect(fail(['replicates'])[0]).toMatchObject({ set: 'replicates', message: "missing '='", line: 0 });
    expect(fail(['=3'])[0].message).toBe("empty path before '='");
    expect(fail(['time..dt=1'])[0].message).toBe("empty segment in path 'time..dt'");
    expect(fail(['seed='])[0].message).toMatch(/^missing value after '='/);
    expect(fail(['name.first=a'])[0].message).toBe("'name' is a single value, not a mapping, so it has no field 'first'");
    expect(fail(['drugs.0.schedule=[1, 2'])[0].message).toMatch(/^the value is not valid YAML/);
  });

  it('reports every problem at once: malformed arguments, bad values and file errors', () => {
    const issues = fail(['bogus', 'seed=-1', 'drugs.nope.ec50=1'], FULL.replace('replicates: 50', 'replicates: 0'));
    expect(issues.map((i) => i.set ?? i.line)).toEqual([4, 'bogus', 'seed=-1', 'drugs.nope.ec50=1']);
  });
});
