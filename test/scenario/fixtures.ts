// Shared scenario texts and helpers for the scenario loader tests.
import { expect } from 'vitest';
import { ScenarioError, type ScenarioIssue } from '../../src/scenario/errors.js';

/** The DESIGN.md example (line numbers matter to the tests: keep it as is). */
export const FULL = `name: Weekly paclitaxel, two-state switch
description: What question this scenario answers.
seed: 7
replicates: 50
engine: auto
time:
  horizon: 120d
  dt: 0.5h
  record_every: 1d
population:
  initial: 1e5
  persister_fraction: 0.003
  capacity: 1e9
phenotypes:
  sensitive:
    doubling_time: 40h
    death_rate: 0.002/h
  persister:
    division_rate: 0.001/h
    death_rate: 0.0005/h
    drug_sensitivity: 0.01
switch:
  model: two-state
  entry_rate: 1e-4/h
  induced_entry_rate: 0.02/h
  exit_rate: 0.01/h
  exit_rate_on_drug: 0.001/h
drugs:
  - name: paclitaxel
    effect: kill
    potency: 0.08/h
    ec50: 1
    hill: 1
    half_life: 20h
    schedule:
      - start: 0d
        every: 7d
        count: 6
        dose: 2
      - at: [60d, 67d]
        dose: 2
relapse:
  relative: 1.0
`;

/** The smallest valid scenario: everything else takes its default. */
export const MINIMAL = `name: minimal
time:
  horizon: 10d
population:
  initial: 1000
phenotypes:
  sensitive:
    division_rate: 0.5/d
`;

/** Runs `fn`, which must throw a ScenarioError, and returns its issues. */
export function issuesOf(fn: () => unknown): readonly ScenarioIssue[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues;
    throw err;
  }
  throw new Error('expected a ScenarioError, but loading succeeded');
}

/** The single issue at `path`, checked for line (and column, message text) when given. */
export function expectIssue(
  issues: readonly ScenarioIssue[],
  want: { path: string; line?: number; column?: number; message?: RegExp; expected?: RegExp; found?: string; hint?: string; set?: string },
): ScenarioIssue {
  const at = issues.filter((i) => i.path === want.path);
  expect(at.map((i) => i.path), `issues: ${JSON.stringify(issues, null, 1)}`).toEqual([want.path]);
  const issue = at[0];
  if (want.line !== undefined) expect(issue.line).toBe(want.line);
  if (want.column !== undefined) expect(issue.column).toBe(want.column);
  if (want.message) expect(issue.message).toMatch(want.message);
  if (want.expected) expect(issue.expected).toMatch(want.expected);
  if (want.found !== undefined) expect(issue.found).toBe(want.found);
  if (want.hint !== undefined) expect(issue.hint).toBe(want.hint);
  if (want.set !== undefined) expect(issue.set).toBe(want.set);
  return issue;
}

/** Replaces the first occurrence of `from` in `text`, failing loudly if it is absent. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}
