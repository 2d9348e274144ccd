// Short simulations behind the FOSL1 section of `persim explain`, with fixed seeds so the text
// is reproducible:
//   - the spontaneous persister share of the untreated tumour: the agent engine itself (run by
//     the caller through a ProbeRun, engine/simulate.ts agentProbe; analysis/ imports no engine), from
//     SHARE_CELLS cells drawn from the steady state, grown without drug for SHARE_DOUBLINGS
//     doublings (a check, by simulation, of the computed steady state);
//   - the time a persister takes to return to sensitivity after the drug stops: RETURN_CELLS
//     single cells (one without noise) started at the high steady level under full stress, their
//     levels stepped off drug by the engine's Euler-Maruyama rule until they fall below the off
//     threshold, for at most RETURN_CAP_H hours.
import { NO_DRUG, fosl1Drift } from '../model/fosl1Drift.js';
import type { Fosl1Switch, Scenario } from '../model/scenario.js';
import { fosl1StepLimit } from '../model/steps.js';
import { normal } from '../rng/normalZiggurat.js';
import { streamFor } from '../rng/stream.js';

export const SHARE_CELLS = 4000;
export const SHARE_DOUBLINGS = 5;
/** Without growth, the share is read after this many relaxation times 1 / decay. */
const SHARE_RELAXATIONS = 20;
export const RETURN_CELLS = 2000;
export const RETURN_CAP_H = 1e5;

export interface ShareEstimate {
  readonly hours: number;
  readonly cells: number;
  readonly persisters: number;
  /** Persister share at t = 0 (the stationary draw) and at the end. */
  readonly startShare: number;
  readonly share: number;
}

/** Runs one replicate of `probe` on the agent engine; its counts at the record times. */
export type ProbeRun = (probe: Scenario) => { readonly sensitive: ArrayLike<number>; readonly persister: ArrayLike<number> };

export function simulatedPersisterShare(s: Scenario, sw: Fosl1Switch, run: ProbeRun): ShareEstimate {
  const net = s.phenotypes.sensitive.divisionRate - s.phenotypes.sensitive.deathRate;
  const hours = net > 0 ? Math.min((SHARE_DOUBLINGS * Math.LN2) / net, 5000) : SHARE_RELAXATIONS / sw.decay;
  const probe: Scenario = {
    ...s,
    seed: s.seed,
    replicates: 1,
    engine: 'agent',
    time: { horizonH: hours, dtH: s.time.dtH, recordEveryH: hours },
    population: { initial: SHARE_CELLS, persisterFraction: 0, capacity: null },
    drugs: [],
    relapse: { kind: 'relative', value: 1 },
  };
  const o = run(probe);
  const cells = o.sensitive[1] + o.persister[1];
  return { hours, cells, persisters: o.persister[1], startShare: o.persister[0] / SHARE_CELLS, share: cells > 0 ? o.persister[1] / cells : NaN };
}

export interface ReturnEstimate {
  readonly meanH: number;
  readonly seH: number;
  /** Cells still above the off threshold at RETURN_CAP_H (not in the mean). */
  readonly censored: number;
  readonly stepH: number;
  /** Cells simulated: RETURN_CELLS, or 1 without noise (all cells alike). */
  readonly cells: number;
}

export function simulatedReturnTime(s: Scenario, sw: Fosl1Switch, startLevel: number): ReturnEstimate {
  const stepH = Math.min(s.time.dtH ?? Infinity, fosl1StepLimit(s));
  const rng = streamFor(s.seed, 0, 'explain-fosl1');
  const maxSteps = Math.ceil(RETURN_CAP_H / stepH);
  const sn = sw.noise * Math.sqrt(stepH);
  let sum = 0;
  let sum2 = 0;
  let returned = 0;
  const cells = sw.noise > 0 ? RETURN_CELLS : 1;
  for (let c = 0; c < cells; c++) {
    let x = startLevel;
    let k = 0;
    while (x >= sw.offThreshold && k < maxSteps) {
      x = Math.max(0, x + fosl1Drift(sw, x, NO_DRUG) * stepH + sn * normal(rng));
      k++;
    }
    if (x < sw.offThreshold) {
      const t = k * stepH;
      sum += t;
      sum2 += t * t;
      returned++;
    }
  }
  const meanH = returned > 0 ? sum / returned : Infinity;
  const sd = returned > 1 ? Math.sqrt(Math.max(0, sum2 / returned - meanH * meanH) * (returned / (returned - 1))) : NaN;
  return { meanH, seH: sd / Math.sqrt(returned), censored: cells - returned, stepH, cells };
}
