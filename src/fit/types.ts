// The shapes `persim fit` reads and writes (issue 13): the fitted parameters and their priors,
// the observation model, the data, the generations of the sampler, the weighted posterior,
// its summary, the posterior-predictive bands and the predictions per arm. Charts
// (src/fit/charts/) and the report read a FitResult; fit.json is its `json` field. Times are
// in hours and rates per hour throughout, as in the engine.

export type PriorKind = 'log-uniform' | 'uniform' | 'normal' | 'log-normal';
export const PRIOR_KINDS: readonly PriorKind[] = ['log-uniform', 'uniform', 'normal', 'log-normal'];

/**
 * A prior in engine units (rates per hour). log-uniform and uniform have min and max;
 * normal and log-normal have mean and sd of the value itself (a log-normal's log-scale
 * parameters follow from them), and a normal may be truncated by min and max.
 */
export interface Prior {
  readonly kind: PriorKind;
  readonly min: number | null;
  readonly max: number | null;
  readonly mean: number | null;
  readonly sd: number | null;
  /** As written in the scenario, for posterior_summary.csv: `log-uniform(0.02/d, 2/d)`. */
  readonly text: string;
}

/** Where a fitted value goes: a scenario path (as --set takes it) or an observable's noise sd. */
export type ParameterTarget = { readonly kind: 'scenario' } | { readonly kind: 'noise-sd'; readonly observable: string };

export interface FitParameter {
  /** The dotted path (`switch.entry_rate`), or `observables.<name>.sd` for a fitted noise sd. */
  readonly path: string;
  /** '/h' for rates, 'h' for durations, '' for dimensionless values. */
  readonly unit: '/h' | 'h' | '';
  readonly prior: Prior;
  readonly target: ParameterTarget;
}

export type Quantity = 'total' | 'sensitive' | 'persister' | 'resistant';
export const QUANTITIES: readonly Quantity[] = ['total', 'sensitive', 'persister', 'resistant'];
export type NoiseKind = 'log-normal' | 'normal' | 'poisson' | 'binomial';
export const NOISE_KINDS: readonly NoiseKind[] = ['log-normal', 'normal', 'poisson', 'binomial'];

/**
 * How a value of the CSV arises from the simulated tumour. The model quantity is
 * `scale x cells of that state` (binomial: the state's fraction of the living cells).
 * - log-normal: ln value ~ Normal(ln(quantity), sd); a value of 0 means no cells (quantity 0)
 * - normal: value ~ Normal(quantity, sd), sd in the value's units
 * - poisson: value ~ Poisson(quantity)
 * - binomial: value ~ Binomial(n_cells, fraction of the tumour's cells in that state)
 */
export interface Observable {
  readonly name: string;
  readonly quantity: Quantity;
  readonly scale: number;
  readonly noise: NoiseKind;
  /** The noise sd when given; null when fitted (then a FitParameter `observables.<name>.sd` holds it) or not used. */
  readonly sd: number | null;
}

/** One row of the data CSV. */
export interface Observation {
  readonly timeH: number;
  readonly subject: string;
  /** '' when the scenario has no arms. */
  readonly arm: string;
  readonly observable: string;
  readonly value: number;
  /** Binomial observables only: cells profiled; null otherwise. */
  readonly nCells: number | null;
  /** 1-based line of the CSV (0 for synthetic rows not read from a file). */
  readonly line: number;
}

export interface Dataset {
  readonly file: string;
  readonly sha256: string;
  /** In file order. */
  readonly observations: readonly Observation[];
}

/** One generation of the sampler, as in fit.json. */
export interface GenerationRecord {
  readonly generation: number;
  /** SMC with likelihood tempering: the exponent of the likelihood reached (1 = the posterior). */
  readonly temperature: number;
  /** Accepted / proposed moves of the MCMC kernel in this generation (null in generation 0). */
  readonly acceptance_rate: number | null;
  /** Effective sample size of the weights after reweighting to this temperature. */
  readonly ess: number;
  /** Subject simulations run in this generation. */
  readonly simulations: number;
  /** Wall time of the generation (the only field that differs between identical fits). */
  readonly seconds: number;
}

/** The weighted particles at the posterior (temperature 1). Values in engine units. */
export interface Posterior {
  readonly parameters: readonly FitParameter[];
  /** values[i][j]: particle i, parameter j. */
  readonly values: readonly (readonly number[])[];
  /** Normalised, summing to 1. */
  readonly weights: readonly number[];
}

/** One row of posterior_summary.csv. */
export interface ParameterSummary {
  readonly parameter: string;
  readonly unit: string;
  readonly prior: string;
  readonly mean: number;
  readonly median: number;
  readonly q05: number;
  readonly q95: number;
  /** 1 - posterior variance / prior variance, on the prior's scale (log for log-uniform and log-normal). */
  readonly contraction: number;
}

/** A posterior-predictive band of one observable in one arm at one observation time. */
export interface PredictiveBand {
  readonly observable: string;
  readonly arm: string;
  readonly timeH: number;
  readonly q05: number;
  readonly median: number;
  readonly q95: number;
}

/** One posterior-predictive replicate (a posterior draw x a stochastic replicate) of an arm. */
export interface PredictiveRun {
  /** false: the burden never fell below the relapse threshold ("no response", not a relapse). */
  readonly responded: boolean;
  /** null without relapse, and when it never responded (analysis/relapseEvent.ts). */
  readonly relapse_h: number | null;
  readonly extinct_h: number | null;
  readonly nadir_cells: number;
}

/** One row of predict.csv. */
export interface ArmPrediction {
  readonly arm: string;
  readonly relapse_probability: number;
  readonly relapse_median_h: number | null;
  readonly relapse_q05_h: number | null;
  readonly relapse_q95_h: number | null;
  readonly extinction_probability: number;
  readonly nadir_median_cells: number;
  /** Runs whose burden never fell below the relapse threshold. */
  readonly no_response_probability: number;
}

export type FitWarningKind = 'identifiability' | 'not-learned' | 'low-ess' | 'outside-band' | 'budget' | 'degenerate';

export interface FitWarning {
  readonly kind: FitWarningKind;
  readonly message: string;
  /** The parameters concerned (identifiability, not-learned). */
  readonly parameters?: readonly string[];
  /** identifiability: the correlation on the log scale. */
  readonly r?: number;
  /** outside-band: the observations concerned. */
  readonly observations?: number;
}

/** fit.json. */
export interface FitJson {
  readonly persim_version: string;
  readonly version: 1;
  readonly scenario: { readonly name: string; readonly file: string; readonly sha256: string };
  readonly data: { readonly file: string; readonly sha256: string; readonly observations: number; readonly subjects: number };
  readonly seed: number;
  readonly engine: 'agent' | 'population';
  readonly algorithm: string;
  /** How each subject's likelihood was estimated, and from how many simulated tumours. */
  readonly likelihood: { readonly estimator: 'particle filter' | 'independent tumours'; readonly tumours_per_subject: number };
  readonly parameters: readonly { readonly path: string; readonly unit: string; readonly prior: string }[];
  readonly generations: readonly GenerationRecord[];
  readonly final: { readonly ess: number; readonly particles: number; readonly simulations: number };
  /** Posterior correlations of ln(parameter) (the value itself for priors that allow values <= 0). */
  readonly correlation: { readonly parameters: readonly string[]; readonly matrix: readonly (readonly number[])[] };
  readonly warnings: readonly FitWarning[];
}

/** Everything a fit produced: what the output writer, the charts and the report read. */
export interface FitResult {
  readonly json: FitJson;
  readonly posterior: Posterior;
  readonly summary: readonly ParameterSummary[];
  readonly predictions: readonly ArmPrediction[];
  /** Per predicted arm, its posterior-predictive runs (for relapse-free curves) and the horizon they are censored at. */
  readonly predictiveRuns: readonly { readonly arm: string; readonly horizonH: number; readonly runs: readonly PredictiveRun[] }[];
  readonly bands: readonly PredictiveBand[];
  readonly data: Dataset;
  readonly observables: readonly Observable[];
}

/**
 * A scenario's `fit:` block, checked and in engine units (src/fit/block.ts reads it). The
 * fitted parameters are the scenario paths in file order, then one `observables.<name>.sd`
 * per observable whose sd has a prior.
 */
export interface FitSpec {
  /** The data CSV as a path usable from the current directory (resolved against the scenario file's folder). */
  readonly dataFile: string;
  readonly parameters: readonly FitParameter[];
  readonly observables: readonly Observable[];
  /** SMC particles (default DEFAULT_PARTICLES). */
  readonly particles: number;
  /** Simulated tumours per subject in a likelihood estimate; null: chosen by tumour size (runFit.ts replicatesPerSubject). */
  readonly tumoursPerSubject: number | null;
  /** Arm names to predict, in order ('' alone when the scenario has no arms). */
  readonly predict: readonly string[];
  /** Posterior draws and stochastic replicates per draw of the prediction. */
  readonly predictDraws: number;
  readonly predictReplicates: number;
}

export const DEFAULT_PARTICLES = 400;
export const DEFAULT_PREDICT_DRAWS = 200;
export const DEFAULT_PREDICT_REPLICATES = 5;
