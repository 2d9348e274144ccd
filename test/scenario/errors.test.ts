import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, formatIssue } from '../../src/scenario/errors.js';
import { loadScenarioFile, loadScenarioText } from '../../src/scenario/load.js';
import { FULL, MINIMAL, edit, expectIssue, issuesOf } from './fixtures.js';

const load = (text: string) => issuesOf(() => loadScenarioText(text, 'bad.yaml'));

describe('YAML-level problems', () => {
  it('a syntax error names its line', () => {
    const issues = load(edit(FULL, '  dt: 0.5h', '  dt: [0.5h'));
    expect(issues.length).toBeGreaterThanOrEqual(1);
    expect(issues[0]).toMatchObject({ file: 'bad.yaml', line: 9, path: '' });
    expect(issues[0].message).toMatch(/^YAML syntax error: /);
  });

  it('a tab used as indentation is a syntax error', () => {
    const issues = load(edit(MINIMAL, '  horizon: 10d', '\thorizon: 10d'));
    expect(issues[0]).toMatchObject({ line: 3, column: 1 });
  });

  it('an empty file (or only comments) is an error', () => {
    for (const text of ['', '\n\n', '# just a comment\n']) {
      const [issue] = load(text);
      expect(issue).toMatchObject({ line: 1, column: 1, message: 'the scenario is empty', found: 'an empty document' });
    }
  });

  it('a top-level list or scalar is an error', () => {
    expect(load('- name: a\n- name: b\n')[0]).toMatchObject({ line: 1, column: 1, found: 'a list' });
    expect(load('\n\njust words\n')[0]).toMatchObject({ line: 3, column: 1, found: 'a single value "just words"' });
  });

  it('a duplicate key is an error at the second one', () => {
    const issues = load(edit(FULL, '  dt: 0.5h', '  horizon: 3d'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 8, column: 3, message: "duplicate key 'horizon': each key may appear once in a mapping" });
  });

  it('tags are never resolved, let alone executed', () => {
    for (const tag of ['!!python/object/apply:os.system', '!!js/function', '!!binary', '!custom', '!!set']) {
      const issues = load(edit(FULL, 'description: What', `description: ${tag} What`));
      expect(issues[0]).toMatchObject({ line: 2, column: 14 });
      expect(issues[0].message).toContain(`YAML tag ${tag} is not allowed`);
    }
  });

  it('an alias bomb fails fast with a clear error', () => {
    const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of [...'bcdefghijklmnop'].entries()) {
      const prev = 'abcdefghijklmnop'[i];
      lol.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const start = performance.now();
    const issues = load(`${lol.join('\n')}\n`);
    expect(performance.now() - start).toBeLessThan(250);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 2, column: 8 });
    expect(issues[0].message).toMatch(/aliases expand too much/);
  });

  it('a few aliases are fine', () => {
    const text = `${MINIMAL}  persister: &p\n    division_rate: 0.001/h\nrelapse: {relative: 2}\n`;
    expect(loadScenarioText(text, 'a.yaml').phenotypes.persister.divisionRate).toBe(0.001);
  });
});

describe('field problems, each at its line and field', () => {
  it('an unknown key, with a did-you-mean hint at the key', () => {
    const issues = load(edit(FULL, '  exit_rate: 0.01/h', '  exit_rat: 0.01/h'));
    expectIssue(issues, {
      path: 'switch.exit_rat', line: 26, column: 3, message: /^unknown key 'exit_rat'$/,
      expected: /one of model, entry_rate, stationary_fraction, induced_entry_rate, exit_rate, exit_half_life, exit_rate_on_drug/, hint: "did you mean 'exit_rate'?",
    });
    expect(formatIssue(issues[0])).toBe(
      "bad.yaml:26:3: switch.exit_rat: unknown key 'exit_rat' (expected one of model, entry_rate, stationary_fraction, induced_entry_rate, exit_rate, exit_half_life, exit_rate_on_drug)\n"
      + "  did you mean 'exit_rate'?",
    );
  });

  it('an unknown key far from any valid one gets no hint', () => {
    const issue = expectIssue(load(`${MINIMAL}colour: blue\n`), { path: 'colour', line: 9, column: 1 });
    expect(issue.hint).toBeUndefined();
  });

  it('a wrong type', () => {
    expectIssue(load(edit(FULL, 'seed: 7', 'seed: seven')), {
      path: 'seed', line: 3, column: 7, message: /^wrong type$/, expected: /^an integer in \[0, 9007199254740991\]$/, found: '"seven"',
    });
    expectIssue(load(edit(FULL, '  initial: 1e5', '  initial: [1e5]')), { path: 'population.initial', line: 11, found: 'a list' });
    expectIssue(load(edit(FULL, 'relapse:\n  relative: 1.0', 'relapse: 3')), { path: 'relapse', line: 42, column: 10, expected: /^a mapping$/, found: '3' });
  });

  it('a rate that is not a rate', () => {
    const issue = expectIssue(load(edit(FULL, '  entry_rate: 1e-4/h', '  entry_rate: fast')), {
      path: 'switch.entry_rate', line: 24, column: 15, found: '"fast"',
    });
    expect(formatIssue(issue)).toBe('bad.yaml:24:15: switch.entry_rate: not a rate (expected a rate such as 0.02/h, found "fast")');
  });

  it('a negative rate', () => {
    expectIssue(load(edit(FULL, '    death_rate: 0.002/h', '    death_rate: -0.1')), {
      path: 'phenotypes.sensitive.death_rate', line: 17, column: 17, message: /^out of range$/, expected: /^a rate in \[0, 1000\/h\]$/, found: '-0.1',
    });
    expectIssue(load(edit(FULL, '  exit_rate: 0.01/h', '  exit_rate: -1/d')), { path: 'switch.exit_rate', line: 26, found: '"-1/d"' });
  });

  it('a fraction outside [0, 1]', () => {
    expectIssue(load(edit(FULL, 'persister_fraction: 0.003', 'persister_fraction: 1.5')), {
      path: 'population.persister_fraction', line: 12, column: 23, expected: /^a number in \[0, 1\] or stationary$/, found: '1.5',
    });
    expectIssue(load(edit(FULL, '    potency: 0.08/h', '    potency: 1.2').replace('effect: kill', 'effect: block-entry')), {
      path: 'drugs[0].potency', line: 31, expected: /^a number in \[0, 1\]$/,
    });
  });

  it('an unknown unit, listing the valid ones', () => {
    expectIssue(load(edit(FULL, '  horizon: 120d', '  horizon: 4months')), {
      path: 'time.horizon', line: 7, column: 12, message: /^unknown unit 'months' \(valid units: min, h, d, w\)$/,
    });
    expectIssue(load(edit(FULL, '    potency: 0.08/h', '    potency: 0.08/day')), {
      path: 'drugs[0].potency', line: 31, column: 14, message: /unknown unit '\/day' \(valid units: \/min, \/h, \/d, \/w\)/,
    });
  });

  it('both doubling_time and division_rate, or neither', () => {
    expectIssue(load(edit(FULL, '    death_rate: 0.002/h', '    division_rate: 0.02/h')), {
      path: 'phenotypes.sensitive', line: 16, message: /^give either doubling_time or division_rate, not both$/,
    });
    expectIssue(load(edit(FULL, '    doubling_time: 40h\n', '')), {
      path: 'phenotypes.sensitive', line: 16, message: /^missing doubling_time or division_rate$/,
    });
    expectIssue(load(edit(FULL, '    division_rate: 0.001/h', '    doubling_time: 1000h\n    division_rate: 0.001/h')), {
      path: 'phenotypes.persister', line: 19, message: /not both/,
    });
  });

  it('an unknown drug effect, with a hint', () => {
    expectIssue(load(edit(FULL, 'effect: kill', 'effect: kil')), {
      path: 'drugs[0].effect', line: 30, column: 13, message: /^unknown value$/,
      expected: /^one of kill, block-entry, kill-persisters, promote-exit$/, found: '"kil"', hint: "did you mean 'kill'?",
    });
    expectIssue(load(edit(FULL, '    effect: kill\n', '')), { path: 'drugs[0].effect', line: 29, message: /^missing required field$/ });
  });

  it('both relapse.relative and relapse.cells', () => {
    expectIssue(load(edit(FULL, '  relative: 1.0', '  relative: 1.0\n  cells: 1e9')), {
      path: 'relapse', line: 43, message: /^give either relative or cells, not both$/,
    });
  });

  it('zero replicates and zero dt', () => {
    expectIssue(load(edit(FULL, 'replicates: 50', 'replicates: 0')), { path: 'replicates', line: 4, column: 13, expected: /^an integer in \[1, 100000\]$/, found: '0' });
    expectIssue(load(edit(FULL, '  dt: 0.5h', '  dt: 0')), { path: 'time.dt', line: 8, column: 7, expected: /^a duration > 0$/, found: '0' });
    expectIssue(load(edit(FULL, '  dt: 0.5h', '  dt: 0min')), { path: 'time.dt', line: 8, found: '"0min"' });
  });

  it('a missing required field points at the mapping that lacks it', () => {
    expectIssue(load(edit(FULL, '  horizon: 120d\n', '')), { path: 'time.horizon', line: 7, column: 3, message: /^missing required field$/, expected: /duration/ });
    expectIssue(load(edit(FULL, 'name: Weekly paclitaxel, two-state switch\n', '')), { path: 'name', line: 1, column: 1 });
    expectIssue(load(edit(FULL, '  horizon: 120d', '  horizon:')), { path: 'time.horizon', line: 7, column: 3, message: /^empty value$/ });
  });

  it('duplicate drug names', () => {
    const second = '  - name: paclitaxel\n    effect: kill-persisters\n    potency: 0.1/h\n    schedule: [{at: [0], dose: 1, duration: 1d}]\n';
    expectIssue(load(edit(FULL, 'relapse:\n', `${second}relapse:\n`)), {
      path: 'drugs[1].name', line: 42, column: 11, message: /^duplicate drug name \(also drugs\[0\]\.name\)$/,
    });
  });

  it('a drug name that cannot be a CSV column', () => {
    expectIssue(load(edit(FULL, 'name: paclitaxel', 'name: pacli taxel')), { path: 'drugs[0].name', line: 29, expected: /letters, digits/ });
  });

  it('a pulse duration with a half-life, and a pulse without one', () => {
    expectIssue(load(edit(FULL, '        dose: 2\n      - at', '        dose: 2\n        duration: 1d\n      - at')), {
      path: 'drugs[0].schedule[0].duration', line: 40, column: 19, message: /not allowed when the drug has a half_life/,
    });
    const issues = load(edit(FULL, '    half_life: 20h\n', ''));
    expectIssue(issues, { path: 'drugs[0].schedule[0].duration', line: 35, message: /^missing duration: without half_life/ });
    expectIssue(issues, { path: 'drugs[0].schedule[1].duration', line: 39 });
  });

  it('a schedule block that is neither periodic nor single doses', () => {
    expectIssue(load(edit(FULL, '        count: 6', '        count: 6\n        at: [1d]')), {
      path: 'drugs[0].schedule[0].at', line: 39, message: /^unknown key 'at'$/,
    });
    expectIssue(load(edit(FULL, '      - at: [60d, 67d]', '      - at: []')), { path: 'drugs[0].schedule[1].at', line: 40, message: /^empty list$/ });
  });

  it('a format version other than 1', () => {
    expectIssue(load(`version: 2\n${MINIMAL}`), { path: 'version', line: 1, column: 10, found: '2' });
  });
});

describe('reporting', () => {
  it('reports several errors together, in file order', () => {
    let text = edit(FULL, 'replicates: 50', 'replicates: 0');
    text = edit(text, '  dt: 0.5h', '  dt: -1h');
    text = edit(text, '  exit_rate: 0.01/h', '  exit_rte: 0.01/h');
    text = edit(text, 'effect: kill', 'effect: poison');
    text = edit(text, '  relative: 1.0', '  relative: 1.0\n  cells: 1e9');
    let error: unknown;
    try {
      loadScenarioText(text, 'bad.yaml');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const issues = (error as ScenarioError).issues;
    expect(issues.map((i) => [i.path, i.line])).toEqual([
      ['replicates', 4], ['time.dt', 8], ['switch.exit_rte', 26], ['drugs[0].effect', 30], ['relapse', 43],
    ]);
    const printed = (error as ScenarioError).format().split('\n');
    expect(printed[0]).toBe('bad.yaml:4:13: replicates: out of range (expected an integer in [1, 100000], found 0)');
    expect(printed).toContain("  did you mean 'exit_rate'?");
    expect((error as Error).message).toBe((error as ScenarioError).format());
  });
});

describe('files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'persim-scenario-'));

  it('loads a file and returns its text', () => {
    const path = join(dir, 'ok.yaml');
    writeFileSync(path, FULL);
    const { scenario, text } = loadScenarioFile(path);
    expect(text).toBe(FULL);
    expect(scenario.name).toBe('Weekly paclitaxel, two-state switch');
  });

  it('names the file in every message', () => {
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, edit(FULL, 'seed: 7', 'seed: -7'));
    const [issue] = issuesOf(() => loadScenarioFile(path));
    expect(formatIssue(issue)).toBe(`${path}:3:7: seed: out of range (expected an integer in [0, 9007199254740991], found -7)`);
  });

  it('a missing file or a directory is a ScenarioError', () => {
    const missing = join(dir, 'nope.yaml');
    const [issue] = issuesOf(() => loadScenarioFile(missing));
    expect(issue).toMatchObject({ file: missing, line: 0, message: 'cannot read the scenario: no such file' });
    expect(formatIssue(issue)).toBe(`${missing}: cannot read the scenario: no such file`);
    expect(issuesOf(() => loadScenarioFile(dir))[0].message).toBe('cannot read the scenario: is a directory, not a file');
  });

  it('accepts a byte-order mark', () => {
    expect(loadScenarioText(`\uFEFF${MINIMAL}`, 'bom.yaml').name).toBe('minimal');
  });
});
