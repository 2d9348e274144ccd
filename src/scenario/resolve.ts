// From the validated raw scenario (snake_case, units already in hours and per hour) to the
// frozen `Scenario` the model consumes: camelCase, every default filled in, doubling times
// turned into division rates, and every dose of every schedule listed in time order. The
// clonal sections (resistant phenotype, mutation, lineage, an adaptive block) appear in the
// Scenario only when the file has them.
import type { AdaptiveRule, Dose, Drug, PersisterRates, PhenotypeRates, ResistantRates, Scenario } from '../model/scenario.js';
import { persisterFractionOf, resolveSwitch } from './resolveSwitch.js';
import type { RawScenario } from './schema.js';

type RawPhenotype = RawScenario['phenotypes']['sensitive'];
type RawDrug = RawScenario['drugs'][number];

/** Recording interval when the scenario gives none: daily, but at least 20 points per run. */
export function defaultRecordEvery(horizonH: number): number {
  return Math.min(24, horizonH / 20);
}

function divisionRate(p: RawPhenotype): number {
  if (p.doubling_time !== undefined) return Math.LN2 / p.doubling_time;
  return p.division_rate ?? 0;
}

function phenotype(p: RawPhenotype): PhenotypeRates {
  return { divisionRate: divisionRate(p), deathRate: p.death_rate };
}

/** Periodic blocks give start + k x every for k < count; single blocks give their times; an adaptive block none. */
export function expandDoses(drug: RawDrug): Dose[] {
  const bolus = drug.half_life !== undefined;
  const doses: Dose[] = [];
  for (const block of drug.schedule) {
    if ('adaptive' in block) continue;
    const durationH = bolus ? null : (block.duration ?? null);
    const times = 'at' in block ? block.at : Array.from({ length: block.count }, (_, k) => block.start + k * block.every);
    for (const timeH of times) doses.push({ timeH, amount: block.dose, durationH });
  }
  return doses.sort((a, b) => a.timeH - b.timeH);
}

function adaptiveRule(d: RawDrug): AdaptiveRule | undefined {
  for (const block of d.schedule) {
    if (!('adaptive' in block)) continue;
    const a = block.adaptive;
    return { startH: a.start, dose: a.dose, checkEveryH: a.check_every, stopBelow: a.stop_below, resumeAt: a.resume_at };
  }
  return undefined;
}

function drug(d: RawDrug): Drug {
  const adaptive = adaptiveRule(d);
  return {
    ...(adaptive !== undefined ? { adaptive } : {}),
    name: d.name,
    effect: d.effect,
    potency: d.potency,
    ec50: d.ec50,
    hill: d.hill,
    halfLifeH: d.half_life ?? null,
    doses: expandDoses(d),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function resolveScenario(raw: RawScenario): Scenario {
  const persister: PersisterRates = { ...phenotype(raw.phenotypes.persister), drugSensitivity: raw.phenotypes.persister.drug_sensitivity };
  const rawR = raw.phenotypes.resistant;
  const resistant: ResistantRates | undefined = rawR === undefined ? undefined : { ...phenotype(rawR), drugSensitivity: rawR.drug_sensitivity };
  const lineage = raw.lineage?.barcodes === true ? { sampleAtH: [...raw.lineage.sample_at].sort((a, b) => a - b) } : undefined;
  const scenario: Scenario = {
    name: raw.name,
    description: raw.description,
    seed: raw.seed,
    replicates: raw.replicates,
    engine: raw.engine,
    time: {
      horizonH: raw.time.horizon,
      dtH: raw.time.dt ?? null,
      recordEveryH: raw.time.record_every ?? defaultRecordEvery(raw.time.horizon),
    },
    population: {
      initial: raw.population.initial,
      persisterFraction: persisterFractionOf(raw.population.persister_fraction, raw.switch, raw.phenotypes),
      ...(resistant !== undefined ? { resistantFraction: raw.population.resistant_fraction } : {}),
      capacity: raw.population.capacity ?? null,
    },
    phenotypes: { sensitive: phenotype(raw.phenotypes.sensitive), persister, ...(resistant !== undefined ? { resistant } : {}) },
    switch: resolveSwitch(raw.switch, raw.phenotypes),
    ...(raw.mutation !== undefined ? { mutation: { rate: raw.mutation.rate, persisterFactor: raw.mutation.persister_factor } } : {}),
    ...(lineage !== undefined ? { lineage } : {}),
    drugs: raw.drugs.map(drug),
    relapse: raw.relapse.relative !== undefined
      ? { kind: 'relative', value: raw.relapse.relative }
      : { kind: 'cells', value: raw.relapse.cells as number },
  };
  return deepFreeze(scenario);
}
