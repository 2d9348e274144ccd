// persim's library entry for the browser (and any JavaScript runtime): load, run and
// explain scenarios in memory, with nothing from Node. Importing it has no side effects.
export { loadScenario, type LoadOptions, type LoadedScenario } from './load.js';
export { runScenario, type RunOptions, type RunResult, type ArmRunResult, type Timeseries, type ReplicateSeries } from './run.js';
export { explain, type Explanation, type ExplainSection, type MeanTheory } from './explain.js';
export { ScenarioError, formatIssue, type ScenarioIssue } from '../scenario/errors.js';
export { EngineChoiceError } from '../engine/simulate.js';
export { PERSIM_VERSION as version } from '../model/version.js';
export type { Scenario } from '../model/scenario.js';
export type { Summary, RunRecord, ScenarioIdentity } from '../output/summaryJson.js';
export type { ArmsDocument } from '../report/armsFiles.js';
