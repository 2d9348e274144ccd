// The compiled time course of a scenario: for every step, the per-cell rates averaged over
// the step (3-point Gauss-Legendre quadrature of each rate), and for every record time the
// step boundary it falls on. Drug concentrations do not depend on the cells, so this is
// computed once per scenario and shared by every replicate and engine. The FOSL1 level's
// forcing (stress, block-entry factor P, P x stress, promote-exit decay) is averaged the
// same way; averaging P x stress as one product keeps the level's drift exactly the step
// average of the drift at any fixed level.
//
// An adaptive drug (model/adaptiveRule.ts) is dosed by the burden, so it cannot be compiled
// into one course: the timeline's rates have it off, and `adaptive.on` holds the same rates
// with it on at its dose. Its check times are step boundaries, so each step has it either on
// or off throughout, and the engine picks, per step, the rates its own decisions call for.
import type { AdaptiveRule, Scenario } from './scenario.js';
import { adaptiveCheckTimes, adaptiveDrugIndex, adaptiveOnEffect } from './adaptiveRule.js';
import { drugEffect } from './pkpd.js';
import { emptyRates, ratesAt, type CellRates } from './rates.js';
import { recordTimes, stepBoundaries, stepOf } from './steps.js';

/** Per-step averaged rates, one entry per step. */
export interface StepRates {
  readonly divisionS: Float64Array;
  readonly deathS: Float64Array;
  readonly entry: Float64Array;
  readonly divisionP: Float64Array;
  readonly deathP: Float64Array;
  readonly exit: Float64Array;
  /** Resistant cells (0 without a resistant phenotype). */
  readonly divisionR: Float64Array;
  readonly deathR: Float64Array;
  /** Stress (largest kill effect), the block-entry factor P, P x stress and the promote-exit rate. */
  readonly stress: Float64Array;
  readonly block: Float64Array;
  readonly blockedStress: Float64Array;
  readonly promote: Float64Array;
}

export interface AdaptiveTimeline {
  /** Index of the adaptive drug in the scenario's drugs. */
  readonly drug: number;
  readonly rule: AdaptiveRule;
  /** Check times and, for each, the index of the boundary it sits on. */
  readonly checkTimes: Float64Array;
  readonly checkBoundary: Int32Array;
  /** The step rates with the adaptive drug on at its dose (the timeline's own have it off). */
  readonly on: StepRates;
}

export interface Timeline extends StepRates {
  readonly dtH: number;
  /** Step boundaries, length nSteps + 1, from 0 to the horizon. */
  readonly boundaries: Float64Array;
  /** Record times and, for each, the index of the boundary it sits on. */
  readonly recordTimes: Float64Array;
  readonly recordBoundary: Int32Array;
  /** Lineage sample times (empty without barcodes) and their boundaries. */
  readonly sampleTimes: Float64Array;
  readonly sampleBoundary: Int32Array;
  /** Null unless a drug is dosed adaptively. */
  readonly adaptive: AdaptiveTimeline | null;
}

export const STEP_RATE_FIELDS = [
  'divisionS', 'deathS', 'entry', 'divisionP', 'deathP', 'exit', 'divisionR', 'deathR', 'stress', 'block', 'blockedStress', 'promote',
] as const;

const GL_NODES = [-Math.sqrt(3 / 5), 0, Math.sqrt(3 / 5)];
const GL_WEIGHTS = [5 / 18, 8 / 18, 5 / 18];

/** Effects of every drug at time t. */
export function effectsAt(s: Scenario, t: number, out: Float64Array = new Float64Array(s.drugs.length)): Float64Array {
  for (let i = 0; i < s.drugs.length; i++) out[i] = drugEffect(s.drugs[i], t);
  return out;
}

const FIELDS = ['divisionS', 'deathS', 'entry', 'divisionP', 'deathP', 'exit', 'divisionR', 'deathR', 'stress', 'block', 'promote'] as const;
type Field = (typeof FIELDS)[number];

/** Step-averaged rates; `override` fixes one drug's effect (the adaptive drug on, or off). */
function stepRates(s: Scenario, boundaries: Float64Array, override: { drug: number; effect: number } | null): StepRates {
  const n = boundaries.length - 1;
  const arrays = Object.fromEntries(FIELDS.map((f) => [f, new Float64Array(n)])) as Record<Field, Float64Array>;
  const blockedStress = new Float64Array(n);
  const effects = new Float64Array(s.drugs.length);
  const r = emptyRates();
  const sum: CellRates = emptyRates();
  for (let i = 0; i < n; i++) {
    const t0 = boundaries[i];
    const half = (boundaries[i + 1] - t0) / 2;
    for (const f of FIELDS) sum[f] = 0;
    let bs = 0;
    for (let q = 0; q < 3; q++) {
      effectsAt(s, t0 + half * (1 + GL_NODES[q]), effects);
      if (override !== null) effects[override.drug] = override.effect;
      ratesAt(s, effects, r);
      for (const f of FIELDS) sum[f] += GL_WEIGHTS[q] * r[f];
      bs += GL_WEIGHTS[q] * r.block * r.stress;
    }
    for (const f of FIELDS) arrays[f][i] = sum[f];
    blockedStress[i] = bs;
  }
  return { ...arrays, blockedStress };
}

/** For each time, the index of the nearest boundary. */
function nearestBoundaries(boundaries: Float64Array, times: ArrayLike<number>): Int32Array {
  const n = boundaries.length - 1;
  const out = new Int32Array(times.length);
  let j = 0;
  for (let k = 0; k < times.length; k++) {
    while (j < n && Math.abs(boundaries[j + 1] - times[k]) < Math.abs(boundaries[j] - times[k])) j++;
    out[k] = j;
  }
  return out;
}

function adaptiveTimeline(s: Scenario, boundaries: Float64Array): AdaptiveTimeline | null {
  const drug = adaptiveDrugIndex(s);
  const rule = drug < 0 ? undefined : s.drugs[drug].adaptive;
  if (rule === undefined) return null;
  const checkTimes = Float64Array.from(adaptiveCheckTimes(rule, s.time.horizonH));
  return {
    drug,
    rule,
    checkTimes,
    checkBoundary: nearestBoundaries(boundaries, checkTimes),
    on: stepRates(s, boundaries, { drug, effect: adaptiveOnEffect(s.drugs[drug]) }),
  };
}

export function compileTimeline(s: Scenario): Timeline {
  const dtH = stepOf(s);
  const records = recordTimes(s);
  const boundaries = stepBoundaries(s, dtH, records);
  const sampleTimes = Float64Array.from(s.lineage?.sampleAtH ?? []);
  return {
    dtH,
    boundaries,
    ...stepRates(s, boundaries, null),
    recordTimes: records,
    recordBoundary: nearestBoundaries(boundaries, records),
    sampleTimes,
    sampleBoundary: nearestBoundaries(boundaries, sampleTimes),
    adaptive: adaptiveTimeline(s, boundaries),
  };
}
