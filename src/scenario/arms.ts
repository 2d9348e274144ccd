// Treatment arms. A scenario's `arms:` lists named variants; an arm is the scenario (with
// the command line's --set overrides, which may edit `arms` too) plus the arm's own `set:`
// overrides, applied by the same mechanism as --set, so an arm is validated exactly like
// the file. A problem in an arm is located at the arm's line in the file and names the
// arm. An arm may not change the seed or the number of replicates: every arm runs with the
// same random numbers per replicate (common random numbers), which is what makes arms
// comparable replicate by replicate.
import type { Document } from 'yaml';
import type { Scenario } from '../model/scenario.js';
import { documentData, positionOf, type ParsedScenario } from './document.js';
import { ScenarioError, type ScenarioIssue } from './errors.js';
import { resolveWithOverrides } from './load.js';
import { applySets } from './overrides.js';

export interface Arm {
  readonly name: string;
  /** Lower-case words joined by '-', unique among the arms: the arm's output folder. */
  readonly slug: string;
  /** The arm's overrides as `path=value` arguments, in file order (after the command line's). */
  readonly sets: readonly string[];
  readonly scenario: Scenario;
}

/** Top-level fields an arm may not override. */
const FIXED = new Set(['seed', 'replicates', 'arms']);

interface RawArm {
  name: string;
  set?: Record<string, unknown>;
}

export function armSlug(name: string): string {
  const s = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'arm';
}

/** The document with the command line's overrides applied (they may change the arms too). */
function withSets(parsed: ParsedScenario, sets: readonly string[]): Document {
  if (sets.length === 0) return parsed.doc;
  const doc = parsed.doc.clone();
  applySets(parsed, doc, sets);
  return doc;
}

/** An override as a --set argument; JSON is YAML, so the value reads back exactly. */
function setArgument(path: string, value: unknown): string {
  return `${path}=${JSON.stringify(value)}`;
}

/**
 * The arms of a parsed scenario, each resolved; [] when the scenario has no `arms:`.
 * `sets` are the command line's overrides, applied to every arm before the arm's own.
 */
export function loadArms(parsed: ParsedScenario, sets: readonly string[] = []): Arm[] {
  resolveWithOverrides(parsed, sets); // the base scenario's own problems first, as usual
  const doc = withSets(parsed, sets);
  const arms = (documentData(parsed, doc) as { arms?: RawArm[] }).arms;
  if (arms === undefined) return [];
  const issues: ScenarioIssue[] = [];
  // An arm written by --set has no place in the file: line 0 (the message names the arm).
  const at = (path: readonly PropertyKey[], key = false) => positionOf(parsed, doc, path, key) ?? { line: 0, column: 0 };
  const slugs = new Map<string, number>();
  const out: Arm[] = [];
  arms.forEach((arm, i) => {
    const label = `arm '${arm.name}'`;
    const slug = armSlug(arm.name);
    const clash = slugs.get(slug);
    if (clash !== undefined) {
      issues.push({
        file: parsed.file, ...at(['arms', i, 'name']), path: `arms[${i}].name`,
        message: `${label} would share the output folder '${slug}' with arms[${clash}]`,
        expected: 'names that differ in letters or digits', found: JSON.stringify(arm.name),
      });
    }
    slugs.set(slug, i);
    const entries = Object.entries(arm.set ?? {});
    const fixed = entries.filter(([path]) => FIXED.has(path.split('.')[0].trim()));
    for (const [path] of fixed) {
      issues.push({
        file: parsed.file, ...at(['arms', i, 'set', path], true), path: `arms[${i}].set`,
        message: `${label} may not set ${path}: every arm runs the same replicates with the same seeds (common random numbers)`,
        expected: 'overrides of the model, the drugs or the time span', found: path,
      });
    }
    if (fixed.length > 0) return;
    const armSets = entries.map(([path, value]) => setArgument(path, value));
    try {
      out.push({ name: arm.name, slug, sets: armSets, scenario: resolveWithOverrides(parsed, [...sets, ...armSets]) });
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      issues.push(...err.issues.map((issue) => inArm(issue, i, label, entries, armSets, at)));
    }
  });
  if (issues.length > 0) throw new ScenarioError(issues);
  return out;
}

/** An issue found while resolving arm i, moved to the arm's override when it comes from one. */
function inArm(
  issue: ScenarioIssue,
  i: number,
  label: string,
  entries: readonly [string, unknown][],
  armSets: readonly string[],
  at: (path: readonly PropertyKey[], key?: boolean) => { line: number; column: number },
): ScenarioIssue {
  const message = `${label}: ${issue.message}`;
  const k = issue.set === undefined ? -1 : armSets.indexOf(issue.set);
  if (k < 0) return { ...issue, message };
  const { set: _set, ...rest } = issue;
  const key = entries[k][0];
  return { ...rest, ...at(['arms', i, 'set', key]), path: issue.path || `arms[${i}].set.${key}`, message };
}
