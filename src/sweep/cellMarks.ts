// What each point of a sweep chart says beside its colour: "cured" (with P(cure)) where the
// metric has no value because the tumours died out, "no response" where no replicate responded
// (no relapse to time), "not reached" where follow-up ended first,
// the value with its 95% interval otherwise; and which points cannot be told apart from the
// highest one: their 95% intervals overlap its interval, so the colour difference between
// them may be Monte Carlo noise. An interval end that is not known counts as open.
import type { ChartPoint } from './chartParts.js';
import type { Estimate } from './medianInterval.js';

export type CellState = 'value' | 'cured' | 'no-response' | 'not-reached';

export interface CellMark {
  readonly state: CellState;
  /** The value and, when it fits, the interval: one or two lines. */
  readonly lines: readonly string[];
  /** The 95% interval overlaps the highest point's interval. */
  readonly withinNoise: boolean;
}

export function shortNumber(v: number): string {
  if (v === 0) return '0';
  if (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

const lower = (e: Estimate) => e.lo ?? -Infinity;
const upper = (e: Estimate) => e.hi ?? Infinity;

export function intervalText(e: Estimate): string {
  const end = (x: number | null) => (x === null ? 'open' : shortNumber(x));
  return `[${end(e.lo)}, ${end(e.hi)}]`;
}

export function cellMarks(points: readonly ChartPoint[]): CellMark[] {
  const valued = points.filter((p) => p.estimate.value !== null);
  const top = valued.reduce<ChartPoint | null>((best, p) => (best === null || (p.estimate.value as number) > (best.estimate.value as number) ? p : best), null);
  return points.map((p) => {
    const e = p.estimate;
    if (e.value === null) {
      if (p.cure !== null) return { state: 'cured', lines: ['cured', `P(cure) ${shortNumber(p.cure.value ?? 0)}`], withinNoise: false };
      if (p.noResponse === true) return { state: 'no-response', lines: ['no response'], withinNoise: false };
      return { state: 'not-reached', lines: ['not reached'], withinNoise: false };
    }
    const withinNoise = top !== null && p !== top && lower(e) <= upper(top.estimate) && lower(top.estimate) <= upper(e);
    return { state: 'value', lines: [shortNumber(e.value), intervalText(e)], withinNoise };
  });
}
