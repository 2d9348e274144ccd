// Adaptive dosing in a replicate (the rule: model/adaptiveRule.ts, after Zhang et al. 2017).
// The replicate gets its own copy of the timeline's step rates, in which the steps from each
// check to the next are filled, at that check, with the compiled rates for the drug on or for
// it off; the engine (and the FOSL1 levels) then read this copy as any timeline. Memory is one
// set of per-step rates per replicate, and nothing is decided between checks.
import { adaptiveDecision, initialAdaptiveState } from '../model/adaptiveRule.js';
import { STEP_RATE_FIELDS, type AdaptiveTimeline, type StepRates, type Timeline } from '../model/timeline.js';

/** The dosing one replicate actually received. */
export interface DosingRecord {
  readonly drug: string;
  /** Burden at the first check, the start of treatment. */
  readonly baseline: number;
  /** Every check before the horizon: its time, the burden it saw and whether the drug was then on. */
  readonly checkTimes: Float64Array;
  readonly checkCells: Float64Array;
  readonly checkOn: Uint8Array;
  /** Concentration while on (the dose). */
  readonly dose: number;
  /** Hours on drug within the horizon. */
  readonly onHours: number;
}

type RateArrays = { -readonly [K in keyof StepRates]: Float64Array };

export class AdaptiveDosing {
  /** The replicate's timeline: the compiled one with the adaptive drug's steps as decided. */
  readonly timeline: Timeline;
  private readonly rates: RateArrays;
  private readonly state = initialAdaptiveState();
  private readonly cells: number[] = [];
  private readonly on: boolean[] = [];

  constructor(
    private readonly tl: Timeline,
    private readonly ad: AdaptiveTimeline,
    private readonly drugName: string,
    private readonly dose: number,
  ) {
    this.rates = Object.fromEntries(STEP_RATE_FIELDS.map((f) => [f, Float64Array.from(tl[f])])) as RateArrays;
    this.timeline = { ...tl, ...this.rates };
  }

  /** Whether the drug is on now (after the last check). */
  get isOn(): boolean {
    return this.state.on;
  }

  /** At step boundary i, with `burden` living cells: takes the decision if a check falls there. */
  atBoundary(i: number, burden: number): void {
    const k = this.cells.length;
    if (k >= this.ad.checkBoundary.length || this.ad.checkBoundary[k] !== i) return;
    const on = adaptiveDecision(this.ad.rule, k, burden, this.state);
    this.cells.push(burden);
    this.on.push(on);
    const from = i;
    const to = k + 1 < this.ad.checkBoundary.length ? this.ad.checkBoundary[k + 1] : this.tl.boundaries.length - 1;
    const src: StepRates = on ? this.ad.on : this.tl;
    for (const f of STEP_RATE_FIELDS) this.rates[f].set(src[f].subarray(from, to), from);
  }

  /**
   * The record at the end of the run. A run that ended early (extinct) has its remaining checks
   * completed with a burden of 0, as the rule would have seen them.
   */
  record(): DosingRecord {
    const { ad } = this;
    const cells = [...this.cells];
    const on = [...this.on];
    const state = { ...this.state };
    for (let k = cells.length; k < ad.checkTimes.length; k++) {
      cells.push(0);
      on.push(adaptiveDecision(ad.rule, k, 0, state));
    }
    const horizon = this.tl.boundaries[this.tl.boundaries.length - 1];
    let onHours = 0;
    for (let k = 0; k < on.length; k++) if (on[k]) onHours += (k + 1 < on.length ? ad.checkTimes[k + 1] : horizon) - ad.checkTimes[k];
    return {
      drug: this.drugName,
      baseline: state.baseline,
      checkTimes: Float64Array.from(ad.checkTimes),
      checkCells: Float64Array.from(cells),
      checkOn: Uint8Array.from(on, (x) => (x ? 1 : 0)),
      dose: this.dose,
      onHours,
    };
  }
}

/** Whether the drug was on at time t (on from a check that turned it on, up to the next check). */
export function dosingOnAt(d: DosingRecord, t: number): boolean {
  const tol = 1e-9 * Math.max(1, t);
  let lo = 0;
  let hi = d.checkTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (d.checkTimes[mid] <= t + tol) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && d.checkOn[lo - 1] === 1;
}
