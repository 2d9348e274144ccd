// What a chart function returns: a chart.js configuration that is plain data (JSON-safe,
// so the HTML report can embed it), plus what cannot be plain data in chart.js itself and
// is attached by the chart runtime (chartRuntime.ts): tick label formats, datasets kept out
// of the legend and tooltips, and shaded bands along the time axis (drug exposure).
import type { ChartConfiguration } from 'chart.js';

/** pow10: 1, 10, 100, 10³...; percent: 0.1%, 1%, 10%, 100% on a log axis. */
export type TickFormat = 'pow10' | 'percent';

/** A shaded interval of the x axis: a light wash over the plot and a strip in its lane. */
export interface ShadedBand {
  readonly from: number;
  readonly to: number;
  /** 'r,g,b' */
  readonly rgb: string;
  /** Opacity scale in [0, 1] (the drug's effect). */
  readonly level: number;
  /** Strip row counted from the bottom of the plot. */
  readonly lane: number;
  /** false: the strip only, no wash over the plot (several arms' drugs on one chart). */
  readonly wash?: boolean;
}

export type Point = { x: number; y: number | null };

export interface ChartSpec {
  /** File stem of the PNG and id of the canvas in the report. */
  readonly id: string;
  readonly title: string;
  readonly config: ChartConfiguration<'line', Point[]>;
  readonly tickFormats: Readonly<Record<string, TickFormat>>;
  readonly legendHidden: readonly number[];
  readonly bands: readonly ShadedBand[];
  /** Names written at the left of the strip lanes, by lane (the arm a lane belongs to). */
  readonly laneLabels?: readonly string[];
  /** What the x axis holds, for the tooltip's title (that and the value); default time, as "day 12.5". */
  readonly xName?: string;
}
