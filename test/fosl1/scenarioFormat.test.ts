// The scenario format of the FOSL1 switch and of the two-state switch written by targets:
// what loads, its defaults and units, and every error located at its line and field.
import { describe, expect, it } from 'vitest';
import type { Fosl1Switch } from '../../src/model/scenario.js';
import { formatIssue } from '../../src/scenario/errors.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { expectIssue, issuesOf } from '../scenario/fixtures.js';

/** A scenario whose switch section starts on line 13 (its first key on line 13). */
const scenario = (sw: string, population = '') => `name: fosl1
time:
  horizon: 10d
population:
  initial: 1000
${population}phenotypes:
  sensitive:
    doubling_time: 40h
  persister:
    division_rate: 0.001/h
switch:
${sw}`;

const FOSL1 = `  model: fosl1
  basal: 0.6/d
  feedback: 0.045/h
  decay: 0.05/h
  noise: 0.03
  on_threshold: 1.2
  off_threshold: 1.0
`;

const load = (text: string, sets: string[] = []) => loadScenarioText(text, 'f.yaml', sets);
const fail = (text: string, sets: string[] = []) => issuesOf(() => load(text, sets));

describe('switch model fosl1', () => {
  it('loads with units and defaults (K 1, n 4, no stress gain or inheritance noise, stationary levels)', () => {
    const sw = load(scenario(FOSL1)).switch;
    const expected: Fosl1Switch = {
      model: 'fosl1', basal: 0.6 / 24, feedback: 0.045, halfSaturation: 1, hill: 4, decay: 0.05, stressGain: 0,
      noise: 0.03, onThreshold: 1.2, offThreshold: 1, inheritanceNoise: 0, initialLevel: 'stationary',
    };
    expect(sw).toEqual(expected);
    expect((load(scenario(`${FOSL1}  initial_level: 0.4\n  hill: 8\n  stress_gain: 0.18/d\n`)).switch as Fosl1Switch)).toMatchObject({ initialLevel: 0.4, hill: 8, stressGain: 0.18 / 24 });
  });

  it('can be chosen with --set, which then asks for the missing fields', () => {
    const issues = fail(scenario('  entry_rate: 1e-4/h\n'), ['switch.model=fosl1']);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['switch.basal', 'switch.entry_rate']));
  });

  it('reports each bad field at its line', () => {
    const text = scenario(`  model: fosl1
  basal: 0.025/h
  feedbak: 0.045/h
  hill: 0.5
  decay: 0/h
  noise: -1
  on_threshold: 1.2
  off_threshold: 1.3
  initial_level: high
`);
    const issues = fail(text);
    expectIssue(issues, { path: 'switch.feedback', line: 12, message: /^missing required field$/ });
    expectIssue(issues, { path: 'switch.feedbak', line: 14, column: 3, message: /^unknown key 'feedbak'$/, hint: "did you mean 'feedback'?" });
    expectIssue(issues, { path: 'switch.hill', line: 15, message: /^out of range$/, expected: /a number >= 1/ });
    expectIssue(issues, { path: 'switch.decay', line: 16, message: /^out of range$/, expected: /a rate in \(0, 1000\/h\]/ });
    expectIssue(issues, { path: 'switch.noise', line: 17, message: /^out of range$/ });
    expectIssue(issues, { path: 'switch.off_threshold', line: 19, message: /off threshold must lie below the on threshold/ });
    expectIssue(issues, { path: 'switch.initial_level', line: 20, expected: /a level >= 0 or stationary/, found: '"high"' });
  });

  it('refuses population.persister_fraction, which the levels decide', () => {
    const issues = fail(scenario(FOSL1, '  persister_fraction: 0.01\n'));
    expectIssue(issues, { path: 'population.persister_fraction', line: 6, message: /follow from the levels/ });
  });

  it('names the models on a misspelt one', () => {
    expectIssue(fail(scenario('  model: fosl\n')), { path: 'switch.model', line: 12, message: /^unknown value$/, expected: /one of two-state, fosl1/, hint: "did you mean 'fosl1'?" });
  });
});

describe('two-state switch written by targets', () => {
  it('accepts a half-life in doublings of the sensitive phenotype, or in time units', () => {
    expect(load(scenario('  stationary_fraction: 0.003\n  exit_half_life: 9 doublings\n')).switch).toMatchObject({ exitRate: Math.LN2 / 360 });
    expect(load(scenario('  entry_rate: 1e-4/h\n  exit_half_life: 15d\n')).switch).toMatchObject({ entryRate: 1e-4, exitRate: Math.LN2 / 360 });
    expect(load(scenario('  stationary_fraction: 0.003\n  exit_rate: 0.01/h\n')).switch).toMatchObject({ exitRate: 0.01 });
  });

  it('refuses a rate and its target together, and a fraction without an exit', () => {
    const both = fail(scenario('  entry_rate: 1e-4/h\n  stationary_fraction: 0.003\n  exit_rate: 0.01/h\n  exit_half_life: 9 doublings\n'));
    expectIssue(both, { path: 'switch.stationary_fraction', line: 13, message: /give either entry_rate or stationary_fraction, not both/ });
    expectIssue(both, { path: 'switch.exit_half_life', line: 15, message: /give either exit_rate or exit_half_life, not both/ });
    expectIssue(fail(scenario('  stationary_fraction: 0.003\n')), { path: 'switch.stationary_fraction', line: 12, message: /needs the exit/ });
    expectIssue(fail(scenario('  stationary_fraction: 1\n  exit_rate: 0.01/h\n')), { path: 'switch.stationary_fraction', line: 12, expected: /\[0, 1\)/ });
  });

  it('refuses a fraction the growth rates make unreachable, saying what is reachable', () => {
    // Persisters that outgrow sensitive cells by 0.01/h and exit at 0.005/h settle at >= 50%.
    const text = scenario('  stationary_fraction: 0.1\n  exit_rate: 0.005/h\n')
      .replace('    division_rate: 0.001/h', `    division_rate: ${Math.LN2 / 40 + 0.01}/h`);
    const issue = expectIssue(fail(text), { path: 'switch.stationary_fraction', line: 12, message: /^out of reach/, expected: /a fraction >= 0.5/ });
    expect(formatIssue(issue)).toContain('f.yaml:12:24: switch.stationary_fraction: out of reach');
  });

  it('refuses doublings without a sensitive division rate, and where only time units are accepted', () => {
    const noGrowth = scenario('  stationary_fraction: 0.003\n  exit_half_life: 9 doublings\n').replace('doubling_time: 40h', 'division_rate: 0');
    expectIssue(fail(noGrowth), { path: 'switch.exit_half_life', line: 13, message: /needs sensitive cells that divide/ });
    const horizon = scenario('  exit_half_life: 9 doublings\n').replace('horizon: 10d', 'horizon: 9 doublings');
    expectIssue(fail(horizon), { path: 'time.horizon', line: 3, message: /unknown unit 'doublings'.*such as switch.exit_half_life/ });
    expectIssue(fail(scenario('  exit_half_life: 9 doubles\n')), { path: 'switch.exit_half_life', line: 12, message: /unknown unit 'doubles'.*doublings/ });
  });
});

describe('time.dt under the FOSL1 switch', () => {
  it('must keep the Euler step of the level stable', () => {
    const text = scenario(FOSL1).replace('  horizon: 10d\n', '  horizon: 10d\n  dt: 25h\n');
    expectIssue(fail(text), { path: 'time.dt', line: 4, message: /too long for the FOSL1 level/, expected: /a step below 20 h/ });
    expect(load(text.replace('dt: 25h', 'dt: 0.5h')).time.dtH).toBe(0.5);
  });
});
