// Pieces shared by the sweep's chart configurations: the input they are computed from, axis
// types, the fixed size and options that make the PNG reproducible, a white background.
// Fonts and colours are set on every element rather than in chart.js's global defaults, so
// the picture does not depend on what another chart module sets there.
import type { Estimate } from './medianInterval.js';
import type { MetricInfo } from './metrics.js';

/** The family renderChart.ts registers the bundled DejaVu Sans under. */
export const FONT_FAMILY = 'PersimSweepSans';
export const INK = '#333333';
const GRID = 'rgba(0, 0, 0, 0.1)';

export const font = (size = 12, weight: 'normal' | 'bold' = 'normal') => ({ family: FONT_FAMILY, size, weight });

/** Title and tick styles of an axis titled `text`. */
export function axisStyle(text: string) {
  return {
    title: { display: true, text, font: font(13), color: INK },
    ticks: { font: font(11), color: INK },
    grid: { color: GRID },
    border: { color: GRID },
  };
}

export function chartTitle(text: string) {
  return { display: true, text, font: font(14, 'bold'), color: INK };
}

export const CHART_WIDTH = 900;
export const CHART_HEIGHT = 560;

export interface ChartDimension {
  /** Axis title, e.g. `drugs.inhibitor.potency` or `time.horizon (d)`. */
  readonly label: string;
  /** lin | log for numbers, null for categories. */
  readonly scale: 'lin' | 'log' | null;
}

export interface ChartPoint {
  readonly values: readonly (number | string)[];
  readonly estimate: Estimate;
  /** Stands in for an upper limit that was not reached within the follow-up. */
  readonly horizonH: number;
  /** P(cure) with its interval when the estimate has no value because the tumours died out, else null. */
  readonly cure: Estimate | null;
  /** The median relapse time has no value because no replicate responded (metrics.ts noResponseOf); absent: false. */
  readonly noResponse?: boolean;
}

export interface ChartInput {
  readonly title: string;
  readonly metric: MetricInfo & { readonly name: string };
  readonly dimensions: readonly ChartDimension[];
  readonly points: readonly ChartPoint[];
  /** A grid (cells) or scattered samples (a Latin hypercube). */
  readonly grid: boolean;
}

export function axisType(scale: 'lin' | 'log' | null): 'linear' | 'logarithmic' | 'category' {
  return scale === null ? 'category' : scale === 'log' ? 'logarithmic' : 'linear';
}

export function metricAxis(m: MetricInfo): Record<string, unknown> {
  const style = axisStyle(m.label);
  if (m.axis === 'probability') return { type: 'linear', min: 0, max: 1, ...style };
  if (m.axis === 'log') return { type: 'logarithmic', ...style };
  return { type: 'linear', ...style };
}

/** Draws a white background: a PNG without one is transparent. */
export const whiteBackground = {
  id: 'persimWhiteBackground',
  beforeDraw(chart: { ctx: CanvasRenderingContext2D; width: number; height: number }) {
    chart.ctx.save();
    chart.ctx.fillStyle = '#ffffff';
    chart.ctx.fillRect(0, 0, chart.width, chart.height);
    chart.ctx.restore();
  },
};

export const baseOptions = {
  animation: false as const,
  responsive: false,
  devicePixelRatio: 1,
};

