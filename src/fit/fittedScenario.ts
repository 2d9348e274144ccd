// The scenario of one arm at a fit's parameter vector, without re-reading the YAML for every
// likelihood evaluation. `persim fit` defines an arm's scenario at theta as the file with the
// fitted values and then the arm's own values given as --set arguments (resolveWithOverrides).
// That clones the YAML document and parses every value anew for each evaluation, which was
// most of the time of a small fit. Here the document is read once per arm: its plain data
// with every --set applied, and where each fitted value sits in that data. For each theta a
// copy of the data gets the fitted values written where --set would have written them (the
// same value: a number, or a string such as `0.0123/h`), and is validated by the same schema
// and the same limits as a file (validScenarioData). So the result is the Scenario that
// resolveWithOverrides gives, and null wherever it refuses the values.
// Where this could differ (a YAML alias in the file, an arm that writes a fitted field or a
// field around it, two fitted paths inside one another, a value that is not a finite
// number), the arm takes the full --set path for every theta instead.
import type { Scenario } from '../model/scenario.js';
import { documentData, type ParsedScenario } from '../scenario/document.js';
import { ScenarioError } from '../scenario/errors.js';
import { resolveWithOverrides, validScenarioData } from '../scenario/load.js';
import { applySets } from '../scenario/overrides.js';
import { visit } from 'yaml';
import { setArgument } from './setArgument.js';
import type { FitParameter } from './types.js';

type Path = readonly (string | number)[];

/** One arm read once: its data at some theta and the full path of each fitted scenario value in it. */
interface ArmTemplate {
  readonly data: unknown;
  readonly paths: readonly Path[];
}

const segmentsOf = (pathText: string): string[] => pathText.split('.').map((s) => s.trim());

/**
 * The full path of dotted segments in plain data, as --set selects it (an index or, under a
 * list, the item with that `name`); null where it does not lead to a field.
 */
function locate(data: unknown, segments: readonly string[]): (string | number)[] | null {
  const path: (string | number)[] = [];
  let node = data;
  for (const seg of segments) {
    if (Array.isArray(node)) {
      const index = /^\d+$/.test(seg) ? Number(seg) : node.findIndex((it) => typeof it === 'object' && it !== null && !Array.isArray(it) && it.name === seg);
      if (index < 0 || index >= node.length) return null;
      path.push(index);
      node = node[index];
    } else if (typeof node === 'object' && node !== null && Object.hasOwn(node, seg)) {
      path.push(seg);
      node = (node as Record<string, unknown>)[seg];
    } else {
      return null;
    }
  }
  return path;
}

const within = (a: Path, b: Path): boolean => a.length <= b.length && a.every((seg, i) => seg === b[i]);

function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const seg of path) node = (node as Record<string | number, unknown>)[seg];
  return node;
}

function writeAt(data: unknown, path: Path, value: unknown): void {
  let node = data as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
}

/** The value a --set of `setArgument(p, v)` writes: YAML reads a finite number as that number, a number with a unit as the string. */
function setValue(p: FitParameter, v: number): unknown {
  return p.unit === '' ? Number(`${v}`) : `${v}${p.unit}`; // Number('0') for -0, as YAML reads it
}

export class FittedScenarios {
  /** The parameters that set scenario values (not noise sds), and their places in theta. */
  private readonly fitted: readonly FitParameter[];
  private readonly slots: readonly number[];
  /** Per arm: its template, or null where the arm takes the full --set path. */
  private readonly templates = new Map<string, ArmTemplate | null>();
  private readonly hasAlias: boolean;

  constructor(private readonly parsed: ParsedScenario, parameters: readonly FitParameter[], private readonly armSets: ReadonlyMap<string, readonly string[]>) {
    this.slots = parameters.flatMap((p, j) => (p.target.kind === 'scenario' ? [j] : []));
    this.fitted = this.slots.map((j) => parameters[j]);
    let alias = false;
    visit(parsed.doc, { Alias: () => { alias = true; return visit.BREAK; } });
    this.hasAlias = alias;
  }

  /** The arm's scenario at theta; null when the scenario refuses the values (outside what it allows). */
  at(theta: readonly number[], arm: string): Scenario | null {
    const values = this.slots.map((j) => theta[j]);
    const armSets = this.armSets.get(arm);
    if (armSets === undefined) throw new Error(`internal: no arm named '${arm}'`);
    const finite = values.every((v) => Number.isFinite(v));
    let template = this.templates.get(arm);
    if (template === undefined && finite) {
      template = this.template(values, armSets);
      this.templates.set(arm, template);
    }
    if (template == null || !finite) return this.slow(values, armSets);
    const data = structuredClone(template.data);
    this.fitted.forEach((p, j) => writeAt(data, template.paths[j], setValue(p, values[j])));
    return validScenarioData(data);
  }

  /** Whether the arm's scenarios come from its data read once (false before its first finite theta, and where it takes the --set path). */
  readOnce(arm: string): boolean {
    return this.templates.get(arm) != null;
  }

  /** resolveWithOverrides with the fitted values then the arm's values as --set arguments. */
  private slow(values: readonly number[], armSets: readonly string[]): Scenario | null {
    try {
      return resolveWithOverrides(this.parsed, [...this.fitted.map((p, j) => setArgument(p, values[j])), ...armSets]);
    } catch (err) {
      if (err instanceof ScenarioError) return null;
      throw err;
    }
  }

  /** The arm read once at `values`, or null where writing into its data might not be what --set does. */
  private template(values: readonly number[], armSets: readonly string[]): ArmTemplate | null {
    if (this.hasAlias) return null;
    const fittedSets = this.fitted.map((p, j) => setArgument(p, values[j]));
    const doc = this.parsed.doc.clone();
    const { issues } = applySets(this.parsed, doc, fittedSets);
    const fittedData = documentData(this.parsed, doc); // the lists' names as the fitted values' --set saw them
    const applied = applySets(this.parsed, doc, armSets);
    if (issues.length > 0 || applied.issues.length > 0) return null;
    const data = documentData(this.parsed, doc);
    const paths: Path[] = [];
    for (const p of this.fitted) {
      const segments = segmentsOf(p.path);
      const path = locate(fittedData, segments);
      if (path === null || segments[segments.length - 1] === 'name') return null;
      const again = locate(data, segments);
      if (again === null || !within(path, again) || !within(again, path)) return null;
      paths.push(path);
    }
    for (const text of armSets) {
      const eq = text.indexOf('=');
      const armPath = eq < 0 ? null : locate(data, segmentsOf(text.slice(0, eq)));
      if (armPath === null || paths.some((p) => within(p, armPath) || within(armPath, p))) return null;
    }
    for (let a = 0; a < paths.length; a++) for (let b = 0; b < paths.length; b++) if (a !== b && within(paths[a], paths[b])) return null;
    // The values written here are the values --set wrote at `values` (else --set reads them otherwise).
    if (!this.fitted.every((p, j) => Object.is(valueAt(data, paths[j]), setValue(p, values[j])))) return null;
    return { data, paths };
  }
}
