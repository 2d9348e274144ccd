// Treatment arms: each arm is the scenario plus its `set:` overrides, validated like --set,
// with problems located at the arm's line and naming the arm; every arm keeps the seed.
import { describe, expect, it } from 'vitest';
import { loadArms } from '../../src/scenario/arms.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioDocument } from '../../src/scenario/load.js';

const BASE = `name: Arms test
seed: 9
replicates: 3
time:
  horizon: 10d
population:
  initial: 100
phenotypes:
  sensitive:
    doubling_time: 40h
drugs:
  - name: chemo
    effect: kill
    potency: 0.05/h
    schedule:
      - at: [1d]
        dose: 5
        duration: 1d
  - name: blocker
    effect: block-entry
    potency: 0
    schedule:
      - at: [2d]
        dose: 5
        duration: 1d
`;

const load = (arms: string, sets: string[] = []) => loadArms(parseScenarioDocument(BASE + arms, 'arms.yaml'), sets);

function issuesOf(f: () => unknown) {
  try {
    f();
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues;
    throw err;
  }
  throw new Error('expected a ScenarioError');
}

describe('loadArms', () => {
  it('gives [] for a scenario without arms', () => {
    expect(load('')).toEqual([]);
  });

  it('resolves each arm as the scenario plus its overrides, after the command line', () => {
    const arms = load(
      `arms:
  - name: Control
  - name: Blocker, late
    set:
      drugs.blocker.potency: 0.9
      drugs.blocker.schedule: [{ at: [5d], dose: 5, duration: 12h }]
      switch.entry_rate: 2e-4/h
`,
      ['drugs.chemo.potency=0.1/h'],
    );
    expect(arms.map((a) => [a.name, a.slug])).toEqual([['Control', 'control'], ['Blocker, late', 'blocker-late']]);
    const [control, late] = arms.map((a) => a.scenario);
    expect(control.drugs[0].potency).toBeCloseTo(0.1, 12);
    expect(late.drugs[0].potency).toBeCloseTo(0.1, 12);
    expect(control.drugs[1].potency).toBe(0);
    expect(late.drugs[1].potency).toBe(0.9);
    expect(late.drugs[1].doses).toEqual([{ timeH: 120, amount: 5, durationH: 12 }]);
    expect(late.switch).toMatchObject({ entryRate: 2e-4 });
    expect(late.seed).toBe(control.seed);
    expect(arms[1].sets).toEqual([
      'drugs.blocker.potency=0.9',
      'drugs.blocker.schedule=[{"at":["5d"],"dose":5,"duration":"12h"}]',
      'switch.entry_rate="2e-4/h"',
    ]);
  });

  it('takes arms given or edited on the command line', () => {
    const arms = load('arms:\n  - name: only\n', ['arms=[{name: a}, {name: b, set: {drugs.blocker.potency: 0.5}}]']);
    expect(arms.map((a) => a.name)).toEqual(['a', 'b']);
    expect(arms[1].scenario.drugs[1].potency).toBe(0.5);
    const edited = load('arms:\n  - name: only\n', ['arms.only.set={drugs.chemo.potency: 0.2/h}']);
    expect(edited[0].scenario.drugs[0].potency).toBeCloseTo(0.2, 12);
  });

  it('locates a bad override at its line in the arm and names the arm', () => {
    const issues = issuesOf(() => load(`arms:
  - name: control
  - name: too strong
    set:
      drugs.blocker.potency: 1.5
      drugs.nothing.potency: 1
`));
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ line: 30, column: 30, path: 'drugs[1].potency', message: "arm 'too strong': out of range" });
    expect(issues[0].set).toBeUndefined();
    expect(issues[1]).toMatchObject({ line: 31, path: 'drugs.nothing.potency' });
    expect(issues[1].message).toMatch(/^arm 'too strong': no drug named 'nothing'/);
  });

  it('refuses an arm that changes the seed or the replicates', () => {
    const issues = issuesOf(() => load(`arms:
  - name: lucky
    set:
      seed: 10
`));
    expect(issues[0]).toMatchObject({ line: 29, column: 7, path: 'arms[0].set' });
    expect(issues[0].message).toContain('common random numbers');
  });

  it('refuses duplicate names and names that share a folder', () => {
    const dup = issuesOf(() => load(`arms:
  - name: a
  - name: a
`));
    expect(dup[0]).toMatchObject({ line: 28, path: 'arms[1].name', message: 'duplicate arm name (also arms[0].name)' });
    const clash = issuesOf(() => load(`arms:
  - name: Arm A
  - name: arm-a
`));
    expect(clash[0]).toMatchObject({ line: 28, path: 'arms[1].name' });
    expect(clash[0].message).toContain("output folder 'arm-a'");
  });

  it('refuses an empty list and unknown keys in an arm', () => {
    expect(issuesOf(() => load('arms: []\n'))[0]).toMatchObject({ path: 'arms', message: 'empty list' });
    const unknown = issuesOf(() => load(`arms:
  - name: a
    sett: {}
`));
    expect(unknown[0]).toMatchObject({ line: 28, path: 'arms[0].sett', hint: "did you mean 'set'?" });
  });
});
