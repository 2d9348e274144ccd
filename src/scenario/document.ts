// YAML side of loading: parse the text into a YAML document that remembers where every node
// is (line, column), refuse what a scenario must never contain (a text too large, syntax
// errors, duplicate keys, custom or unknown tags, a second document, a top level that is not
// a mapping), turn it into plain data with a small alias budget (an alias bomb fails fast),
// and map a field path back to its line and column. Everything here is linear in the size of
// the text (the yaml library's own duplicate-key check is quadratic, so it is done here).
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type DocumentOptions, type Node, type Pair, type ParseOptions, type SchemaOptions, type YAMLError, type YAMLMap } from 'yaml';
import { ScenarioError, describeValue, type ScenarioIssue } from './errors.js';
import { checkTextSize } from './textLimits.js';

/** Alias expansions allowed when converting a document to data ("billion laughs" guard). */
export const MAX_ALIAS_COUNT = 100;

export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  prettyErrors: true,
  strict: true,
  uniqueKeys: false, // checked by duplicateKeyIssues, in linear time
  stringKeys: true,
  // With known tags unresolved too, every tag beyond the core schema (!!binary, !!set,
  // !!python/..., !custom) is a warning, which becomes an error below: nothing is executed.
  resolveKnownTags: false,
  customTags: [],
  // Not 'silent': that would also drop the error for a second document. Nothing is printed
  // at this level; problems stay in doc.errors and doc.warnings.
  logLevel: 'error',
};

/** A parsed scenario file, ready to take overrides and be validated (see load.ts). */
export interface ParsedScenario {
  readonly file: string;
  readonly text: string;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** The YAML parser's own messages carry the position and a code excerpt; keep the sentence. */
function yamlMessage(e: YAMLError): string {
  return e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
}

function yamlIssue(file: string, text: string, e: YAMLError): ScenarioIssue {
  const pos = e.linePos?.[0];
  const at = text.slice(e.pos[0], e.pos[1]);
  let message = `YAML syntax error: ${yamlMessage(e)}`;
  if (e.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*?(?=\s*:)/.exec(text.slice(e.pos[0]))?.[0] ?? at;
    message = `duplicate key '${key}': each key may appear once in a mapping`;
  }
  // The parser recurses once per flow level and runs out of stack near 800 ([[[...]]]).
  if (/Maximum call stack size exceeded/.test(e.message)) message = 'the YAML nests too deeply here (hundreds of [ or { levels): a scenario nests a few levels';
  if (e.code === 'MULTIPLE_DOCS') message = 'a second YAML document starts here: a scenario file holds one document (remove this --- and what follows, or put it in its own file)';
  if (e.code === 'TAG_RESOLVE_FAILED') message = `YAML tag ${at} is not allowed: a scenario holds plain values only (numbers, strings, lists, mappings)`;
  return { file, line: pos?.line ?? 0, column: pos?.col ?? 0, path: '', expected: '', found: '', message };
}

const PAIR_INDEX = new WeakMap<YAMLMap, { size: number; byKey: Map<string, Pair> }>();

/**
 * A mapping's pairs by key (the first of each), built once per mapping so that locating many
 * issues stays linear; rebuilt when an override has added a pair since.
 */
function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = PAIR_INDEX.get(map);
  if (index === undefined || index.size !== map.items.length) {
    const byKey = new Map<string, Pair>();
    for (const p of map.items) if (isScalar(p.key) && !byKey.has(String(p.key.value))) byKey.set(String(p.key.value), p as Pair);
    index = { size: map.items.length, byKey };
    PAIR_INDEX.set(map, index);
  }
  return index.byKey;
}

function positionAt(lineCounter: LineCounter, node: Node | null | undefined): Position | null {
  const start = node?.range?.[0];
  if (start === undefined) return null;
  const { line, col } = lineCounter.linePos(start);
  return { line, column: col };
}

function kindOf(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'an empty value' : `a single value ${describeValue(node.value)}`;
  return 'something else';
}

/** A key that repeats one earlier in the same mapping, at the repeat. */
function duplicateKeyIssues(file: string, doc: Document, lineCounter: LineCounter): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const k = String(pair.key.value);
        if (!seen.has(k)) {
          seen.add(k);
          continue;
        }
        const pos = positionAt(lineCounter, pair.key) ?? { line: 0, column: 0 };
        issues.push({ file, ...pos, path: '', expected: '', found: '', message: `duplicate key '${k}': each key may appear once in a mapping` });
      }
    },
  });
  return issues;
}

/**
 * Parses scenario text; a document that cannot be a scenario is a ScenarioError. Lone CR line
 * ends (old Mac files) are read as line ends; replacing them keeps every offset.
 */
export function parseScenarioDocument(text: string, file: string): ParsedScenario {
  checkTextSize(text, file);
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { ...YAML_OPTIONS, lineCounter }) as Document;
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) throw new ScenarioError(problems.map((e) => yamlIssue(file, source, e)));
  const duplicates = duplicateKeyIssues(file, doc, lineCounter);
  if (duplicates.length > 0) throw new ScenarioError(duplicates);
  const parsed: ParsedScenario = { file, text, doc, lineCounter };
  if (doc.contents === null) {
    throw new ScenarioError([{
      file, line: 1, column: 1, path: '', message: 'the scenario is empty',
      expected: 'a mapping with at least name, time, population and phenotypes', found: 'an empty document',
    }]);
  }
  if (!isMap(doc.contents)) {
    const pos = positionAt(lineCounter, doc.contents) ?? { line: 1, column: 1 };
    throw new ScenarioError([{
      file, ...pos, path: '', message: 'the top level of a scenario must be a mapping of fields',
      expected: 'a mapping (name: ..., time: ..., ...)', found: kindOf(doc.contents),
    }]);
  }
  documentData(parsed); // an alias bomb fails here, at once
  return parsed;
}

/** The document as plain data. Too many alias expansions is a ScenarioError at the first alias. */
export function documentData(parsed: ParsedScenario, doc: Document = parsed.doc): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    let alias: Node | null = null;
    visit(doc, { Alias: (_key, node) => { alias = node; return visit.BREAK; } });
    const pos = positionAt(parsed.lineCounter, alias) ?? { line: 1, column: 1 };
    throw new ScenarioError([{
      file: parsed.file, ...pos, path: '',
      message: `YAML aliases expand too much: ${(err as Error).message}`,
      expected: `at most ${MAX_ALIAS_COUNT} alias expansions`, found: 'more (an alias bomb?)',
    }]);
  }
}

/**
 * Line and column of the node at `path`. With `key`, the position of the last key itself
 * (used for unknown keys). A path that stops early (a missing field) gives the position of
 * the deepest node that exists, i.e. the mapping that lacks the field. Null: no position
 * (the node was created by an override).
 */
export function positionOf(parsed: ParsedScenario, doc: Document, path: readonly PropertyKey[], key = false): Position | null {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const seg = path[i];
    let next: unknown;
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(seg));
      if (!pair) break;
      if (key && i === path.length - 1) return positionAt(parsed.lineCounter, pair.key as Node);
      // `horizon:` with nothing after it: point at the key.
      next = pair.value === null || (isScalar(pair.value) && pair.value.range?.[0] === pair.value.range?.[1]) ? pair.key : pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg];
    }
    if (next === undefined || next === null) break;
    node = next;
  }
  return positionAt(parsed.lineCounter, node as Node);
}
