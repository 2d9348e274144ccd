import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenarioText } from '../../src/scenario/load.js';

const scenario = (sw: string, pf = 'stationary') => `name: stationary
time:
  horizon: 10d
population:
  initial: 1000
  persister_fraction: ${pf}
phenotypes:
  sensitive:
    division_rate: 0.04/h
    death_rate: 0.01/h
  persister:
    division_rate: 0.002/h
    death_rate: 0.001/h
switch:
${sw}
`;

const TWO_STATE = '  entry_rate: 0.001/h\n  exit_rate: 0.01/h';

/** The persister share of the dominant eigenvector of [[gs - a, b], [a, gp - b]], from its characteristic polynomial. */
function closedForm(gs: number, gp: number, a: number, b: number): number {
  const m11 = gs - a;
  const m22 = gp - b;
  const mu = (m11 + m22) / 2 + Math.sqrt(((m11 - m22) / 2) ** 2 + a * b);
  // (m11 - mu) s + b p = 0 with s + p = 1
  const s = b / (b + mu - m11);
  return 1 - s;
}

function issueOf(text: string) {
  try {
    loadScenarioText(text, 's.yaml');
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues[0];
    throw err;
  }
  throw new Error('expected a ScenarioError');
}

describe('population.persister_fraction: stationary', () => {
  it('is the persister share of the dominant eigenvector of the drug-free rate matrix', () => {
    const s = loadScenarioText(scenario(TWO_STATE), 's.yaml');
    const expected = closedForm(0.03, 0.001, 0.001, 0.01);
    expect(s.population.persisterFraction).toBeCloseTo(expected, 12);
    expect(expected).toBeGreaterThan(0.02);
    expect(expected).toBeLessThan(0.04);
  });

  it('is recomputed after --set overrides', () => {
    const s = loadScenarioText(scenario(TWO_STATE), 's.yaml', ['switch.entry_rate=0.004/h', 'phenotypes.persister.death_rate=0.01/h']);
    expect(s.population.persisterFraction).toBeCloseTo(closedForm(0.03, -0.008, 0.004, 0.01), 12);
  });

  it('follows entry rates solved from switch.stationary_fraction', () => {
    const s = loadScenarioText(scenario('  stationary_fraction: 0.05\n  exit_rate: 0.01/h'), 's.yaml');
    expect(s.population.persisterFraction).toBeCloseTo(0.05, 10);
  });

  it('is 0 without entry, when sensitive cells outgrow persisters', () => {
    expect(loadScenarioText(scenario('  exit_rate: 0.01/h'), 's.yaml').population.persisterFraction).toBe(0);
  });

  it('is still accepted as a number', () => {
    expect(loadScenarioText(scenario(TWO_STATE, '0.25'), 's.yaml').population.persisterFraction).toBe(0.25);
  });

  it('is refused, located, under the FOSL1 switch', () => {
    const issue = issueOf(scenario('  model: fosl1\n  basal: 0.025/h\n  feedback: 0.045/h\n  hill: 8\n  decay: 0.05/h\n  noise: 0.03\n  on_threshold: 1.2\n  off_threshold: 1.0'));
    expect([issue.line, issue.column, issue.path]).toEqual([6, 23, 'population.persister_fraction']);
    expect(issue.message).toMatch(/stationary is supported for the two-state switch/);
  });

  it('is refused when no share is stationary (no switching, equal growth)', () => {
    const text = scenario('  entry_rate: 0').replace('division_rate: 0.002/h\n    death_rate: 0.001/h', 'division_rate: 0.04/h\n    death_rate: 0.01/h');
    const issue = issueOf(text);
    expect([issue.line, issue.column, issue.path]).toEqual([6, 23, 'population.persister_fraction']);
    expect(issue.message).toMatch(/no stationary persister fraction/);
  });

  it('refuses another word, located', () => {
    const issue = issueOf(scenario(TWO_STATE, 'stationry'));
    expect([issue.line, issue.column, issue.path]).toEqual([6, 23, 'population.persister_fraction']);
  });
});
