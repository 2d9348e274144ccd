// The value specs of a sweep dimension, as written after `--vary path=` or in a scenario's
// `sweep.vary`:
//   a list    0,0.5,0.9   or   1d,2d,3w   or   agent,auto   (values are passed to --set as written)
//   a range   1e-5..1e-2:log:10   0..1:lin:11   1d..21d:lin:5   (lin is the default scale;
//             the number of points is required on a grid, ignored by a Latin hypercube)
// A list of numbers (with compatible units) is numeric, shown in the unit of its first value
// with a unit; any other list is a set of categories.
import { compatible, convert, formatQuantity, kindOf, parseQuantity, type Quantity } from './quantity.js';

export type Scale = 'lin' | 'log';

export interface ListSpec {
  readonly kind: 'list';
  /** What is passed to --set, as written. */
  readonly texts: readonly string[];
  /** Numbers in `unit` for a numeric list, else the texts. */
  readonly values: readonly (number | string)[];
  readonly numeric: boolean;
  readonly unit: string;
}

export interface RangeSpec {
  readonly kind: 'range';
  readonly lo: number;
  readonly hi: number;
  readonly unit: string;
  readonly scale: Scale;
  /** Number of points on a grid; null when not given. */
  readonly count: number | null;
}

export type VarySpec = ListSpec | RangeSpec;

/** A spec that cannot be read; the message says what is wrong, the caller says where. */
export class SpecError extends Error {
  /** Index of the dimension at fault, when known. */
  dimension: number | null = null;
}

export const SPEC_FORMS = 'a list such as 0,0.5,0.9 or a range such as 1e-5..1e-2:log:10';

/** Splits `path=spec` (an argument of --vary). */
export function splitVaryArg(arg: string): { path: string; spec: string } {
  const eq = arg.indexOf('=');
  if (eq < 0) throw new SpecError(`missing '=': write path=spec, e.g. switch.entry_rate=1e-5..1e-2:log:10`);
  const path = arg.slice(0, eq).trim();
  const spec = arg.slice(eq + 1).trim();
  if (path === '') throw new SpecError(`empty path before '='`);
  if (spec === '') throw new SpecError(`empty spec after '=': expected ${SPEC_FORMS}`);
  return { path, spec };
}

/** A list given as YAML items (numbers or strings) in a scenario's sweep block. */
export function listSpec(items: readonly string[]): ListSpec {
  if (items.length === 0) throw new SpecError(`empty list: expected ${SPEC_FORMS}`);
  items.forEach((t, i) => {
    if (t.trim() === '') throw new SpecError(`empty value at position ${i + 1} of the list`);
  });
  const texts = items.map((t) => t.trim());
  const parsed = texts.map(parseQuantity);
  if (!parsed.every((p) => p.ok)) return { kind: 'list', texts, values: texts, numeric: false, unit: '' };
  const quantities = parsed.map((p) => (p as { quantity: Quantity }).quantity);
  const unit = quantities.find((q) => q.unit !== '')?.unit ?? '';
  const clash = quantities.find((q) => !compatible(q.unit, unit));
  if (clash) throw new SpecError(`the list mixes a ${kindOf(unit)} (${unit}) and a ${kindOf(clash.unit)} (${clash.unit})`);
  return { kind: 'list', texts, values: quantities.map((q) => convert(q, unit)), numeric: true, unit };
}

function endpoint(text: string, which: string): Quantity {
  if (text.trim() === '') throw new SpecError(`the range has no ${which} end: expected lo..hi, e.g. 0..1:lin:11`);
  const r = parseQuantity(text);
  if (!r.ok) throw new SpecError(`the ${which} end of the range: ${r.message}`);
  return r.quantity;
}

function rangeSpec(text: string): RangeSpec {
  const dots = text.indexOf('..');
  const [hiText, ...options] = text.slice(dots + 2).split(':');
  const loQ = endpoint(text.slice(0, dots), 'lower');
  const hiQ = endpoint(hiText, 'upper');
  if (!compatible(loQ.unit, hiQ.unit)) throw new SpecError(`the ends of the range have different kinds of unit (${loQ.unit} and ${hiQ.unit})`);
  let scale: Scale | null = null;
  let count: number | null = null;
  for (const opt of options.map((o) => o.trim())) {
    if (opt === 'lin' || opt === 'log') {
      if (scale !== null) throw new SpecError(`the scale is given twice in '${text}'`);
      scale = opt;
    } else if (/^[+-]?\d+$/.test(opt)) {
      if (count !== null) throw new SpecError(`the number of points is given twice in '${text}'`);
      count = Number(opt);
    } else {
      throw new SpecError(`unknown range option '${opt}' in '${text}' (expected lin, log or a number of points)`);
    }
  }
  const unit = loQ.unit !== '' ? loQ.unit : hiQ.unit;
  const lo = convert(loQ, unit);
  const hi = convert(hiQ, unit);
  const u = unit === '' ? '' : ` ${unit}`;
  if (count !== null && count < 1) throw new SpecError(`empty range: ${count} points`);
  if (count === 1) throw new SpecError(`a range needs at least 2 points (for a single value write it alone, or use --set)`);
  if (lo === hi) throw new SpecError(`empty range: both ends are ${lo}${u}`);
  if (lo > hi) throw new SpecError(`empty range: the upper end (${hi}${u}) is below the lower end (${lo}${u}); write the smaller end first`);
  if (scale === 'log' && lo <= 0) {
    throw new SpecError(`a log range cannot reach or cross zero (the lower end is ${lo}${u}); use a lower end above 0, or :lin`);
  }
  return { kind: 'range', lo, hi, unit, scale: scale ?? 'lin', count };
}

/** Parses a spec written as text: a range when it contains '..', else a comma-separated list. */
export function parseSpec(text: string): VarySpec {
  const t = text.trim();
  if (t === '') throw new SpecError(`empty spec: expected ${SPEC_FORMS}`);
  if (t.includes('..')) return rangeSpec(t);
  return listSpec(t.split(','));
}

/** Rounds away binary noise (0.30000000000000004 -> 0.3) while keeping every value distinct. */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/** The grid values of a range with its number of points, from lo to hi inclusive. */
export function rangeValues(r: RangeSpec, count: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(k === 0 ? r.lo : k === count - 1 ? r.hi : rangePoint(r, k / (count - 1)));
  return out.map(clean);
}

/** The value at fraction u in [0, 1] of a range, on its scale. */
export function rangePoint(r: RangeSpec, u: number): number {
  if (r.scale === 'log') return Math.exp(Math.log(r.lo) + u * (Math.log(r.hi) - Math.log(r.lo)));
  return r.lo + u * (r.hi - r.lo);
}

export function valueText(value: number, unit: string): string {
  return formatQuantity(value, unit);
}
