// A fit's scenario at theta read from the arm's data once (src/fit/fittedScenario.ts) is the
// scenario --set gives: the same Scenario, and null at exactly the values the scenario refuses.
// Compared with resolveWithOverrides(file, [fitted values as --set, arm's sets]), the
// definition, on lesson 16 (three arms, drugs selected by name, one arm setting a drug's
// potency) at draws from well inside to far outside what the scenario allows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FittedScenarios } from '../../src/fit/fittedScenario.js';
import { setArgument } from '../../src/fit/setArgument.js';
import type { FitParameter } from '../../src/fit/types.js';
import { streamFor } from '../../src/rng/stream.js';
import { loadArms } from '../../src/scenario/arms.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioDocument, resolveWithOverrides, type ParsedScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/cli.js';

const param = (path: string, unit: FitParameter['unit']): FitParameter => ({
  path, unit, target: { kind: 'scenario' }, prior: { kind: 'uniform', min: 0, max: 1, mean: null, sd: null, text: '' },
});
const noiseSd: FitParameter = { ...param('observables.volume_mm3.sd', ''), target: { kind: 'noise-sd', observable: 'volume_mm3' } };

/** The definition: the file with the fitted values, then the arm's, as --set arguments. */
function bySet(parsed: ParsedScenario, params: readonly FitParameter[], theta: readonly number[], armSets: readonly string[]): string | null {
  const sets = params.flatMap((p, j) => (p.target.kind === 'scenario' ? [setArgument(p, theta[j])] : []));
  try {
    return JSON.stringify(resolveWithOverrides(parsed, [...sets, ...armSets]));
  } catch (err) {
    if (err instanceof ScenarioError) return null;
    throw err;
  }
}

/** Every arm at n draws of theta: the scenario --set gives and the one FittedScenarios gives, as JSON. */
function compare(text: string, params: readonly FitParameter[], draw: (u: () => number) => number[], n: number): { refused: number; accepted: number; readOnce: string[] } {
  const parsed = parseScenarioDocument(text, 'f.yaml');
  const arms = new Map<string, readonly string[]>();
  const listed = loadArms(parsed);
  if (listed.length === 0) arms.set('', []);
  for (const a of listed) arms.set(a.name, a.sets);
  const fast = new FittedScenarios(parsed, params, arms);
  const rng = streamFor(1, 0, 'fitted-scenario-test');
  let refused = 0;
  let accepted = 0;
  for (let i = 0; i < n; i++) {
    const theta = draw(() => rng.double());
    for (const [arm, sets] of arms) {
      const s = fast.at(theta, arm);
      const got = s === null ? null : JSON.stringify(s);
      expect(got, `arm '${arm}' at ${theta.join(', ')}`).toBe(bySet(parsed, params, theta, sets));
      if (got === null) refused++;
      else accepted++;
    }
  }
  return { refused, accepted, readOnce: [...arms.keys()].filter((a) => fast.readOnce(a)) };
}

const LESSON16 = readFileSync(join(ROOT, 'scenarios/16-fit-pdx.yaml'), 'utf8');
/** A rate from 1e-9 to 10 per hour on a log scale, now and then 0, negative or NaN. */
const rate = (u: () => number): number => {
  const v = u();
  if (v < 0.05) return -(10 ** (-4 * u()));
  if (v < 0.08) return 0;
  if (v < 0.1) return NaN;
  return 10 ** (-9 + 10 * u());
};

describe('a fit scenario at theta, read once per arm', () => {
  it('is the scenario --set gives on every arm of lesson 16, and null where --set refuses', () => {
    // a rate per hour, a duration (the step, absent from the file), a fraction
    // (no unit) and a noise sd (not a scenario value)
    const params = [
      param('phenotypes.sensitive.division_rate', '/h'), param('switch.induced_entry_rate', '/h'),
      param('time.dt', 'h'), param('phenotypes.persister.drug_sensitivity', ''), noiseSd,
    ];
    const { refused, accepted, readOnce } = compare(LESSON16, params, (u) => [rate(u), rate(u), 10 ** (-3 + 4 * u()), 1.4 * u() - 0.2, u()], 60);
    // both kinds occur often: a draw is refused for any of its values out of range
    expect(refused).toBeGreaterThan(20);
    expect(accepted).toBeGreaterThan(20);
    expect(readOnce).toEqual(['2on2off_x2', 'continuous_28d', '2on2off_x2_blocker']);
  });

  it('takes the --set path where an arm writes a fitted value, or the file has an alias', () => {
    // the blocker arm sets drugs.blocker.potency: 0.9, whatever the fitted value
    const blocker = compare(LESSON16, [param('drugs.blocker.potency', '')], (u) => [1.4 * u() - 0.2], 30);
    expect(blocker.readOnce).toEqual(['2on2off_x2', 'continuous_28d']);
    const aliased = LESSON16.replace('  exit_rate: 0.01/h', '  exit_rate: &exit 0.01/h').replace('  exit_rate_on_drug: 0.001/h', '  exit_rate_on_drug: *exit');
    expect(compare(aliased, [param('switch.exit_rate', '/h')], (u) => [rate(u)], 30).readOnce).toEqual([]);
  });
});
