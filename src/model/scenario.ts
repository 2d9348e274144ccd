// The resolved scenario: what the loader produces from YAML and what the model and engines
// consume. Every time is in hours, every rate per cell per hour; defaults are filled in and
// the object is deeply frozen. Nothing here knows about YAML, files or line numbers.

export type EngineChoice = 'agent' | 'population' | 'auto';
export type DrugEffect = 'kill' | 'block-entry' | 'kill-persisters' | 'promote-exit';
export const DRUG_EFFECTS: readonly DrugEffect[] = ['kill', 'block-entry', 'kill-persisters', 'promote-exit'];

export interface PhenotypeRates {
  /** Division rate per hour (ln 2 / doubling time when given as a doubling time). */
  readonly divisionRate: number;
  /** Baseline death rate per hour. */
  readonly deathRate: number;
}

export interface PersisterRates extends PhenotypeRates {
  /** Persister kill = drugSensitivity x the sensitive kill of `kill` drugs. */
  readonly drugSensitivity: number;
}

export interface TwoStateSwitch {
  readonly model: 'two-state';
  /** Spontaneous sensitive -> persister rate, per hour. */
  readonly entryRate: number;
  /** Added to entry at full drug stress (scaled by stress in [0,1]), per hour. */
  readonly inducedEntryRate: number;
  /** Persister -> sensitive rate off drug, per hour. */
  readonly exitRate: number;
  /** Exit rate at full stress; exit is interpolated linearly by stress. Null: same as exitRate. */
  readonly exitRateOnDrug: number | null;
  /** Present when the scenario gave targets instead of rates; the rates above solve them exactly. */
  readonly targets?: SwitchTargets;
}

/** Two-state switch targets (model/twoStateTargets.ts): null where the rate itself was given. */
export interface SwitchTargets {
  /** Stationary persister fraction of the untreated tumour far below capacity. */
  readonly stationaryFraction: number | null;
  /** Exit half-life ln 2 / exit rate, in hours. */
  readonly exitHalfLifeH: number | null;
  /** The exit half-life as written in doublings of the sensitive phenotype, or null. */
  readonly exitHalfLifeDoublings: number | null;
}

/**
 * The FOSL1 switch (model/fosl1Drift.ts): each cell carries a level x >= 0 with
 *   dx = [P (basal + feedback x^n / (K^n + x^n) + stressGain stress) - (decay + promote) x] dt + noise dW,
 * P the product over block-entry drugs of (1 - potency E), promote the sum over promote-exit
 * drugs of potency E. A sensitive cell whose level rises above onThreshold becomes a persister;
 * a persister whose level falls below offThreshold becomes sensitive.
 */
export interface Fosl1Switch {
  readonly model: 'fosl1';
  /** Basal production, level units per hour. */
  readonly basal: number;
  /** Maximal self-activation (the Hill feedback's ceiling), level units per hour. */
  readonly feedback: number;
  /** K of the Hill feedback, level units. */
  readonly halfSaturation: number;
  /** n of the Hill feedback (>= 1). */
  readonly hill: number;
  /** First-order loss, per hour. */
  readonly decay: number;
  /** Production added at full drug stress, level units per hour. */
  readonly stressGain: number;
  /** Intrinsic noise, level units per sqrt(hour). */
  readonly noise: number;
  readonly onThreshold: number;
  readonly offThreshold: number;
  /** Standard deviation of a daughter's level around its mother's, level units. */
  readonly inheritanceNoise: number;
  /** Every cell's level at t = 0, or drawn from the drug-free stationary distribution. */
  readonly initialLevel: number | 'stationary';
  /** Times (hours, sorted) of the level histograms (levels.csv), when the scenario gives switch.level_histogram_at. */
  readonly levelHistogramAtH?: readonly number[];
}

export type SwitchModel = TwoStateSwitch | Fosl1Switch;

/** A genetically resistant phenotype (model/resistance.ts): irreversible, it never switches. */
export interface ResistantRates extends PhenotypeRates {
  /** Resistant kill = drugSensitivity x the sensitive kill of `kill` drugs. */
  readonly drugSensitivity: number;
}

/** Mutation to resistance at division: one of the two daughters is resistant with this probability. */
export interface Mutation {
  /** Probability per division of a sensitive mother. */
  readonly rate: number;
  /** A persister mother mutates with probability rate x persisterFactor (Russo 2022: 7-50). */
  readonly persisterFactor: number;
}

/** Lineage barcodes: every initial cell gets a barcode that its descendants inherit. */
export interface Lineage {
  /** Times (hours) at which the clones are counted, sorted. */
  readonly sampleAtH: readonly number[];
}

/**
 * Adaptive dosing (Zhang et al. 2017, Nat Commun 8:1816): from `startH`, checking every
 * `checkEveryH`, the drug is a square pulse at `dose` while on. On at the first check, whose
 * burden is the baseline; off once the burden is below stopBelow x baseline; on again once it
 * is at or above resumeAt x baseline (model/adaptiveRule.ts).
 */
export interface AdaptiveRule {
  readonly startH: number;
  readonly dose: number;
  readonly checkEveryH: number;
  readonly stopBelow: number;
  readonly resumeAt: number;
}

/** One administration of a drug. */
export interface Dose {
  /** Time of administration, hours from t = 0. */
  readonly timeH: number;
  /** Concentration added at administration (same units as ec50). */
  readonly amount: number;
  /** Square pulse length in hours, or null for a bolus that decays with the drug's half-life. */
  readonly durationH: number | null;
}

export interface Drug {
  readonly name: string;
  readonly effect: DrugEffect;
  /** kill: max kill rate /h; block-entry: max fraction of entry blocked (0..1);
   *  kill-persisters, promote-exit: max added rate /h. */
  readonly potency: number;
  readonly ec50: number;
  readonly hill: number;
  /** Bolus half-life in hours; null means doses are square pulses. */
  readonly halfLifeH: number | null;
  /** Every dose, sorted by time ([] for an adaptive drug). */
  readonly doses: readonly Dose[];
  /** Present when the drug is dosed by the burden instead of a fixed schedule. */
  readonly adaptive?: AdaptiveRule;
}

export type RelapseRule =
  | { readonly kind: 'relative'; readonly value: number }
  | { readonly kind: 'cells'; readonly value: number };

export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  readonly replicates: number;
  readonly engine: EngineChoice;
  readonly time: {
    readonly horizonH: number;
    /** Requested step in hours, or null to let the model choose (see model/steps.ts). */
    readonly dtH: number | null;
    readonly recordEveryH: number;
  };
  readonly population: {
    readonly initial: number;
    readonly persisterFraction: number;
    /** Fraction that starts resistant (needs phenotypes.resistant); absent: 0. */
    readonly resistantFraction?: number;
    /** Logistic carrying capacity, or null for unbounded growth. */
    readonly capacity: number | null;
  };
  readonly phenotypes: {
    readonly sensitive: PhenotypeRates;
    readonly persister: PersisterRates;
    /** Absent: no resistant cells. */
    readonly resistant?: ResistantRates;
  };
  readonly switch: SwitchModel;
  /** Absent: no mutation (needs phenotypes.resistant). */
  readonly mutation?: Mutation;
  /** Absent: no barcodes. */
  readonly lineage?: Lineage;
  readonly drugs: readonly Drug[];
  readonly relapse: RelapseRule;
}

/** Relapse threshold in cells. */
export function relapseThreshold(s: Scenario): number {
  return s.relapse.kind === 'relative' ? s.relapse.value * s.population.initial : s.relapse.value;
}
