// Builds a resolved Scenario directly (no YAML), for engine and theory tests.
import type { Drug, Scenario } from '../../src/model/scenario.js';

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
  drugs?: Drug[];
  relapse?: Scenario['relapse'];
}

export function makeScenario(p: ScenarioSpec): Scenario {
  return {
    name: 'test',
    description: '',
    seed: p.seed ?? 1,
    replicates: p.replicates ?? 1,
    engine: 'agent',
    time: { horizonH: p.horizonH, dtH: p.dtH ?? null, recordEveryH: p.recordEveryH ?? p.horizonH / 10 },
    population: { initial: p.initial, persisterFraction: p.persisterFraction ?? 0, capacity: p.capacity ?? null },
    phenotypes: {
      sensitive: { divisionRate: p.bS, deathRate: p.dS ?? 0 },
      persister: { divisionRate: p.bP ?? 0, deathRate: p.dP ?? 0, drugSensitivity: p.drugSensitivity ?? 0 },
    },
    switch: {
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
