// The one error type of scenario loading. It carries every problem found (never just the
// first), each located in the file (line, column) or in a `--set` argument, and formats them
// for a terminal as `file:line:column: path: message (expected ..., found ...)`.

export interface ScenarioIssue {
  readonly file: string;
  /** 1-based; 0 when the problem has no place in the text (e.g. the file cannot be read). */
  readonly line: number;
  readonly column: number;
  /** Field path such as `switch.entry_rate` or `drugs[0].potency`; '' for the whole document. */
  readonly path: string;
  /** What a valid value looks like; '' when not applicable. */
  readonly expected: string;
  /** What was there instead; '' when not applicable. */
  readonly found: string;
  readonly message: string;
  /** A suggestion such as `did you mean 'exit_rate'?`. */
  readonly hint?: string;
  /** The `--set path=value` argument the problem comes from; it replaces file:line:column. */
  readonly set?: string;
}

export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.set !== undefined
    ? `--set ${issue.set}`
    : issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  const parts = [where];
  if (issue.path !== '') parts.push(issue.path);
  let text = `${parts.join(': ')}: ${issue.message}`;
  const details = [issue.expected && `expected ${issue.expected}`, issue.found && `found ${issue.found}`].filter(Boolean);
  if (details.length > 0) text += ` (${details.join(', ')})`;
  if (issue.hint) text += `\n  ${issue.hint}`;
  return text;
}

/** Issues printed; the rest are counted (ScenarioError.issues holds them all). */
export const MAX_PRINTED_ISSUES = 50;

function formatIssues(issues: readonly ScenarioIssue[]): string {
  const shown = issues.slice(0, MAX_PRINTED_ISSUES).map(formatIssue);
  const more = issues.length - shown.length;
  if (more > 0) shown.push(`... and ${more} more problem${more === 1 ? '' : 's'} (fix these first)`);
  return shown.join('\n');
}

export class ScenarioError extends Error {
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    super(formatIssues(issues));
    this.name = 'ScenarioError';
    this.issues = Object.freeze([...issues]);
  }

  /** Every issue, one per line (plus hint lines), ready for stderr. */
  format(): string {
    return this.message;
  }
}

/** `['drugs', 0, 'potency']` -> `drugs[0].potency`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** A value as a user wrote it, for the `found ...` part of a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan' : Number.isFinite(value) ? String(value) : value > 0 ? '.inf' : '-.inf';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
