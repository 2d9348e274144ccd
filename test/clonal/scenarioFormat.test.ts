// The clonal sections of the scenario format: a resistant phenotype, mutation, lineage
// barcodes and the adaptive block resolve to the Scenario the engine reads; every mistake is
// reported at its line and field, with what was expected.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.js';
import { edit, expectIssue, issuesOf } from '../scenario/fixtures.js';

const CLONAL = `name: clonal
time:
  horizon: 30d
population:
  initial: 1000
  resistant_fraction: 0.01
phenotypes:
  sensitive:
    doubling_time: 40h
  resistant:
    doubling_time: 60h
    death_rate: 0.01/d
mutation:
  rate: 1e-6
  persister_factor: 20
lineage:
  sample_at: [14d, 7d]
drugs:
  - name: chemo
    effect: kill
    potency: 0.05/h
    schedule:
      - adaptive:
          start: 2d
          dose: 5
          check_every: 1w
          stop_below: 0.5
          resume_at: 1
`;

const load = (text: string) => loadScenarioText(text, 'c.yaml');
const issues = (text: string) => issuesOf(() => load(text));

describe('clonal scenario sections', () => {
  it('resolve to hours, per hour and sorted sample times', () => {
    const s = load(CLONAL);
    expect(s.population.resistantFraction).toBe(0.01);
    expect(s.phenotypes.resistant).toEqual({ divisionRate: Math.LN2 / 60, deathRate: 0.01 / 24, drugSensitivity: 0 });
    expect(s.mutation).toEqual({ rate: 1e-6, persisterFactor: 20 });
    expect(s.lineage).toEqual({ sampleAtH: [168, 336] });
    expect(s.drugs[0].doses).toEqual([]);
    expect(s.drugs[0].adaptive).toEqual({ startH: 48, dose: 5, checkEveryH: 168, stopBelow: 0.5, resumeAt: 1 });
  });

  it('leave a scenario without them as it was', () => {
    const s = load('name: plain\ntime: {horizon: 1d}\npopulation: {initial: 10}\nphenotypes: {sensitive: {division_rate: 0.01}}\n');
    expect(Object.keys(s)).not.toContain('mutation');
    expect(Object.keys(s)).not.toContain('lineage');
    expect(Object.keys(s.phenotypes)).toEqual(['sensitive', 'persister']);
    expect(Object.keys(s.population)).not.toContain('resistantFraction');
  });

  it('lineage: {barcodes: false} is no barcodes', () => {
    expect(load(edit(CLONAL, '  sample_at: [14d, 7d]', '  barcodes: false')).lineage).toBeUndefined();
  });

  it('mutation and resistant cells need a resistant phenotype', () => {
    const text = edit(CLONAL, '  resistant:\n    doubling_time: 60h\n    death_rate: 0.01/d\n', '');
    const found = issues(text);
    expectIssue(found, { path: 'mutation', line: 11, message: /needs a resistant phenotype/ });
    expectIssue(found, { path: 'population.resistant_fraction', line: 6, message: /need a resistant phenotype/ });
  });

  it('the initial fractions add up to at most 1', () => {
    expectIssue(issues(edit(CLONAL, '  resistant_fraction: 0.01', '  persister_fraction: 0.5\n  resistant_fraction: 0.6')), {
      path: 'population.resistant_fraction', line: 7, message: /more than all the cells/, expected: /<= 1 - persister_fraction = 0\.5/,
    });
  });

  it('a persister mutates with a probability of at most 1', () => {
    expectIssue(issues(edit(CLONAL, '  rate: 1e-6', '  rate: 0.1')), { path: 'mutation.persister_factor', line: 15, message: /> 1/ });
  });

  it('a resistant phenotype needs exactly one of doubling_time and division_rate', () => {
    expectIssue(issues(edit(CLONAL, '    doubling_time: 60h\n    death_rate', '    death_rate')), { path: 'phenotypes.resistant', line: 11, message: /missing doubling_time or division_rate/ });
  });

  it('sample times lie within the horizon', () => {
    expectIssue(issues(edit(CLONAL, '[14d, 7d]', '[14d, 40d]')), { path: 'lineage.sample_at[1]', line: 17, message: /after the horizon/ });
  });

  it('an adaptive drug has no half-life, no other block, and comes alone', () => {
    expectIssue(issues(edit(CLONAL, '    potency: 0.05/h', '    potency: 0.05/h\n    half_life: 20h')), { path: 'drugs[0].half_life', line: 22, message: /no half_life/ });
    const twoBlocks = edit(CLONAL, '    schedule:\n', '    schedule:\n      - at: [1d]\n        dose: 2\n        duration: 1d\n');
    expectIssue(issues(twoBlocks), { path: 'drugs[0].schedule', message: /only schedule block/ });
    const second = `${CLONAL}  - name: other\n    effect: kill\n    potency: 0.01/h\n    schedule:\n      - adaptive: {dose: 1, check_every: 1d, stop_below: 0.2, resume_at: 0.8}\n`;
    expectIssue(issues(second), { path: 'drugs[1].schedule[0].adaptive', message: /only one drug/ });
  });

  it('an adaptive rule stops at or below where it resumes, and starts before the horizon', () => {
    expectIssue(issues(edit(CLONAL, '          stop_below: 0.5', '          stop_below: 1.5')), { path: 'drugs[0].schedule[0].adaptive.stop_below', line: 27, message: /above resume_at/ });
    expectIssue(issues(edit(CLONAL, '          start: 2d', '          start: 31d')), { path: 'drugs[0].schedule[0].adaptive.start', line: 24, message: /at or after the horizon/ });
  });

  it('a misspelt key of the adaptive block is reported there, with a hint', () => {
    expectIssue(issues(edit(CLONAL, '          check_every: 1w', '          check_evry: 1w')), {
      path: 'drugs[0].schedule[0].adaptive.check_evry', line: 26, message: /unknown key 'check_evry'/, hint: "did you mean 'check_every'?",
    });
  });

  it('overrides reach the new sections like any other', () => {
    const s = loadScenarioText(CLONAL, 'c.yaml', ['mutation.rate=1e-3', 'drugs.chemo.schedule.0.adaptive.stop_below=0']);
    expect(s.mutation?.rate).toBe(1e-3);
    expect(s.drugs[0].adaptive?.stopBelow).toBe(0);
  });
});
