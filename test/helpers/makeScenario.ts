// Builds a resolved Scenario directly (no YAML), for engine and theory tests.
import type { Drug, EngineChoice, Fosl1Switch, Lineage, Mutation, ResistantRates, Scenario } from '../../src/model/scenario.js';

/** A bistable FOSL1 switch (the parameters of lesson 04): about 0.3% spontaneous persisters. */
export const FOSL1_REFERENCE: Fosl1Switch = {
  model: 'fosl1',
  basal: 0.025,
  feedback: 0.045,
  halfSaturation: 1,
  hill: 8,
  decay: 0.05,
  stressGain: 0.0075,
  noise: 0.03,
  onThreshold: 1.2,
  offThreshold: 1,
  inheritanceNoise: 0.02,
  initialLevel: 'stationary',
};

export interface ScenarioSpec {
  horizonH: number;
  recordEveryH?: number;
  dtH?: number | null;
  initial: number;
  persisterFraction?: number;
  capacity?: number | null;
  seed?: number;
  replicates?: number;
  bS: number;
  dS?: number;
  bP?: number;
  dP?: number;
  drugSensitivity?: number;
  entry?: number;
  induced?: number;
  exit?: number;
  exitOnDrug?: number | null;
  /** A FOSL1 switch instead of the two-state one: FOSL1_REFERENCE with these fields changed. */
  fosl1?: Partial<Omit<Fosl1Switch, 'model'>>;
  drugs?: Drug[];
  relapse?: Scenario['relapse'];
  /** A resistant phenotype, the initial resistant fraction, mutation and barcodes (absent unless given). */
  resistant?: ResistantRates;
  resistantFraction?: number;
  mutation?: Mutation;
  lineage?: Lineage;
  /** Default 'agent'. */
  engine?: EngineChoice;
}

export function makeScenario(p: ScenarioSpec): Scenario {
  return {
    name: 'test',
    description: '',
    seed: p.seed ?? 1,
    replicates: p.replicates ?? 1,
    engine: p.engine ?? 'agent',
    time: { horizonH: p.horizonH, dtH: p.dtH ?? null, recordEveryH: p.recordEveryH ?? p.horizonH / 10 },
    population: {
      initial: p.initial,
      persisterFraction: p.persisterFraction ?? 0,
      ...(p.resistant !== undefined ? { resistantFraction: p.resistantFraction ?? 0 } : {}),
      capacity: p.capacity ?? null,
    },
    phenotypes: {
      sensitive: { divisionRate: p.bS, deathRate: p.dS ?? 0 },
      persister: { divisionRate: p.bP ?? 0, deathRate: p.dP ?? 0, drugSensitivity: p.drugSensitivity ?? 0 },
      ...(p.resistant !== undefined ? { resistant: p.resistant } : {}),
    },
    ...(p.mutation !== undefined ? { mutation: p.mutation } : {}),
    ...(p.lineage !== undefined ? { lineage: p.lineage } : {}),
    switch: p.fosl1 !== undefined
      ? { ...FOSL1_REFERENCE, ...p.fosl1 }
      : {
        model: 'two-state',
        entryRate: p.entry ?? 0,
        inducedEntryRate: p.induced ?? 0,
        exitRate: p.exit ?? 0,
        exitRateOnDrug: p.exitOnDrug ?? null,
      },
    drugs: p.drugs ?? [],
    relapse: p.relapse ?? { kind: 'relative', value: 1 },
  };
}

/** A kill drug that is effectively fully on (E = 1 - 1e-9) during [start, start + duration). */
export function squarePulseKill(name: string, potency: number, pulses: { start: number; duration: number }[], effect: Drug['effect'] = 'kill'): Drug {
  return {
    name,
    effect,
    potency,
    ec50: 1,
    hill: 1,
    halfLifeH: null,
    doses: pulses.map((p) => ({ timeH: p.start, amount: 1e9, durationH: p.duration })),
  };
}
