// A group of controls and the overrides they write. Each group reads the resolved scenario
// (values in hours and per hour) and, where it must rewrite a list, the scenario's raw data.
import type { Scenario } from '../../model/scenario.js';
import type { Control, ControlValues } from './control.js';

export interface ControlPart {
  readonly controls: readonly Control[];
  /** `path=value` overrides for the moved controls of this part. */
  sets(values: ControlValues): string[];
}

export interface ControlContext {
  readonly scenario: Scenario;
  /** The scenario document as plain data (units as written), arm overrides applied. */
  readonly data: Readonly<Record<string, unknown>>;
}
