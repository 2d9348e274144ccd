// persim's library entry for Node: everything of the browser entry, plus what needs Node
// (reading scenario files, sweeps and fits in worker threads). The same code the CLI runs; importing
// it has no side effects.
import { loadScenarioFile as loadFile } from '../scenario/load.js';
import type { LoadedScenario, LoadOptions } from './load.js';

export * from './browser.js';
export { runSweep, type SweepOptions, type SweepResult } from './sweep.js';
export { fit, type FitOptions } from './fit.js';
export { checkCalibration, type CalibrationOptions, type CalibrationResult } from './calibration.js';
export type { CalibrationJson } from '../fit/calibration/outputs.js';
export type { RefitRecord } from '../fit/calibration/refitRecord.js';
export type { FitResult, FitJson, ParameterSummary, ArmPrediction, FitWarning } from '../fit/types.js';
export type { PointSummary } from '../sweep/metrics.js';
export type { SweepPlan } from '../sweep/plan.js';

/** Reads and loads a scenario file (its path names it in errors and in summary.json); an unreadable file is a ScenarioError. */
export function loadScenarioFile(path: string, options: Omit<LoadOptions, 'file'> = {}): LoadedScenario {
  const set = Object.freeze([...(options.set ?? [])]);
  const { scenario, text } = loadFile(path, set);
  return Object.freeze({ scenario, text, file: path, set });
}
