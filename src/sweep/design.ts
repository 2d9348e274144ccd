// Design expansion: sweep dimensions -> the list of points to run. A grid is the full
// product of the dimensions' values, the first dimension varying slowest; a Latin hypercube
// draws n points over the dimensions' ranges (on their scales) from the stream
// (seed, 0, "sweep-lhs"), which no replicate uses. Each point carries, per dimension, its
// value (a number in the dimension's unit, or a category) and the text passed to --set.
import { streamFor } from '../rng/stream.js';
import { latinHypercube } from './lhs.js';
import { convert } from './quantity.js';
import { SpecError, rangePoint, rangeValues, valueText, type Scale, type VarySpec } from './spec.js';

export interface Dimension {
  readonly path: string;
  /** The spec as written. */
  readonly spec: string;
  readonly parsed: VarySpec;
  /** The unit its values are shown in (h for a duration, /h for a rate); the spec's unit when absent. */
  readonly unit?: string;
}

export interface DesignPoint {
  readonly index: number;
  readonly values: readonly (number | string)[];
  /** `path=value` overrides that make this point. */
  readonly sets: readonly string[];
}

export type Sample = { readonly kind: 'grid' } | { readonly kind: 'lhs'; readonly n: number };

export const LHS_STREAM = 'sweep-lhs';

/** Reads `grid` or `lhs:N`. */
export function parseSample(text: string): Sample {
  const t = text.trim();
  if (t === 'grid') return { kind: 'grid' };
  const m = /^lhs:(\d+)$/.exec(t);
  if (m && Number(m[1]) >= 1) return { kind: 'lhs', n: Number(m[1]) };
  throw new SpecError(`'${text}' is not a sampling plan: expected grid or lhs:N with N >= 1, e.g. lhs:50`);
}

export function sampleText(s: Sample): string {
  return s.kind === 'grid' ? 'grid' : `lhs:${s.n}`;
}

/** The dimension's unit ('' for plain numbers and categories). */
export function unitOf(d: Dimension): string {
  return d.unit ?? d.parsed.unit;
}

/** The unit persim computes in for a field of this kind: hours, per hour, or none. */
export function canonicalUnit(kind: 'duration' | 'rate' | 'other', d: Dimension): string {
  const numeric = d.parsed.kind === 'range' || d.parsed.numeric;
  if (!numeric || kind === 'other') return d.parsed.unit;
  return kind === 'duration' ? 'h' : '/h';
}

/**
 * The dimensions and points with every numeric value in its dimension's display unit (so a
 * column's name and values never depend on the unit the user typed); --set texts unchanged.
 * Only converted columns are rounded (to 15 digits), so a column typed in its display unit
 * keeps its bytes whatever unit another dimension was typed in.
 */
export function inDisplayUnits(dims: readonly Dimension[], points: readonly DesignPoint[]): DesignPoint[] {
  const factor = dims.map((d) => (unitOf(d) === d.parsed.unit ? 1 : convert({ value: 1, unit: d.parsed.unit }, unitOf(d))));
  if (factor.every((f) => f === 1)) return [...points];
  return points.map((p) => ({ ...p, values: p.values.map((v, j) => (typeof v === 'number' && factor[j] !== 1 ? clean(v * factor[j]) : v)) }));
}

/** Rounds away the binary noise of a unit conversion (24 x 0.1 = 2.4000000000000004). */
function clean(x: number): number {
  return Number(x.toPrecision(15));
}

/** 'lin' or 'log' for numeric dimensions, null for categories. */
export function scaleOf(d: Dimension): Scale | null {
  if (d.parsed.kind === 'range') return d.parsed.scale;
  return d.parsed.numeric ? 'lin' : null;
}

/** More points than this is surely a mistake (and would not fit in sweep.json). */
export const MAX_POINTS = 1_000_000;

/** Values and --set texts of one dimension on a grid. */
function gridAxis(d: Dimension): { values: (number | string)[]; texts: string[] } {
  const p = d.parsed;
  if (p.kind === 'list') return { values: [...p.values], texts: [...p.texts] };
  if (p.count === null) {
    throw new SpecError(`a range on a grid needs its number of points, e.g. ${d.spec}:11 (or sample a Latin hypercube with --sample lhs:N)`);
  }
  // Checked before the values are listed: a range of 1e9 points would exhaust the heap.
  if (p.count > MAX_POINTS) throw new SpecError(`the range has ${p.count} points, more than the ${MAX_POINTS} a sweep may have`);
  const values = rangeValues(p, p.count);
  return { values, texts: values.map((v) => valueText(v, p.unit)) };
}

function atDimension<T>(i: number, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof SpecError) err.dimension = i;
    throw err;
  }
}

/** Every combination; the first dimension varies slowest. */
export function gridPoints(dims: readonly Dimension[]): DesignPoint[] {
  const axes = dims.map((d, i) => atDimension(i, () => gridAxis(d)));
  const points: DesignPoint[] = [];
  const total = axes.reduce((n, a) => n * a.values.length, 1);
  if (total > MAX_POINTS) throw new SpecError(`the grid has ${total} points, more than the ${MAX_POINTS} a sweep may have`);
  for (let index = 0; index < total; index++) {
    let rest = index;
    const pick = new Array<number>(axes.length);
    for (let j = axes.length - 1; j >= 0; j--) {
      pick[j] = rest % axes[j].values.length;
      rest = Math.floor(rest / axes[j].values.length);
    }
    points.push({
      index,
      values: axes.map((a, j) => a.values[pick[j]]),
      sets: axes.map((a, j) => `${dims[j].path}=${a.texts[pick[j]]}`),
    });
  }
  return points;
}

/** n points of a Latin hypercube over the ranges; every dimension must be a range. */
export function lhsPoints(dims: readonly Dimension[], n: number, seed: number): DesignPoint[] {
  if (n > MAX_POINTS) throw new SpecError(`lhs:${n} asks for more than the ${MAX_POINTS} points a sweep may have`);
  dims.forEach((d, i) => atDimension(i, () => {
    if (d.parsed.kind !== 'range') throw new SpecError(`a Latin hypercube samples ranges, and '${d.spec}' is a list; write a range such as 0..1 or 1e-5..1e-2:log`);
  }));
  const u = latinHypercube(n, dims.length, streamFor(seed, 0, LHS_STREAM));
  return u.map((row, index) => {
    const values = dims.map((d, j) => rangePoint(d.parsed as Extract<VarySpec, { kind: 'range' }>, row[j]));
    return { index, values, sets: dims.map((d, j) => `${d.path}=${valueText(values[j], d.parsed.unit)}`) };
  });
}

export function expandDesign(dims: readonly Dimension[], sample: Sample, seed: number): DesignPoint[] {
  return sample.kind === 'grid' ? gridPoints(dims) : lhsPoints(dims, sample.n, seed);
}
