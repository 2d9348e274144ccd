// A value in a sweep spec: a number, or a number with the units a scenario accepts (a
// duration such as 3d, a rate such as 0.5/d). Values of one dimension are shown in one unit,
// the first one written, so `1d..36h` runs from 1 d to 1.5 d.
import { TIME_UNITS, type TimeUnit } from '../scenario/units.js';

export type QuantityKind = 'number' | 'duration' | 'rate';

export interface Quantity {
  readonly value: number;
  /** '' for a bare number, 'd' for a duration in days, '/h' for a rate per hour. */
  readonly unit: string;
}

export type QuantityResult = { readonly ok: true; readonly quantity: Quantity } | { readonly ok: false; readonly message: string };

const QUANTITY_RE = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(?:(\/)\s*([A-Za-z]+)|([A-Za-z]+))?\s*$/;
const UNIT_LIST = Object.keys(TIME_UNITS).join(', ');

const isTimeUnit = (u: string): u is TimeUnit => Object.hasOwn(TIME_UNITS, u);

export function kindOf(unit: string): QuantityKind {
  if (unit === '') return 'number';
  return unit.startsWith('/') ? 'rate' : 'duration';
}

/** Parses `0.5`, `3d`, `1e-4/h`; anything else is not a quantity (a word, a malformed unit). */
export function parseQuantity(text: string): QuantityResult {
  const m = QUANTITY_RE.exec(text);
  if (!m) return { ok: false, message: `'${text}' is not a number (or a number with a unit such as 3d or 0.5/d)` };
  const value = Number(m[1]);
  if (!Number.isFinite(value)) return { ok: false, message: `'${text}' is not a finite number` };
  const unit = m[3] ?? m[4] ?? '';
  if (unit !== '' && !isTimeUnit(unit)) return { ok: false, message: `unknown unit '${unit}' in '${text}' (valid units: ${UNIT_LIST}, or /${UNIT_LIST.replaceAll(', ', ', /')} for rates)` };
  return { ok: true, quantity: { value, unit: m[2] ? `/${unit}` : unit } };
}

/**
 * The value of q in `unit` (of the same kind, or '' for a bare number). A bare number is in
 * hours or per hour, as in a scenario file.
 */
export function convert(q: Quantity, unit: string): number {
  if (q.unit === unit) return q.value;
  const hoursPer = (u: string) => (u === '' ? 1 : TIME_UNITS[u.replace('/', '') as TimeUnit]);
  const kind = kindOf(unit === '' ? q.unit : unit);
  if (kind === 'rate') return (q.value / hoursPer(q.unit)) * hoursPer(unit);
  return (q.value * hoursPer(q.unit)) / hoursPer(unit);
}

/** True when the two units can be converted into each other (a bare number goes with any). */
export function compatible(a: string, b: string): boolean {
  return a === '' || b === '' || kindOf(a) === kindOf(b);
}

/** The text of a value for `--set`: `6d`, `0.5/h`, `0.25`. */
export function formatQuantity(value: number, unit: string): string {
  return `${value}${unit}`;
}
