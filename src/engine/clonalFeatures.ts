// What only the agent engine simulates: a resistant phenotype under the FOSL1 switch. (The
// population engine has a resistant compartment with mutation at division for the two-state
// switch, engine/populationTwoState.ts, lineage barcodes as clone compartments,
// engine/populationClones.ts, and doses an adaptive drug by each replicate's burden,
// engine/population.ts.) `engine: auto` takes the agent engine for such a scenario;
// `engine: population` refuses it.
import type { Scenario } from '../model/scenario.js';

/** The feature of the scenario only the agent engine simulates, in words, or null without any. */
export function agentOnlyFeature(s: Scenario): string | null {
  if (s.phenotypes.resistant !== undefined && s.switch.model === 'fosl1') return 'a resistant phenotype under the FOSL1 switch (phenotypes.resistant)';
  return null;
}
