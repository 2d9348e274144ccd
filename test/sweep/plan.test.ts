// Planning a sweep: where the design comes from (options over the scenario's sweep block),
// and bad input found before anything runs, each message saying where and what.
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { SweepInputError } from '../../src/sweep/errors.js';
import { planSweep, type SweepOptions } from '../../src/sweep/plan.js';
import { SMALL, WITH_BLOCK } from './fixtures.js';

const plan = (opts: Partial<SweepOptions>, text = SMALL) => planSweep('s.yaml', text, { vary: [], set: [], ...opts });
const failure = (opts: Partial<SweepOptions>, text = SMALL): string => {
  try {
    plan(opts, text);
  } catch (err) {
    expect(err).toBeInstanceOf(SweepInputError);
    return (err as Error).message;
  }
  throw new Error('the plan was accepted');
};

describe('where the design comes from', () => {
  it('--vary builds the grid; every point resolves with its values', () => {
    const p = plan({ vary: ['drugs.blocker.potency=0,0.5,1'], replicates: '7' });
    expect(p.points.map((x) => x.sets)).toEqual([['drugs.blocker.potency=0'], ['drugs.blocker.potency=0.5'], ['drugs.blocker.potency=1']]);
    expect(p.scenarios.map((s) => s.drugs[1].potency)).toEqual([0, 0.5, 1]);
    expect(p.replicates).toBe(7);
    expect(p.metric).toBe('median_relapse_h');
    expect(p.identity.overrides).toEqual(['replicates=7']);
  });

  it('the sweep block is used without --vary: grid, replicates, metric', () => {
    const p = plan({}, WITH_BLOCK);
    expect(p.dimensions.map((d) => d.path)).toEqual(['drugs.blocker.potency', 'switch.exit_rate']);
    expect(p.points).toHaveLength(6);
    expect(p.scenarios[1].switch).toMatchObject({ exitRate: 0.01 });
    expect(p.replicates).toBe(3);
    expect(p.metric).toBe('relapse_probability');
  });

  it('options override the block: --vary replaces its dimensions, --replicates and --metric win', () => {
    const p = plan({ vary: ['switch.exit_rate=0.01/h,0.02/h'], replicates: '2', metric: 'nadir_cells' }, WITH_BLOCK);
    expect(p.points).toHaveLength(2);
    expect(p.replicates).toBe(2);
    expect(p.metric).toBe('nadir_cells');
  });

  it('--sample lhs:N over the block ranges', () => {
    const p = plan({ vary: ['switch.exit_rate=0.005/h..0.02/h:log', 'drugs.blocker.potency=0..1'], sample: 'lhs:5' });
    expect(p.points).toHaveLength(5);
    expect(p.sample).toEqual({ kind: 'lhs', n: 5 });
  });

  it('persim run ignores the block: the scenario is the same with or without it', () => {
    expect(loadScenarioText(WITH_BLOCK, 'a.yaml')).toEqual(loadScenarioText(SMALL, 'b.yaml'));
  });
});

describe('bad input: a clear message before anything runs', () => {
  it('an unknown path names the --vary and suggests the field', () => {
    expect(failure({ vary: ['switch.entry_ratez=0,1'] })).toMatch(/^--vary switch\.entry_ratez=0,1: at the value 0: switch\.entry_ratez: unknown key 'entry_ratez'.*did you mean 'entry_rate'/);
    expect(failure({ vary: ['drugs.nodrug.potency=0,1'] })).toMatch(/no drug named 'nodrug' in drugs \(names: chemo, blocker\)/);
  });

  it('a value the scenario refuses names the value', () => {
    expect(failure({ vary: ['drugs.blocker.potency=0..2:lin:3'] })).toMatch(/--vary drugs\.blocker\.potency=0\.\.2:lin:3: at the value 2: drugs\[1\]\.potency: out of range \(expected a number in \[0, 1\], found 2\)/);
  });

  it('empty range, log range through zero, a range without its count on a grid', () => {
    expect(failure({ vary: ['switch.exit_rate=0.01..0.01:lin:3'] })).toMatch(/empty range/);
    expect(failure({ vary: ['switch.exit_rate=0..0.01:log:3'] })).toMatch(/log range cannot reach or cross zero/);
    expect(failure({ vary: ['switch.exit_rate=0..0.01'] })).toMatch(/needs its number of points/);
  });

  it('a bad spec in the block points at its line', () => {
    const text = WITH_BLOCK.replace('0.005/h..0.02/h:log:3', '0..0.02/h:log:3');
    const line = text.split('\n').findIndex((l) => l.includes('switch.exit_rate: 0..')) + 1;
    expect(failure({}, text)).toMatch(new RegExp(`^s\\.yaml:${line}:\\d+: sweep\\.vary\\.switch\\.exit_rate: a log range`));
  });

  it('seed and replicates cannot be varied; a path cannot be varied twice', () => {
    expect(failure({ vary: ['seed=1,2'] })).toMatch(/'seed' cannot be varied/);
    expect(failure({ vary: ['replicates=1,2'] })).toMatch(/'replicates' cannot be varied/);
    expect(failure({ vary: ['switch.exit_rate=0,1', 'switch.exit_rate=2,3'] })).toMatch(/already varied/);
  });

  it('nothing to vary, an unknown metric, a bad sampling plan', () => {
    expect(failure({})).toMatch(/nothing to vary/);
    expect(failure({ vary: ['switch.exit_rate=0,1'], metric: 'median_relapse' })).toMatch(/unknown metric 'median_relapse'.*did you mean 'median_relapse_h'/);
    expect(failure({ vary: ['switch.exit_rate=0..1'], sample: 'lhs' })).toMatch(/--sample: 'lhs' is not a sampling plan/);
    expect(failure({ vary: ['switch.exit_rate=0,1'], sample: 'lhs:4' })).toMatch(/Latin hypercube samples ranges/);
  });

  it('the sweep block is validated by the scenario schema, strictly', () => {
    expect(() => plan({}, `${SMALL}sweep:\n  vary:\n    switch.exit_rate: 0,1\n  replicate: 3\n`)).toThrow(ScenarioError);
    expect(() => plan({}, `${SMALL}sweep:\n  vary:\n    switch.exit_rate: 0,1\n  sample: random\n`)).toThrow(/sweep\.sample/);
  });
});
