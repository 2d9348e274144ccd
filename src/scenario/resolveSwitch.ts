// The resolved switch: the two-state rates (solved from targets where the scenario gave
// stationary_fraction or exit_half_life; model/twoStateTargets.ts) or the FOSL1 parameters,
// with durations written in doublings turned into hours (one doubling = ln 2 / the sensitive
// division rate, as `doubling_time` defines it). A FOSL1 switch with level_histogram_at
// carries the times, sorted, as levelHistogramAtH (read by analysis/levelHistogram.ts).
import type { Fosl1Switch, SwitchModel } from '../model/scenario.js';
import { stationaryPersisterFraction, twoTypeMatrix } from '../analysis/twoType.js';
import { entryRateForFraction, exitRateForHalfLife, type NetGrowth } from '../model/twoStateTargets.js';
import type { Span } from './units.js';

/** Relative slack for rounding when checking that a target is reachable. */
export const TARGET_TOLERANCE = 1e-12;

interface RawPhenotype {
  readonly doubling_time?: number;
  readonly division_rate?: number;
  readonly death_rate: number;
}

export interface RawPhenotypes {
  readonly sensitive: RawPhenotype;
  readonly persister: RawPhenotype;
}

export type RawSwitch =
  | {
    readonly model: 'two-state';
    readonly entry_rate?: number;
    readonly stationary_fraction?: number;
    readonly induced_entry_rate: number;
    readonly exit_rate?: number;
    readonly exit_half_life?: Span;
    readonly exit_rate_on_drug?: number;
  }
  | {
    readonly model: 'fosl1';
    readonly basal: number;
    readonly feedback: number;
    readonly half_saturation: number;
    readonly hill: number;
    readonly decay: number;
    readonly stress_gain: number;
    readonly noise: number;
    readonly on_threshold: number;
    readonly off_threshold: number;
    readonly inheritance_noise: number;
    readonly initial_level: number | 'stationary';
    readonly level_histogram_at?: readonly number[];
  };

function divisionRateOf(p: RawPhenotype): number {
  if (p.doubling_time !== undefined) return Math.LN2 / p.doubling_time;
  return p.division_rate ?? 0;
}

export function sensitiveDivisionRate(ph: RawPhenotypes): number {
  return divisionRateOf(ph.sensitive);
}

export function netGrowthOf(ph: RawPhenotypes): NetGrowth {
  return {
    sensitive: divisionRateOf(ph.sensitive) - ph.sensitive.death_rate,
    persister: divisionRateOf(ph.persister) - ph.persister.death_rate,
  };
}

/** A span in hours: doublings x the sensitive doubling time ln 2 / divisionS. */
export function spanHours(span: Span, divisionS: number): number {
  return span.unit === 'h' ? span.value : (span.value * Math.LN2) / divisionS;
}

export function resolveSwitch(sw: RawSwitch, ph: RawPhenotypes): SwitchModel {
  if (sw.model === 'fosl1') {
    const resolved: Fosl1Switch = {
      model: 'fosl1',
      basal: sw.basal,
      feedback: sw.feedback,
      halfSaturation: sw.half_saturation,
      hill: sw.hill,
      decay: sw.decay,
      stressGain: sw.stress_gain,
      noise: sw.noise,
      onThreshold: sw.on_threshold,
      offThreshold: sw.off_threshold,
      inheritanceNoise: sw.inheritance_noise,
      initialLevel: sw.initial_level,
      ...(sw.level_histogram_at !== undefined ? { levelHistogramAtH: [...sw.level_histogram_at].sort((a, b) => a - b) } : {}),
    };
    return resolved;
  }
  const divisionS = sensitiveDivisionRate(ph);
  const halfLifeH = sw.exit_half_life !== undefined ? spanHours(sw.exit_half_life, divisionS) : null;
  const exitRate = sw.exit_rate ?? (halfLifeH !== null ? exitRateForHalfLife(halfLifeH) : 0);
  const fraction = sw.stationary_fraction ?? null;
  const entryRate = fraction !== null ? Math.max(0, entryRateForFraction(fraction, exitRate, netGrowthOf(ph))) : (sw.entry_rate ?? 0);
  const targets = fraction !== null || halfLifeH !== null
    ? {
      targets: {
        stationaryFraction: fraction,
        exitHalfLifeH: halfLifeH,
        exitHalfLifeDoublings: sw.exit_half_life?.unit === 'doublings' ? sw.exit_half_life.value : null,
      },
    }
    : {};
  return {
    model: 'two-state',
    entryRate,
    inducedEntryRate: sw.induced_entry_rate,
    exitRate,
    exitRateOnDrug: sw.exit_rate_on_drug ?? null,
    ...targets,
  };
}

/**
 * `population.persister_fraction: stationary`: the persister share of the dominant
 * eigenvector of the drug-free mean matrix [[gS - a, b], [a, gP - b]] (net growth g, entry a,
 * exit b; analysis/twoType.ts), i.e. the composition a drug-free tumour settles into. NaN for
 * the FOSL1 switch (its initial cells follow switch.initial_level) and when it is undefined
 * (no switching and equal growth).
 */
export function stationaryFractionOf(sw: RawSwitch, ph: RawPhenotypes): number {
  const resolved = resolveSwitch(sw, ph);
  if (resolved.model !== 'two-state') return Number.NaN;
  const g = netGrowthOf(ph);
  return stationaryPersisterFraction(twoTypeMatrix(g.sensitive, g.persister, resolved.entryRate, resolved.exitRate));
}

/** population.persister_fraction as a number (a stationary one computed). */
export function persisterFractionOf(pf: number | 'stationary', sw: RawSwitch, ph: RawPhenotypes): number {
  return pf === 'stationary' ? stationaryFractionOf(sw, ph) : pf;
}
