// Adaptive therapy (Zhang et al. 2017, Nat Commun 8:1816, doi:10.1038/s41467-017-01968-5;
// Gatenby et al. 2009, Cancer Res 69:4894): the drug is given until the burden falls below
// stop_below x the burden at the start of treatment, held until the burden regrows to
// resume_at x that baseline, and the decision is taken only at check times, start +
// k x check_every. Between two checks the drug is a square pulse at its dose, or absent.
// This module is the rule alone, a pure state machine; the engine applies it per replicate
// (engine/adaptiveDosing.ts).
import { hillEffect } from './pkpd.js';
import type { AdaptiveRule, Drug, Scenario } from './scenario.js';

/** Index of the scenario's adaptive drug, or -1 (the schema allows at most one). */
export function adaptiveDrugIndex(s: Scenario): number {
  return s.drugs.findIndex((d) => d.adaptive !== undefined);
}

/** Check times start + k x check_every before the horizon. */
export function adaptiveCheckTimes(rule: AdaptiveRule, horizonH: number): number[] {
  const out: number[] = [];
  for (let k = 0; ; k++) {
    const t = rule.startH + k * rule.checkEveryH;
    if (t >= horizonH - 1e-9 * horizonH) break;
    out.push(t);
  }
  return out;
}

/** The drug's effect while it is on (its concentration is the dose). */
export function adaptiveOnEffect(drug: Drug): number {
  return drug.adaptive === undefined ? 0 : hillEffect(drug.adaptive.dose, drug.ec50, drug.hill);
}

export interface AdaptiveState {
  on: boolean;
  /** Burden at the first check (the start of treatment); NaN before it. */
  baseline: number;
}

export function initialAdaptiveState(): AdaptiveState {
  return { on: false, baseline: NaN };
}

/**
 * The decision at check number k, seeing `burden` cells: updates the state and returns
 * whether the drug is on until the next check. On at the first check; then off once the
 * burden is below stop_below x baseline, on again once it is at least resume_at x baseline.
 */
export function adaptiveDecision(rule: AdaptiveRule, k: number, burden: number, state: AdaptiveState): boolean {
  if (k === 0) {
    state.baseline = burden;
    state.on = true;
  } else if (state.on) {
    if (burden < rule.stopBelow * state.baseline) state.on = false;
  } else if (burden >= rule.resumeAt * state.baseline) state.on = true;
  return state.on;
}
