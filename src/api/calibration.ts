// checkCalibration (Node only): `persim fit --check-calibration K` from code. The same refits
// (each at a truth drawn from the priors, on a dataset simulated in the data's design, fitted
// by the fit's own sampler), the same shards and the same calibration.json as the CLI, without
// the journal: writing files, and resuming, are left to the caller (or to `persim fit`). Its
// options are fit()'s (the data is used only for its design) plus the refits and the shard.
import { availableParallelism } from 'node:os';
import { calibrationJson, type CalibrationJson } from '../fit/calibration/outputs.js';
import type { RefitRecord } from '../fit/calibration/refitRecord.js';
import { calibrationDesign, runCalibration, type CalibrationProgress } from '../fit/calibration/runCalibration.js';
import { PERSIM_VERSION } from '../model/version.js';
import { parseShard, WHOLE } from '../sweep/shard.js';
import { preparedWithData, type FitInputOptions } from './fit.js';

export interface CalibrationOptions extends FitInputOptions {
  /** Refits (K). */
  readonly refits: number;
  /** 'i/n': this shard's refits only (those k with (k - 1) mod n = i). */
  readonly shard?: string;
  readonly onProgress?: (progress: CalibrationProgress) => void;
}

export interface CalibrationResult {
  /** calibration.json, as `persim fit --check-calibration` writes it. */
  readonly json: CalibrationJson;
  /** One record per refit (calibration.csv's rows), in refit order. */
  readonly records: readonly RefitRecord[];
}

/** Checks the calibration of the scenario's fit on data of its data's design. */
export async function checkCalibration(scenarioText: string, options: CalibrationOptions): Promise<CalibrationResult> {
  const { prepared, data } = preparedWithData(scenarioText, options);
  const shard = options.shard === undefined ? WHOLE : parseShard(options.shard);
  const records = await runCalibration({
    prepared, data, seed: prepared.scenario.seed, workers: options.workers ?? availableParallelism(), refits: options.refits, shard,
    maxSimulations: options.maxSimulations, signal: options.signal, onProgress: options.onProgress,
  });
  const json = calibrationJson(calibrationDesign(prepared, data, options.refits, options.maxSimulations, PERSIM_VERSION), shard, prepared.spec.parameters, records);
  return { json, records };
}
