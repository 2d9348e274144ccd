// Turns zod's validation issues into ScenarioIssues: a dotted field path, a position (from the
// caller, which knows the YAML document and the --set overrides), a message, what was expected
// and what was found, and a "did you mean" hint for misspelt keys and values.
import type { z } from 'zod';
import { describeValue, formatPath, type ScenarioIssue } from './errors.js';
import { nearest } from './suggest.js';
import { isMissing, keysAt, labelAt, valueAt } from './walk.js';

type ZodIssue = z.core.$ZodIssue;
export type Where = Pick<ScenarioIssue, 'file' | 'line' | 'column' | 'set'>;

export interface IssueContext {
  readonly schema: z.ZodType;
  readonly data: unknown;
  /** Position of the value at `path`, or of its key when `key` is true. */
  readonly locate: (path: readonly PropertyKey[], key: boolean) => Where;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', int: 'an integer', boolean: 'true or false',
};

function hintFor(word: unknown, candidates: readonly unknown[]): string | undefined {
  if (typeof word !== 'string') return undefined;
  const near = nearest(word, candidates.filter((c): c is string => typeof c === 'string'));
  return near === null ? undefined : `did you mean '${near}'?`;
}

/** How much a failed union branch disagrees with the input; the closest branch is reported. */
function weight(issues: readonly ZodIssue[]): number {
  return issues.reduce((n, i) => n + (i.code === 'unrecognized_keys' ? i.keys.length : 1), 0);
}

export function toScenarioIssues(issues: readonly ZodIssue[], ctx: IssueContext): ScenarioIssue[] {
  return issues.flatMap((iss) => convert(iss, [], ctx));
}

function convert(iss: ZodIssue, prefix: readonly PropertyKey[], ctx: IssueContext): ScenarioIssue[] {
  const path = [...prefix, ...iss.path];
  const value = valueAt(ctx.data, path);
  const label = labelAt(ctx.schema, path, ctx.data);
  const make = (fields: Pick<ScenarioIssue, 'message' | 'expected' | 'found' | 'hint'>, at = path, key = false): ScenarioIssue => {
    const issue: ScenarioIssue = { ...ctx.locate(at, key), path: formatPath(at), ...fields };
    if (issue.hint === undefined) delete (issue as { hint?: string }).hint;
    return issue;
  };
  const missing = isMissing(ctx.data, path);
  const missingIssue = () => make({ message: 'missing required field', expected: label ?? '', found: '' });

  switch (iss.code) {
    case 'unrecognized_keys': {
      const valid = keysAt(ctx.schema, path, ctx.data);
      return iss.keys.map((k) => make({
        message: `unknown key '${k}'`,
        expected: valid.length > 0 ? `one of ${valid.join(', ')}` : '',
        found: '',
        hint: hintFor(k, valid),
      }, [...path, k], true));
    }
    case 'invalid_union': {
      if ('note' in iss && iss.note === 'No matching discriminator') {
        const options = ((iss as { options?: unknown[] }).options ?? []).filter((o) => o !== null && o !== undefined);
        const expected = `one of ${options.join(', ')}`;
        if (missing) return [make({ message: 'missing required field', expected, found: '' })];
        return [make({ message: 'unknown value', expected, found: describeValue(value), hint: hintFor(value, options) })];
      }
      if (missing) return [missingIssue()];
      const branches = iss.errors;
      const allTypeErrors = branches.every((b) => b.length === 1 && b[0].code === 'invalid_type' && b[0].path.length === 0);
      if (branches.length === 0 || allTypeErrors) {
        return [make({ message: value === null ? 'empty value' : 'wrong type', expected: label ?? '', found: describeValue(value) })];
      }
      const best = branches.reduce((a, b) => (weight(b) < weight(a) ? b : a));
      return best.flatMap((inner) => convert(inner, path, ctx));
    }
    case 'invalid_type': {
      if (missing) return [missingIssue()];
      const expected = label ?? TYPE_NAMES[iss.expected] ?? iss.expected;
      return [make({ message: value === null ? 'empty value' : 'wrong type', expected, found: describeValue(value) })];
    }
    case 'too_small':
    case 'too_big': {
      if (iss.origin === 'array') {
        const n = Number(iss.code === 'too_small' ? iss.minimum : iss.maximum);
        const expected = iss.code === 'too_small' ? `at least ${n} item${n === 1 ? '' : 's'}` : `at most ${n} items`;
        return [make({ message: iss.code === 'too_small' && n === 1 ? 'empty list' : 'wrong number of items', expected, found: `${(value as unknown[]).length}` })];
      }
      return [make({ message: 'out of range', expected: label ?? iss.message, found: describeValue(value) })];
    }
    case 'invalid_value':
      return [make({
        message: 'unknown value',
        expected: label ?? `one of ${iss.values.map(String).join(', ')}`,
        found: describeValue(value),
        hint: hintFor(value, iss.values),
      })];
    case 'invalid_format':
      return [make({ message: 'invalid format', expected: label ?? iss.format, found: describeValue(value) })];
    case 'custom': {
      const params = (iss.params ?? {}) as { expected?: string; found?: string };
      return [make({ message: iss.message, expected: params.expected ?? label ?? '', found: params.found ?? describeValue(value) })];
    }
    default:
      return [make({ message: iss.message, expected: label ?? '', found: describeValue(value) })];
  }
}
