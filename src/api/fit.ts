// fit (Node only): `persim fit` from code. The same checks (ScenarioError for the fit: block,
// FitDataError for the data), the same sampler and worker threads, and the same FitResult
// the CLI writes out; writing files is left to the caller (or to `persim fit`).
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { prepareData, prepareFit, type PreparedFit } from '../fit/prepareFit.js';
import { runFit, type FitProgress } from '../fit/runFit.js';
import type { Dataset, FitResult } from '../fit/types.js';
import { PERSIM_VERSION } from '../model/version.js';

/** What a fit and a calibration check read: the scenario, its data and the sampler's settings. */
export interface FitInputOptions {
  /** The scenario file's name in errors and in fit.json (default 'scenario.yaml'). */
  readonly file?: string;
  /** The data CSV's text (default: read fit.data, relative to `file`). */
  readonly data?: string;
  /** The data CSV's name in errors (default: fit.data). */
  readonly dataFile?: string;
  readonly seed?: number;
  readonly particles?: number;
  /** Worker threads (default: the cores); 0 runs on the calling thread. */
  readonly workers?: number;
  readonly maxSimulations?: number;
  readonly signal?: AbortSignal;
}

export interface FitOptions extends FitInputOptions {
  readonly onProgress?: (progress: FitProgress) => void;
}

/** The fit and its data as fit() and checkCalibration() read them from their options. */
export function preparedWithData(scenarioText: string, options: FitInputOptions): { prepared: PreparedFit; data: Dataset } {
  const prepared = prepareFit(scenarioText, options.file ?? 'scenario.yaml', options.seed === undefined ? [] : [`seed=${options.seed}`], options.particles);
  const dataFile = options.dataFile ?? prepared.spec.dataFile;
  return { prepared, data: prepareData(prepared, dataFile, options.data ?? readFileSync(dataFile, 'utf8')) };
}

/** Fits the scenario's fit: block to its data and predicts every arm in fit.predict. */
export async function fit(scenarioText: string, options: FitOptions = {}): Promise<FitResult> {
  const { prepared, data } = preparedWithData(scenarioText, options);
  return runFit({
    ...prepared, data, seed: prepared.scenario.seed, workers: options.workers ?? availableParallelism(),
    maxSimulations: options.maxSimulations, signal: options.signal, onProgress: options.onProgress, persimVersion: PERSIM_VERSION,
  });
}
