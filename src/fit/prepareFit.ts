// A fit's checked inputs from a scenario's text and its data: the scenario (with --set
// overrides), the fit: block as a FitSpec, every arm's horizon, and the parsed data CSV.
// What `persim fit`, the library's fit() and the bench share; reads no files itself.
import { createHash } from 'node:crypto';
import type { Scenario } from '../model/scenario.js';
import { loadArms } from '../scenario/arms.js';
import { parseScenarioDocument, resolveWithOverrides } from '../scenario/load.js';
import { readFitSpec } from './block.js';
import { parseDataset } from './data.js';
import type { Dataset, FitSpec } from './types.js';

export interface PreparedFit {
  readonly scenarioText: string;
  readonly scenarioFile: string;
  readonly scenarioSha256: string;
  readonly scenario: Scenario;
  readonly spec: FitSpec;
  readonly armNames: readonly string[];
  readonly horizonsH: ReadonlyMap<string, number>;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The scenario side of a fit; `particles` overrides fit.particles. Throws ScenarioError with the file's locations. */
export function prepareFit(scenarioText: string, scenarioFile: string, sets: readonly string[] = [], particles?: number): PreparedFit {
  const parsed = parseScenarioDocument(scenarioText, scenarioFile);
  const scenario = resolveWithOverrides(parsed, sets);
  const read = readFitSpec(parsed, sets);
  const spec = particles === undefined ? read : { ...read, particles };
  const arms = loadArms(parsed, sets);
  return {
    scenarioText, scenarioFile, scenarioSha256: sha256(scenarioText), scenario, spec,
    armNames: arms.map((a) => a.name), horizonsH: new Map(arms.map((a) => [a.name, a.scenario.time.horizonH])),
  };
}

/** The data of a prepared fit; throws FitDataError naming the CSV file, line and column. */
export function prepareData(p: PreparedFit, dataFile: string, dataText: string): Dataset {
  const horizonH = Math.max(p.scenario.time.horizonH, ...p.horizonsH.values());
  return parseDataset(dataFile, dataText, p.spec, p.armNames, horizonH);
}
