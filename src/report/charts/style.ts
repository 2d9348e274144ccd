// Shared look of the charts: colour-blind-safe colours (Okabe & Ito 2008), the time axis
// in days, titles and log-axis ranges.
import type { Point } from './spec.js';

export const COLORS = {
  total: '0,0,0',
  sensitive: '0,114,178',
  persister: '213,94,0',
  resistant: '204,121,167',
  threshold: '120,120,120',
  theory: '150,150,150',
};

/** Drug colours, in the order of the scenario's drugs. */
export const DRUG_COLORS = ['0,158,115', '204,121,167', '86,180,233', '230,159,0', '240,228,66'];
/** Arm colours, in the order of the arms. */
export const ARM_COLORS = ['0,0,0', '0,114,178', '213,94,0', '0,158,115', '204,121,167', '230,159,0', '86,180,233'];

export const rgba = (rgb: string, a = 1) => `rgba(${rgb},${a})`;
export const cycle = (colors: readonly string[], i: number) => colors[i % colors.length];

export const HOURS_PER_DAY = 24;
export const days = (h: number) => h / HOURS_PER_DAY;

/** Points (time in days, y); null where y is not finite. */
export function points(timesH: ArrayLike<number>, ys: ArrayLike<number>, map: (y: number) => number | null = (y) => y): Point[] {
  const out: Point[] = [];
  for (let k = 0; k < timesH.length; k++) {
    const y = ys[k];
    out.push({ x: days(timesH[k]), y: Number.isFinite(y) ? map(y) : null });
  }
  return out;
}

export function timeAxis(horizonH: number) {
  return {
    type: 'linear' as const,
    min: 0,
    max: days(horizonH),
    title: { display: true, text: 'Time (days)' },
  };
}

export function title(text: string, subtitle: string) {
  return {
    title: { display: true, text, font: { size: 20, weight: 'bold' as const } },
    subtitle: { display: true, text: subtitle, font: { size: 13 }, padding: { bottom: 8 } },
  };
}

/** Powers of ten enclosing the positive values; `floor` when some value is <= 0. */
export function logRange(values: Iterable<number>, floor: number, ceiling = Infinity): { min: number; max: number } {
  let lo = Infinity;
  let hi = 0;
  let nonPositive = false;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v <= 0) nonPositive = true;
    else {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (hi === 0) return { min: floor, max: Math.min(ceiling, floor * 10) };
  const min = nonPositive ? floor : Math.max(floor, 10 ** Math.floor(Math.log10(lo) + 1e-9));
  const max = Math.min(ceiling, 10 ** Math.ceil(Math.log10(hi) - 1e-9));
  return { min, max: max > min ? max : min * 10 };
}
