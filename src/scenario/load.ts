// Loading a scenario: text (or a file) -> YAML document -> --set overrides -> validation ->
// frozen Scenario. Every problem found is reported in one ScenarioError. A sweep parses the
// text once with parseScenarioDocument and calls resolveWithOverrides for each point.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Scenario } from '../model/scenario.js';
import { documentData, parseScenarioDocument, positionOf, type ParsedScenario } from './document.js';
import { stepOf } from '../model/steps.js';
import { boundIssues, doseIssues, type BoundIssue } from './bounds.js';
import { ScenarioError, formatIssue, formatPath, type ScenarioIssue } from './errors.js';
import { toScenarioIssues, type Where } from './issues.js';
import { applySets, overrideFor } from './overrides.js';
import { resolveScenario } from './resolve.js';
import { scenarioSchema, type RawScenario } from './schema.js';
import { checkFileSize, MAX_SCENARIO_BYTES } from './textLimits.js';

export { parseScenarioDocument, type ParsedScenario } from './document.js';

/** File issues in text order, then issues at --set arguments in argument order; no duplicates. */
function tidy(issues: readonly ScenarioIssue[], sets: readonly string[]): ScenarioIssue[] {
  const rank = (i: ScenarioIssue) => (i.set === undefined ? -1 : sets.indexOf(i.set));
  const sorted = [...issues].sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column);
  const seen = new Set<string>();
  return sorted.filter((i) => {
    const key = formatIssue(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Validates a parsed scenario with `--set` overrides applied; the parsed document is not changed. */
export function resolveWithOverrides(parsed: ParsedScenario, sets: readonly string[] = []): Scenario {
  const doc = sets.length > 0 ? parsed.doc.clone() : parsed.doc;
  const { overrides, issues: setIssues } = applySets(parsed, doc, sets);
  const data = documentData(parsed, doc);
  const result = scenarioSchema.safeParse(data);
  const locate = (path: readonly PropertyKey[], key: boolean): Where => {
    const override = overrideFor(overrides, path);
    if (override) return { file: parsed.file, line: 0, column: 0, set: override.text };
    return { file: parsed.file, ...(positionOf(parsed, doc, path, key) ?? { line: 0, column: 0 }) };
  };
  if (result.success && setIssues.length === 0) {
    const resolved = resolveWithinBounds(result.data, locate);
    if (!Array.isArray(resolved)) return resolved;
    throw new ScenarioError(tidy(resolved, sets));
  }
  const issues = result.success ? [] : toScenarioIssues(result.error.issues, { schema: scenarioSchema, data, locate });
  throw new ScenarioError(tidy([...issues, ...setIssues], sets));
}

/**
 * The scenario that plain data (a document's toJS) validates to, checked exactly as
 * resolveWithOverrides checks a document; null where it finds any problem (not located: for
 * callers that only need to know whether values are allowed, such as a fit's proposals).
 */
export function validScenarioData(data: unknown): Scenario | null {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) return null;
  const resolved = resolveWithinBounds(result.data, () => ({ file: '', line: 0, column: 0 }));
  return Array.isArray(resolved) ? null : resolved;
}

/** A valid scenario within the limits of model/limits.ts, or the limits it passes, located. */
function resolveWithinBounds(raw: RawScenario, locate: (path: readonly PropertyKey[], key: boolean) => Where): Scenario | ScenarioIssue[] {
  const located = (bs: readonly BoundIssue[]) => bs.map((b): ScenarioIssue => ({ ...locate(b.path, false), path: formatPath(b.path), message: b.message, expected: b.expected, found: b.found }));
  const doses = doseIssues(raw);
  if (doses.length > 0) return located(doses);
  const s = resolveScenario(raw);
  const bounds = boundIssues(raw, s, stepOf(s));
  return bounds.length > 0 ? located(bounds) : s;
}

/** Scenario text -> Scenario. `file` only names the text in messages. */
export function loadScenarioText(text: string, file: string, sets: readonly string[] = []): Scenario {
  return resolveWithOverrides(parseScenarioDocument(text, file), sets);
}

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/**
 * The bytes of a file, read up to one byte past the size cap: a size on disk is not enough,
 * since /dev/zero, a FIFO or a /proc file has none (or a false one) and reads forever.
 */
function readCapped(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    if (st.isFile()) checkFileSize(st.size, path); // a regular file's size is known before reading
    const buf = Buffer.alloc(MAX_SCENARIO_BYTES + 1);
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    checkFileSize(n, path, n === buf.length);
    return buf.toString('utf8', 0, n);
  } finally {
    closeSync(fd);
  }
}

/** The text of a scenario file, read up to the size cap; an unreadable or oversized file is a ScenarioError. */
export function readScenarioText(path: string): string {
  try {
    return readCapped(path);
  } catch (err) {
    if (err instanceof ScenarioError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const why = READ_PROBLEMS[code] ?? (err as Error).message;
    throw new ScenarioError([{ file: path, line: 0, column: 0, path: '', message: `cannot read the scenario: ${why}`, expected: '', found: '' }]);
  }
}

/** Reads and loads a scenario file; an unreadable file is a ScenarioError too. */
export function loadScenarioFile(path: string, sets: readonly string[] = []): { scenario: Scenario; text: string } {
  const text = readScenarioText(path);
  return { scenario: loadScenarioText(text, path, sets), text };
}
