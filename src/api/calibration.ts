// checkCalibration (Node only): `persim fit --check-calibration K` from code. The same refits
// (each at a truth drawn from the priors, on a dataset simulated in the data's design, fitted
// by the fit's own sampler), the same shards and the same calibration.json as the CLI, without
// the journal: writing files, and resuming, are left to the caller (or to `persim fit`).
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { calibrationJson, type CalibrationJson } from '../fit/calibration/outputs.js';
import type { RefitRecord } from '../fit/calibration/refitRecord.js';
import { calibrationDesign, runCalibration, type CalibrationProgress } from '../fit/calibration/runCalibration.js';
import { prepareData, prepareFit } from '../fit/prepareFit.js';
import { PERSIM_VERSION } from '../model/version.js';
import { parseShard, WHOLE } from '../sweep/shard.js';

export interface CalibrationOptions {
  /** Refits (K). */
  readonly refits: number;
  /** 'i/n': this shard's refits only (those k with (k - 1) mod n = i). */
  readonly shard?: string;
  readonly file?: string;
  /** The data CSV's text (default: read fit.data, relative to `file`); only its design is used. */
  readonly data?: string;
  readonly dataFile?: string;
  readonly seed?: number;
  readonly particles?: number;
  /** Worker threads (default: the cores); 0 runs on the calling thread. */
  readonly workers?: number;
  readonly maxSimulations?: number;
  readonly signal?: AbortSignal;
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
  const file = options.file ?? 'scenario.yaml';
  const prepared = prepareFit(scenarioText, file, options.seed === undefined ? [] : [`seed=${options.seed}`], options.particles);
  const dataFile = options.dataFile ?? prepared.spec.dataFile;
  const data = prepareData(prepared, dataFile, options.data ?? readFileSync(dataFile, 'utf8'));
  const shard = options.shard === undefined ? WHOLE : parseShard(options.shard);
  const records = await runCalibration({
    prepared, data, seed: prepared.scenario.seed, workers: options.workers ?? availableParallelism(), refits: options.refits, shard,
    maxSimulations: options.maxSimulations, signal: options.signal, onProgress: options.onProgress,
  });
  const json = calibrationJson(calibrationDesign(prepared, data, options.refits, options.maxSimulations, PERSIM_VERSION), shard, prepared.spec.parameters, records);
  return { json, records };
}
