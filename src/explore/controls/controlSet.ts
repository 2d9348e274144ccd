// Every control of a scenario, in the order the page shows them, and the overrides that the
// moved ones write, in the order they must be applied: a rewrite of the drug list first,
// then the switch, the chemotherapy and the interventions.
import type { Scenario } from '../../model/scenario.js';
import { chemoControls } from './chemoControls.js';
import type { Control, ControlValues } from './control.js';
import { interventionControls } from './interventionControls.js';
import type { ControlContext } from './part.js';
import { switchControls } from './switchControls.js';

export interface ControlSet {
  readonly controls: readonly Control[];
  sets(values: ControlValues): string[];
}

export function controlSet(scenario: Scenario, data: Readonly<Record<string, unknown>>): ControlSet {
  const ctx: ControlContext = { scenario, data };
  const sw = switchControls(ctx);
  const chemo = chemoControls(scenario);
  const interventions = interventionControls(ctx, chemo);
  return {
    controls: [...sw.controls, ...chemo.controls, ...interventions.controls],
    sets: (values) => [...interventions.listSets(values), ...sw.sets(values), ...chemo.sets(values), ...interventions.sets(values)],
  };
}
