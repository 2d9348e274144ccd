// What only the agent engine simulates: a resistant phenotype with mutation at division,
// lineage barcodes (a per-cell field) and adaptive dosing (decided per replicate from its
// burden). `engine: auto` takes the agent engine for such a scenario; `engine: population`
// refuses it.
import type { Scenario } from '../model/scenario.js';

/** The first clonal feature of the scenario, in words, or null without any. */
export function agentOnlyFeature(s: Scenario): string | null {
  if (s.phenotypes.resistant !== undefined) return 'a resistant phenotype (phenotypes.resistant)';
  if (s.lineage !== undefined) return 'lineage barcodes (lineage)';
  if (s.drugs.some((d) => d.adaptive !== undefined)) return 'adaptive dosing (an adaptive schedule block)';
  return null;
}
