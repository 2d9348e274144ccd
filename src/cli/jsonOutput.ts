// The `--format json` documents of `persim validate` and `persim explain` (README: Commands,
// "JSON output"). Keys are snake_case and always present (null when not applicable), so a
// script can read them without checking for absence. Bad input gives the same document for
// both commands: `{"ok": false, "file", "errors": [...]}`, each error located as on stderr.
import type { Explanation, MeanTheory } from '../api/explain.js';
import { EngineChoiceError } from '../engine/simulate.js';
import { UsageError } from '../io/errors.js';
import type { Scenario } from '../model/scenario.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors.js';
import { sourceName } from './scenarioInput.js';

export interface JsonIssue {
  readonly file: string;
  /** 1-based; 0 when the problem has no place in the text (or comes from a --set). */
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly message: string;
  readonly expected: string;
  readonly found: string;
  readonly hint: string | null;
  /** The `--set path=value` argument the problem comes from, else null. */
  readonly set: string | null;
}

export interface ValidateSummary {
  readonly arms: readonly string[];
  readonly sweep: { readonly points: number; readonly dimensions: readonly string[] } | null;
}

function issueJson(i: ScenarioIssue): JsonIssue {
  return { file: i.file, line: i.line, column: i.column, path: i.path, message: i.message, expected: i.expected, found: i.found, hint: i.hint ?? null, set: i.set ?? null };
}

/** The issues of a bad-input error, or null for an error that is not bad input (exit 1). */
export function inputIssues(err: unknown, file: string): JsonIssue[] | null {
  if (err instanceof ScenarioError) return err.issues.map(issueJson);
  if (err instanceof UsageError || err instanceof EngineChoiceError) {
    return [{ file, line: 0, column: 0, path: '', message: err.message, expected: '', found: '', hint: null, set: null }];
  }
  return null;
}

export function failureJson(file: string, errors: readonly JsonIssue[]): string {
  return JSON.stringify({ ok: false, file, errors }, null, 2) + '\n';
}

export function checkFormat(format: string): void {
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, found '${format}'`);
}

/** Runs `body`; with --format json a bad-input error is also printed on stdout as a document, then rethrown (exit 2). */
export function withJsonErrors<T>(format: string, file: string, body: () => T): T {
  try {
    return body();
  } catch (err) {
    const issues = format === 'json' ? inputIssues(err, sourceName(file)) : null;
    if (issues !== null) process.stdout.write(failureJson(sourceName(file), issues));
    throw err;
  }
}

export function validateJson(file: string, s: Scenario, extra: ValidateSummary): string {
  const doc = {
    ok: true,
    file,
    name: s.name,
    replicates: s.replicates,
    seed: s.seed,
    horizon_h: s.time.horizonH,
    initial_cells: s.population.initial,
    drugs: s.drugs.map((d) => d.name),
    doses: s.drugs.reduce((n, d) => n + d.doses.length, 0),
    adaptive: s.drugs.some((d) => d.adaptive !== undefined),
    arms: extra.arms,
    sweep: extra.sweep,
    errors: [],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** NaN and infinities (a fraction that does not exist) become null. */
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function theoryJson(t: MeanTheory) {
  return {
    matrix_per_day: t.matrixPerDay.map((row) => row.map(finite)),
    eigenvalues_per_day: t.eigenvaluesPerDay.map(finite),
    stationary_persister_fraction: finite(t.stationaryPersisterFraction),
  };
}

export function explainJson(file: string, s: Scenario, e: Explanation): string {
  const doc = {
    ok: true,
    file,
    name: s.name,
    switch_model: s.switch.model,
    text: e.text,
    sections: e.sections.map((x) => ({ title: x.title, lines: x.lines })),
    off_drug: e.offDrug === null ? null : theoryJson(e.offDrug),
    peak_drug: e.peakDrug === null ? null : { time_h: e.peakDrug.timeH, ...theoryJson(e.peakDrug) },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
