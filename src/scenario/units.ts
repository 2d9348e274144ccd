// Units of a scenario file: durations become hours, rates become per hour, counts become
// plain numbers. A bare number is already in hours (durations) or per hour (rates). Every
// parser returns a result instead of throwing, so the schema can turn failures into issues.

export type UnitResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/**
 * A duration that may also be written in doublings of the sensitive phenotype (`9 doublings`):
 * the doubling time is only known once the whole scenario is read, so the resolver converts it.
 */
export type Span = { readonly value: number; readonly unit: 'h' | 'doublings' };
export type SpanResult = { readonly ok: true; readonly value: Span } | { readonly ok: false; readonly message: string };

/** Hours in one of each time unit a scenario may write. */
export const TIME_UNITS = Object.freeze({ min: 1 / 60, h: 1, d: 24, w: 168 });
export type TimeUnit = keyof typeof TIME_UNITS;
const UNIT_NAMES = Object.keys(TIME_UNITS) as TimeUnit[];

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const UNIT_LIST = UNIT_NAMES.join('|');
const DURATION_RE = new RegExp(String.raw`^\s*(${NUMBER})\s*([A-Za-z]*)\s*$`);
const RATE_RE = new RegExp(String.raw`^\s*(${NUMBER})\s*(?:/\s*([A-Za-z]*)\s*)?$`);
const NUMBER_RE = new RegExp(String.raw`^\s*(${NUMBER})\s*$`);
const DOUBLINGS_RE = new RegExp(String.raw`^\s*(${NUMBER})\s*doublings?\s*$`);

/** JSON Schema patterns for the string forms (non-negative values only). */
export const DURATION_PATTERN = String.raw`^\s*\+?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*(?:${UNIT_LIST})?\s*$`;
export const RATE_PATTERN = String.raw`^\s*\+?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*(?:/\s*(?:${UNIT_LIST})\s*)?$`;
export const COUNT_PATTERN = String.raw`^\s*\+?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$`;
export const SPAN_PATTERN = String.raw`^\s*\+?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*(?:${UNIT_LIST}|doublings?)?\s*$`;

const ok = (value: number): UnitResult => ({ ok: true, value });
const fail = (message: string): UnitResult => ({ ok: false, message });

function finite(value: number): UnitResult {
  return Number.isFinite(value) ? ok(value) : fail('not a finite number');
}

function unknownUnit(unit: string, prefix: string): UnitResult {
  const valid = UNIT_NAMES.map((u) => prefix + u).join(', ');
  const doublings = /^doublings?$/.test(unit) ? '; doublings only where a field accepts them, such as switch.exit_half_life' : '';
  return fail(`unknown unit '${prefix}${unit}' (valid units: ${valid}${doublings})`);
}

function isTimeUnit(unit: string): unit is TimeUnit {
  return Object.hasOwn(TIME_UNITS, unit);
}

/** A duration in hours: a number of hours, or a string such as `36h`, `3d`, `2w`, `30min`. */
export function parseDuration(input: unknown): UnitResult {
  if (typeof input === 'number') return finite(input);
  if (typeof input !== 'string') return fail('wrong type');
  const m = DURATION_RE.exec(input);
  if (!m) return fail(`not a duration`);
  const [, num, unit] = m;
  if (unit === '') return finite(Number(num));
  if (!isTimeUnit(unit)) return unknownUnit(unit, '');
  return finite(Number(num) * TIME_UNITS[unit]);
}

/** A duration in hours, or a number of doublings of the sensitive phenotype such as `9 doublings`. */
export function parseSpan(input: unknown): SpanResult {
  if (typeof input === 'string') {
    const m = DOUBLINGS_RE.exec(input);
    if (m) {
      const value = Number(m[1]);
      return Number.isFinite(value) ? { ok: true, value: { value, unit: 'doublings' } } : { ok: false, message: 'not a finite number' };
    }
  }
  const r = parseDuration(input);
  if (!r.ok) return { ok: false, message: r.message.startsWith('unknown unit') ? r.message.replace(/\)$/, ', doublings)') : r.message };
  return { ok: true, value: { value: r.value, unit: 'h' } };
}

/** A rate per hour: a number per hour, or a string such as `0.5/d`, `0.02/h`, `1/w`, `3/min`. */
export function parseRate(input: unknown): UnitResult {
  if (typeof input === 'number') return finite(input);
  if (typeof input !== 'string') return fail('wrong type');
  const m = RATE_RE.exec(input);
  if (!m) {
    const asDuration = DURATION_RE.exec(input);
    if (asDuration && asDuration[2] !== '') return fail(`not a rate: write it per unit of time, as ${asDuration[1]}/${asDuration[2]}`);
    return fail('not a rate');
  }
  const [, num, unit] = m;
  if (unit === undefined) return finite(Number(num));
  if (unit === '') return fail(`missing unit after '/' (valid units: ${UNIT_NAMES.map((u) => '/' + u).join(', ')})`);
  if (!isTimeUnit(unit)) return unknownUnit(unit, '/');
  return finite(Number(num) / TIME_UNITS[unit]);
}

/** A count of cells: a number, or a numeric string such as `1e9`. */
export function parseCount(input: unknown): UnitResult {
  if (typeof input === 'number') return finite(input);
  if (typeof input !== 'string') return fail('wrong type');
  const m = NUMBER_RE.exec(input);
  return m ? finite(Number(m[1])) : fail('not a number');
}

/** Writes a number of hours in the given unit, e.g. formatDuration(36, 'd') = '1.5d'. */
export function formatDuration(hours: number, unit: TimeUnit): string {
  return `${hours / TIME_UNITS[unit]}${unit}`;
}

/** Writes a rate per hour in the given unit, e.g. formatRate(0.5, 'd') = '12/d'. */
export function formatRate(perHour: number, unit: TimeUnit): string {
  return `${perHour * TIME_UNITS[unit]}/${unit}`;
}
