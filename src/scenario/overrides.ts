// `--set path=value` overrides. They edit the parsed YAML document before validation, so an
// overridden value is checked exactly like one written in the file. Paths are dotted
// (`switch.entry_rate`, `drugs.0.potency`); under a list, a word selects the item with that
// `name` (`drugs.paclitaxel.potency`). The value is read as YAML (`0.1` is a number, `2e-4/h`
// a string, `[1d, 2d]` a list). Each override remembers the part of the document it wrote, so
// that a validation error there points at the `--set` instead of a line of the file.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { ScenarioIssue } from './errors.js';
import { MAX_ALIAS_COUNT, YAML_OPTIONS, type ParsedScenario } from './document.js';

export interface Override {
  /** The argument as given, `switch.entry_rate=2e-4/h`. */
  readonly text: string;
  /** The field path it wrote, with list items as indices: ['drugs', 0, 'potency']. */
  readonly path: readonly PropertyKey[];
}

class SetFailure extends Error {
  constructor(message: string, readonly expected = '') {
    super(message);
  }
}

const SET_FORM = 'path=value, such as switch.entry_rate=2e-4/h';

interface SetArgument {
  readonly text: string;
  readonly segments: readonly string[];
  readonly valueText: string;
}

/** Splits `a.b.c=value`; a malformed argument is a SetFailure. */
function splitSet(text: string): SetArgument {
  const eq = text.indexOf('=');
  if (eq < 0) throw new SetFailure(`missing '='`, SET_FORM);
  const pathText = text.slice(0, eq).trim();
  const valueText = text.slice(eq + 1).trim();
  if (pathText === '') throw new SetFailure(`empty path before '='`, SET_FORM);
  const segments = pathText.split('.').map((s) => s.trim());
  if (segments.some((s) => s === '')) throw new SetFailure(`empty segment in path '${pathText}'`, SET_FORM);
  if (valueText === '') throw new SetFailure(`missing value after '=' (write '' for an empty string)`);
  return { text, segments, valueText };
}

function parseValue(doc: Document, valueText: string): Node {
  const valueDoc = parseDocument(valueText, { ...YAML_OPTIONS, uniqueKeys: true }); // a short value: the library's check will do
  const problem = [...valueDoc.errors, ...valueDoc.warnings][0];
  if (problem) throw new SetFailure(`the value is not valid YAML: ${problem.message.split(' at line')[0]}`);
  let value: unknown;
  try {
    value = valueDoc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new SetFailure(`the value cannot be read: ${(err as Error).message}`);
  }
  return doc.createNode(value) as Node;
}

const dotted = (segments: readonly string[], n: number) => segments.slice(0, n).join('.');

function itemNames(items: readonly unknown[]): string[] {
  return items.flatMap((it) => (isMap(it) && typeof it.get('name') === 'string' ? [it.get('name') as string] : []));
}

/** Index of the list item selected by `seg`: a number, or the item's `name`. */
function selectItem(items: readonly unknown[], seg: string, where: string): number {
  const what = where === 'drugs' ? 'drug' : 'item';
  if (/^\d+$/.test(seg)) {
    const index = Number(seg);
    if (index >= items.length) {
      throw new SetFailure(`index ${index} is out of range: ${where} has ${items.length} ${what}${items.length === 1 ? '' : 's'}`);
    }
    return index;
  }
  const index = items.findIndex((it) => isMap(it) && it.get('name') === seg);
  if (index < 0) {
    const names = itemNames(items);
    throw new SetFailure(`no ${what} named '${seg}' in ${where} (${names.length > 0 ? `names: ${names.join(', ')}` : `${where} is empty`})`);
  }
  return index;
}

/** Writes the value into the document; returns the path it wrote (up to the first created mapping). */
function applyOne(doc: Document, arg: SetArgument): PropertyKey[] {
  const { segments } = arg;
  const resolved: PropertyKey[] = [];
  let created: number | null = null;
  let node: unknown = doc.contents;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (isAlias(node)) throw new SetFailure(`'${dotted(segments, i)}' is a YAML alias; override the anchored value instead`);
    if (isSeq(node)) {
      const index = selectItem(node.items, seg, dotted(segments, i));
      resolved.push(index);
      if (last) node.items[index] = parseValue(doc, arg.valueText);
      else node = node.items[index];
      continue;
    }
    if (!isMap(node)) throw new SetFailure(`'${dotted(segments, i)}' is a single value, not a mapping, so it has no field '${seg}'`);
    resolved.push(seg);
    if (last) {
      node.set(seg, parseValue(doc, arg.valueText));
      break;
    }
    let next: unknown = node.get(seg, true);
    if (next === undefined || (isScalar(next) && next.value === null)) {
      if (i === 0 && seg === 'drugs') selectItem([], segments[1], 'drugs');
      next = doc.createNode({});
      node.set(seg, next);
      created ??= resolved.length;
    }
    node = next;
  }
  return created === null ? resolved : resolved.slice(0, created);
}

/**
 * Applies every `--set` argument it can to `doc` (a clone the caller owns). Malformed
 * arguments become issues located at the argument, returned beside the overrides so that
 * they are reported together with the validation errors.
 */
export function applySets(parsed: ParsedScenario, doc: Document, sets: readonly string[]): { overrides: Override[]; issues: ScenarioIssue[] } {
  const overrides: Override[] = [];
  const issues: ScenarioIssue[] = [];
  for (const text of sets) {
    let path = '';
    try {
      const arg = splitSet(text);
      path = arg.segments.join('.');
      overrides.push({ text, path: applyOne(doc, arg) });
    } catch (err) {
      if (!(err instanceof SetFailure)) throw err;
      issues.push({ file: parsed.file, line: 0, column: 0, set: text, path, message: err.message, expected: err.expected, found: '' });
    }
  }
  return { overrides, issues };
}

/** The last override that wrote `path` or a field containing it. */
export function overrideFor(overrides: readonly Override[], path: readonly PropertyKey[]): Override | undefined {
  const covers = (o: Override) => o.path.length <= path.length && o.path.every((seg, i) => String(seg) === String(path[i]));
  for (let i = overrides.length - 1; i >= 0; i--) if (covers(overrides[i])) return overrides[i];
  return undefined;
}
