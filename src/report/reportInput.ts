// Everything the HTML report shows, gathered from a run in memory or from its output
// folder: the scenario identity and text, each arm's results and `explain` text, and the
// comparison of the arms.
import { explainScenario } from '../analysis/explain.js';
import { agentProbe } from '../engine/simulate.js';
import { PERSIM_VERSION } from '../model/version.js';
import type { ScenarioIdentity } from '../output/summaryJson.js';
import type { ArmResult } from './armResult.js';
import { compareArms, type ArmComparison } from './compareArms.js';

export interface ReportInput {
  readonly version: string;
  readonly identity: ScenarioIdentity;
  readonly scenarioText: string;
  /** true when the scenario has `arms:` (the arms table then has hazard ratios). */
  readonly hasArms: boolean;
  readonly arms: readonly ArmResult[];
  readonly rows: readonly ArmComparison[];
  /** `persim explain` of each arm's scenario. */
  readonly explain: readonly string[];
}

export async function reportInput(identity: ScenarioIdentity, scenarioText: string, hasArms: boolean, arms: readonly ArmResult[]): Promise<ReportInput> {
  return {
    version: PERSIM_VERSION,
    identity,
    scenarioText,
    hasArms,
    arms,
    rows: compareArms(arms),
    explain: arms.map((a) => {
      try {
        return explainScenario(a.scenario, a.timeline, agentProbe);
      } catch (err) {
        return `persim explain could not describe this scenario: ${(err as Error).message}`;
      }
    }),
  };
}
