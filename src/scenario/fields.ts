// Leaf field schemas of the scenario format. Each one records a human label of what it
// accepts ("a rate such as 0.02/h", "a number in [0, 1]") so that error messages can say what
// was expected. Fields with units parse the unit themselves and output hours or per hour;
// their JSON Schema (a number or a string with a unit) is given explicitly.
import { z } from 'zod';
import { MAX_RATE_PER_H } from '../model/limits.js';
import { COUNT_PATTERN, DURATION_PATTERN, RATE_PATTERN, SPAN_PATTERN, parseCount, parseDuration, parseRate, parseSpan, type UnitResult } from './units.js';

const labels = new WeakMap<object, string>();

export function labelled<T extends z.ZodType>(schema: T, label: string): T {
  labels.set(schema, label);
  return schema;
}

/** What a leaf field accepts, if it is one built here. */
export function labelOf(schema: z.ZodType): string | undefined {
  return labels.get(schema);
}

export interface Bound {
  readonly min: number;
  /** true: value > min; false: value >= min. */
  readonly exclusive: boolean;
  readonly max?: number;
  readonly integer?: boolean;
  /** The maximum as printed, e.g. "1000/h"; default the number. */
  readonly maxText?: string;
}

export const NON_NEGATIVE: Bound = { min: 0, exclusive: false };
export const POSITIVE: Bound = { min: 0, exclusive: true };

/** An integer field holds exact integers only: at most 2^53 - 1, said so in its messages. */
const MAX_INTEGER_TEXT = String(Number.MAX_SAFE_INTEGER);

function boundText(b: Bound): string {
  if (b.max !== undefined) return `in ${b.exclusive ? '(' : '['}${b.min}, ${b.maxText ?? b.max}]`;
  if (b.integer) return `in ${b.exclusive ? '(' : '['}${b.min}, ${MAX_INTEGER_TEXT}]`;
  return `${b.exclusive ? '>' : '>='} ${b.min}`;
}

function inBound(v: number, b: Bound): boolean {
  if (b.integer && !Number.isSafeInteger(v)) return false;
  if (b.exclusive ? v <= b.min : v < b.min) return false;
  return b.max === undefined || v <= b.max;
}

function jsonNumber(b: Bound): Record<string, unknown> {
  return {
    type: b.integer ? 'integer' : 'number',
    ...(b.exclusive ? { exclusiveMinimum: b.min } : { minimum: b.min }),
    ...(b.max !== undefined ? { maximum: b.max } : {}),
  };
}

interface Quantity {
  readonly parse: (input: unknown) => UnitResult;
  /** "a rate such as 0.02/h": what a well-formed value looks like. */
  readonly example: string;
  /** "a rate": used with the bound, as in "a rate >= 0". */
  readonly noun: string;
  readonly pattern: string;
}

const DURATION: Quantity = { parse: parseDuration, example: 'a duration such as 36h, 3d or 2w', noun: 'a duration', pattern: DURATION_PATTERN };
const RATE: Quantity = { parse: parseRate, example: 'a rate such as 0.02/h', noun: 'a rate', pattern: RATE_PATTERN };
const COUNT: Quantity = { parse: parseCount, example: 'a number such as 1e5', noun: 'a number', pattern: COUNT_PATTERN };

function withUnit(q: Quantity, b: Bound, description: string) {
  const noun = b.integer ? 'an integer' : q.noun;
  const range = `${noun} ${boundText(b)}`;
  const schema = z
    .unknown()
    .transform((input, ctx) => {
      if (input === undefined) {
        ctx.addIssue({ code: 'custom', message: 'missing required field', params: { expected: q.example, found: '' }, input });
        return z.NEVER;
      }
      const r = q.parse(input);
      if (!r.ok) {
        const message = input === null ? 'empty value' : r.message;
        ctx.addIssue({ code: 'custom', message, params: { expected: q.example }, input });
        return z.NEVER;
      }
      if (!inBound(r.value, b)) {
        const message = b.integer && !Number.isInteger(r.value) ? 'not an integer' : 'out of range';
        ctx.addIssue({ code: 'custom', message, params: { expected: range }, input });
        return z.NEVER;
      }
      return r.value;
    })
    .meta({ anyOf: [jsonNumber(b), { type: 'string', pattern: q.pattern }] })
    .describe(description);
  return labelled(schema, q.example);
}

/** A duration, output in hours. */
export const duration = (b: Bound, description: string) => withUnit(DURATION, b, description);
/**
 * A rate (>= 0 unless another minimum is given), output per hour; at most MAX_RATE_PER_H
 * (model/limits.ts), since a faster one would take a run forever.
 */
export const rate = (description: string, b: Bound = NON_NEGATIVE) =>
  withUnit(RATE, { ...b, max: MAX_RATE_PER_H, maxText: `${MAX_RATE_PER_H}/h` }, description);

const SPAN_EXAMPLE = 'a duration such as 36h or 3d, or doublings such as 9 doublings';

/**
 * A duration that may be written in doublings of the sensitive phenotype: output
 * { value, unit: 'h' | 'doublings' }, converted to hours by the resolver.
 */
export function span(b: Bound, description: string) {
  const range = `a duration or a number of doublings ${boundText(b)}`;
  const schema = z
    .unknown()
    .transform((input, ctx) => {
      if (input === undefined) {
        ctx.addIssue({ code: 'custom', message: 'missing required field', params: { expected: SPAN_EXAMPLE, found: '' }, input });
        return z.NEVER;
      }
      const r = parseSpan(input);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: input === null ? 'empty value' : r.message, params: { expected: SPAN_EXAMPLE }, input });
        return z.NEVER;
      }
      if (!inBound(r.value.value, b)) {
        ctx.addIssue({ code: 'custom', message: 'out of range', params: { expected: range }, input });
        return z.NEVER;
      }
      return r.value;
    })
    .meta({ anyOf: [jsonNumber(b), { type: 'string', pattern: SPAN_PATTERN }] })
    .describe(description);
  return labelled(schema, SPAN_EXAMPLE);
}
/** A count of cells: a number or a numeric string such as "1e9". */
export const count = (b: Bound, description: string) => withUnit(COUNT, b, description);

/** A plain number within a bound. */
export function number(b: Bound, description: string) {
  let s = z.number();
  s = b.exclusive ? s.gt(b.min) : s.gte(b.min);
  if (b.max !== undefined) s = s.lte(b.max);
  return labelled(s.describe(description), `a number ${boundText(b)}`);
}

/** A plain integer >= min (and <= max when given). */
export function integer(min: number, description: string, max?: number) {
  if (max === undefined) return labelled(z.int().gte(min).describe(description), `an integer in [${min}, ${MAX_INTEGER_TEXT}]`);
  return labelled(z.int().gte(min).lte(max).describe(description), `an integer in [${min}, ${max}]`);
}

/** A string matching a pattern, with a label for what the pattern means. */
export function text(pattern: RegExp, label: string, description: string) {
  return labelled(z.string().regex(pattern).describe(description), label);
}

/** One of a fixed set of words. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return labelled(z.enum(values).describe(description), `one of ${values.join(', ')}`);
}

/** A fixed value, e.g. a discriminator. */
export function literal<const T extends string | number>(value: T, label: string, description: string) {
  return labelled(z.literal(value).describe(description), label);
}
