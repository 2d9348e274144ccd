// Reads back a run's output folder for `persim report`: scenario.yaml (checked against the
// sha256 recorded at run time), summary.json and timeseries.csv (and clones.csv, dosing.csv,
// levels.csv when present), or with arms, arms.json and each arm's folder. Each arm's scenario is resolved again from the file and the
// overrides recorded in its summary.json, so the report shows what was run.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioIdentity, Summary } from '../output/summaryJson.js';
import { parseScenarioDocument, resolveWithOverrides } from '../scenario/load.js';
import { armFromFiles, TimeseriesFormatError, type ArmResult } from './armResult.js';
import type { ArmsDocument } from './armsFiles.js';
import { LevelsFormatError } from './levelSeries.js';
import { SCENARIO_COPY } from './outputTree.js';

/** The folder is not a readable persim output folder. */
export class OutputFolderError extends Error {}

export interface OutputFolder {
  readonly identity: ScenarioIdentity;
  readonly scenarioText: string;
  readonly hasArms: boolean;
  readonly arms: ArmResult[];
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new OutputFolderError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new OutputFolderError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

function readJson<T>(path: string): T {
  const text = readText(path);
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new OutputFolderError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
}

function loadArm(dir: string, name: string, slug: string | null, text: string, file: string): ArmResult {
  const summaryPath = join(dir, 'summary.json');
  const summary = readJson<Summary>(summaryPath);
  if (!Array.isArray(summary.runs) || typeof summary.horizon_h !== 'number' || !Array.isArray(summary.scenario?.overrides)) {
    throw new OutputFolderError(`${summaryPath} is not a persim summary (no runs, horizon_h or scenario.overrides)`);
  }
  const scenario = resolveWithOverrides(parseScenarioDocument(text, file), summary.scenario.overrides);
  try {
    const optional = (file: string) => (existsSync(join(dir, file)) ? readText(join(dir, file)) : undefined);
    // clones.csv as bytes: one barcode per cell of 5 x 10^7 cells is more text than a string holds
    const clonesPath = join(dir, 'clones.csv');
    const clones = existsSync(clonesPath) ? readBytes(clonesPath) : undefined;
    const clonal = { clones, dosing: optional('dosing.csv'), levels: optional('levels.csv') };
    return armFromFiles(name, slug, scenario, summary, readText(join(dir, 'timeseries.csv')), clonal);
  } catch (err) {
    if (err instanceof TimeseriesFormatError) throw new OutputFolderError(`${join(dir, 'timeseries.csv')}: ${err.message}`);
    if (err instanceof LevelsFormatError) throw new OutputFolderError(`${join(dir, 'levels.csv')}: ${err.message}`);
    throw err;
  }
}

export function readOutputFolder(dir: string): OutputFolder {
  const armsPath = join(dir, 'arms.json');
  const hasArms = existsSync(armsPath);
  if (!hasArms && !existsSync(join(dir, 'summary.json'))) {
    throw new OutputFolderError(`${dir} is not a persim output folder: it has neither summary.json nor arms.json (run \`persim run\` first)`);
  }
  const armsDoc = hasArms ? readJson<ArmsDocument>(armsPath) : null;
  const identity = armsDoc?.scenario ?? readJson<Summary>(join(dir, 'summary.json')).scenario;
  const scenarioPath = join(dir, SCENARIO_COPY);
  const scenarioText = readText(scenarioPath);
  const sha = createHash('sha256').update(scenarioText).digest('hex');
  if (sha !== identity.sha256) {
    const recorded = hasArms ? armsPath : join(dir, 'summary.json');
    throw new OutputFolderError(
      `${scenarioPath} is not the scenario recorded in ${recorded} (their sha256 differ): the folder holds files of more than one run, ` +
        `such as an earlier run into the same --out by a persim older than the manifest (manifest.json) that cleans up. ` +
        `Run the scenario again into a new folder: persim run ${identity.file} --out <new folder> --report (add the same --set options: ${identity.overrides.length === 0 ? 'none were used' : identity.overrides.join(' ')})`,
    );
  }
  const arms = armsDoc === null
    ? [loadArm(dir, identity.name, null, scenarioText, scenarioPath)]
    : armsDoc.arms.map((a) => {
      if (typeof a.dir !== 'string') throw new OutputFolderError(`${armsPath}: arm '${a.name}' has no folder`);
      return loadArm(join(dir, a.dir), a.name, a.dir, scenarioText, scenarioPath);
    });
  return { identity, scenarioText, hasArms, arms };
}
