// The compiled time course of a scenario: for every step, the per-cell rates averaged over
// the step (3-point Gauss-Legendre quadrature of each rate), and for every record time the
// step boundary it falls on. Drug concentrations do not depend on the cells, so this is
// computed once per scenario and shared by every replicate and engine. The FOSL1 level's
// forcing (stress, block-entry factor P, P x stress, promote-exit decay) is averaged the
// same way; averaging P x stress as one product keeps the level's drift exactly the step
// average of the drift at any fixed level.
import type { Scenario } from './scenario.js';
import { drugEffect } from './pkpd.js';
import { emptyRates, ratesAt, type CellRates } from './rates.js';
import { recordTimes, stepBoundaries, stepOf } from './steps.js';

export interface Timeline {
  readonly dtH: number;
  /** Step boundaries, length nSteps + 1, from 0 to the horizon. */
  readonly boundaries: Float64Array;
  readonly divisionS: Float64Array;
  readonly deathS: Float64Array;
  readonly entry: Float64Array;
  readonly divisionP: Float64Array;
  readonly deathP: Float64Array;
  readonly exit: Float64Array;
  /** Stress (largest kill effect), the block-entry factor P, P x stress and the promote-exit rate. */
  readonly stress: Float64Array;
  readonly block: Float64Array;
  readonly blockedStress: Float64Array;
  readonly promote: Float64Array;
  /** Record times and, for each, the index of the boundary it sits on. */
  readonly recordTimes: Float64Array;
  readonly recordBoundary: Int32Array;
}

const GL_NODES = [-Math.sqrt(3 / 5), 0, Math.sqrt(3 / 5)];
const GL_WEIGHTS = [5 / 18, 8 / 18, 5 / 18];

/** Effects of every drug at time t. */
export function effectsAt(s: Scenario, t: number, out: Float64Array = new Float64Array(s.drugs.length)): Float64Array {
  for (let i = 0; i < s.drugs.length; i++) out[i] = drugEffect(s.drugs[i], t);
  return out;
}

const FIELDS = ['divisionS', 'deathS', 'entry', 'divisionP', 'deathP', 'exit', 'stress', 'block', 'promote'] as const;
type Field = (typeof FIELDS)[number];

export function compileTimeline(s: Scenario): Timeline {
  const dtH = stepOf(s);
  const records = recordTimes(s);
  const boundaries = stepBoundaries(s, dtH, records);
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
      ratesAt(s, effectsAt(s, t0 + half * (1 + GL_NODES[q]), effects), r);
      for (const f of FIELDS) sum[f] += GL_WEIGHTS[q] * r[f];
      bs += GL_WEIGHTS[q] * r.block * r.stress;
    }
    for (const f of FIELDS) arrays[f][i] = sum[f];
    blockedStress[i] = bs;
  }
  const recordBoundary = new Int32Array(records.length);
  let j = 0;
  for (let k = 0; k < records.length; k++) {
    while (j < n && Math.abs(boundaries[j + 1] - records[k]) < Math.abs(boundaries[j] - records[k])) j++;
    recordBoundary[k] = j;
  }
  return { dtH, boundaries, ...arrays, blockedStress, recordTimes: records, recordBoundary };
}
