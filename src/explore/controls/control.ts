// What the explorer lets a teacher vary: a control is a slider (on a linear or logarithmic
// scale, optionally with 0 at its left end) or a choice, described as plain data so the page
// can draw it. A control that was not moved writes nothing; a moved one becomes `--set`
// overrides (controlSet.ts), the same paths the command line takes.

export interface SliderControl {
  readonly kind: 'slider';
  /** Stable id, such as 'switch.entry' or 'chemo.potency'. */
  readonly id: string;
  readonly group: string;
  readonly label: string;
  /** One sentence: what moving it does. */
  readonly help: string;
  /** Unit shown after the value (the value is in this unit). */
  readonly unit: string;
  readonly scale: 'linear' | 'log';
  readonly min: number;
  readonly max: number;
  /** Number of slider intervals: positions 0..steps. */
  readonly steps: number;
  /** Log scale only: position 0 is the value 0 (the rest spans min..max). */
  readonly zeroAllowed: boolean;
  /** The scenario's own value, in `unit`. */
  readonly initial: number;
}

export interface ChoiceControl {
  readonly kind: 'choice';
  readonly id: string;
  readonly group: string;
  readonly label: string;
  readonly help: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly initial: string;
}

export type Control = SliderControl | ChoiceControl;

/** Current values by control id; a control absent from the map keeps its initial value. */
export type ControlValues = Readonly<Record<string, number | string>>;

/** The value at a slider position, rounded to two significant digits (nice numbers). */
export function sliderValue(c: SliderControl, position: number): number {
  const p = Math.min(c.steps, Math.max(0, Math.round(position)));
  if (c.scale === 'linear') return nice(c.min + ((c.max - c.min) * p) / c.steps);
  if (c.zeroAllowed) {
    if (p === 0) return 0;
    return nice(c.min * Math.pow(c.max / c.min, (p - 1) / (c.steps - 1)));
  }
  return nice(c.min * Math.pow(c.max / c.min, p / c.steps));
}

/** The slider position nearest to a value. */
export function sliderPosition(c: SliderControl, value: number): number {
  if (c.scale === 'linear') return clampRound(((value - c.min) / (c.max - c.min)) * c.steps, c.steps);
  if (c.zeroAllowed) {
    if (value <= 0) return 0;
    if (value < c.min) return 1;
    return 1 + clampRound((Math.log(value / c.min) / Math.log(c.max / c.min)) * (c.steps - 1), c.steps - 1);
  }
  if (value <= 0) return 0;
  return clampRound((Math.log(value / c.min) / Math.log(c.max / c.min)) * c.steps, c.steps);
}

const clampRound = (x: number, hi: number) => Math.min(hi, Math.max(0, Math.round(x)));

export function nice(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const d = Math.abs(x) >= 10 ? 3 : 2;
  return Number(x.toPrecision(d));
}

/** A value for display: up to three significant digits, exponent form when tiny. */
export function formatValue(x: number): string {
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5) return x.toExponential(1).replace('e+', 'e');
  return String(Number(x.toPrecision(3)));
}

/** The value a control has under `values` (its initial value when absent). */
export function valueOf(c: Control, values: ControlValues): number | string {
  return values[c.id] ?? c.initial;
}

/** True when the control was moved away from the scenario's value. */
export function moved(c: Control, values: ControlValues): boolean {
  return values[c.id] !== undefined && values[c.id] !== c.initial;
}
