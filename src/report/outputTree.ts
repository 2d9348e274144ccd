// The files `persim run` writes, by layout. Without arms: summary.json, timeseries.csv and
// the charts in the output folder (the DESIGN.md contract, plus PNGs). With arms: one
// folder per arm (its summary.json, timeseries.csv and charts), and at the top arms.json,
// arms.csv and the comparison charts. Both keep scenario.yaml, the scenario text as run,
// from which `persim report` rebuilds everything; report.html is added on request. With
// lineage barcodes an arm also has clones.csv, with an adaptive drug dosing.csv, under the
// FOSL1 switch levels.csv (the level's distribution at the chosen times).
import type { Simulation } from '../engine/simulate.js';
import { clonesCsv, hasClones } from '../output/clonesCsv.js';
import { dosingCsv, hasDosing } from '../output/dosingCsv.js';
import { levelsCsv } from '../output/levelsCsv.js';
import { summaryJson, type ScenarioIdentity } from '../output/summaryJson.js';
import { timeseriesCsv } from '../output/timeseriesCsv.js';
import type { ArmResult } from './armResult.js';
import { armsCsv, armsDocument, armsJson, type ArmsDocument } from './armsFiles.js';
import { armCharts, comparisonCharts } from './charts/registry.js';
import type { ArmComparison } from './compareArms.js';
import { renderPngs } from './renderPng.js';

export const SCENARIO_COPY = 'scenario.yaml';

export interface ArmRun {
  readonly result: ArmResult;
  readonly sim: Simulation;
}

export type FileMap = Record<string, string | Uint8Array>;

function prefixed(prefix: string, files: FileMap): FileMap {
  return Object.fromEntries(Object.entries(files).map(([name, content]) => [`${prefix}${name}`, content]));
}

async function armFiles(run: ArmRun, charts: boolean): Promise<FileMap> {
  return {
    'summary.json': summaryJson(run.result.summary),
    'timeseries.csv': timeseriesCsv(run.sim),
    ...(hasClones(run.sim) ? { 'clones.csv': clonesCsv(run.sim) } : {}),
    ...(hasDosing(run.sim) ? { 'dosing.csv': dosingCsv(run.sim) } : {}),
    ...(run.result.levels !== undefined ? { 'levels.csv': levelsCsv(run.result.levels) } : {}),
    ...(charts ? await renderPngs(armCharts(run.result)) : {}),
  };
}

/** The files of a run without arms. */
export async function singleRunFiles(run: ArmRun, rows: readonly ArmComparison[], scenarioText: string, charts: boolean): Promise<FileMap> {
  return {
    ...(await armFiles(run, charts)),
    ...(charts ? await renderPngs(comparisonCharts([run.result], rows)) : {}),
    [SCENARIO_COPY]: scenarioText,
  };
}

/** The files of a run with arms, and the arms document (for stdout). */
export async function armsRunFiles(
  runs: readonly ArmRun[],
  rows: readonly ArmComparison[],
  identity: ScenarioIdentity,
  scenarioText: string,
  charts: boolean,
): Promise<{ files: FileMap; doc: ArmsDocument }> {
  const first = runs[0].result.summary;
  const doc = armsDocument(identity, first.seed, first.replicates, rows, runs.map((r) => r.result.summary.scenario.overrides));
  const files: FileMap = { [SCENARIO_COPY]: scenarioText, 'arms.json': armsJson(doc), 'arms.csv': armsCsv(doc) };
  for (const run of runs) Object.assign(files, prefixed(`${run.result.slug}/`, await armFiles(run, charts)));
  if (charts) Object.assign(files, await renderPngs(comparisonCharts(runs.map((r) => r.result), rows)));
  return { files, doc };
}
