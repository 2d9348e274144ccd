// loadScenario: scenario text (YAML) or a plain object -> a validated scenario the API can
// run, through the CLI's loader (src/scenario/load.ts): the same schema, the same --set
// overrides and the same located errors, thrown as one ScenarioError listing every issue.
import { stringify } from 'yaml';
import type { Scenario } from '../model/scenario.js';
import { loadScenarioText } from '../scenario/load.js';

export interface LoadOptions {
  /** Names the text in error messages and in summary.json's `scenario.file` (default `scenario.yaml`). */
  readonly file?: string;
  /** `path=value` overrides, exactly as `persim run --set`. */
  readonly set?: readonly string[];
}

/** A validated scenario and what it was loaded from (runScenario re-applies overrides to the text). */
export interface LoadedScenario {
  /** The resolved scenario: rates per hour, times in hours, frozen. */
  readonly scenario: Scenario;
  /** The YAML text (for an object, the YAML persim wrote from it; error positions refer to it). */
  readonly text: string;
  readonly file: string;
  readonly set: readonly string[];
}

export const DEFAULT_FILE = 'scenario.yaml';

/** Throws ScenarioError (every issue, each with file, line, column and field) on bad input. */
export function loadScenario(input: string | object, options: LoadOptions = {}): LoadedScenario {
  const text = typeof input === 'string' ? input : stringify(input);
  const file = options.file ?? DEFAULT_FILE;
  const set = Object.freeze([...(options.set ?? [])]);
  return Object.freeze({ scenario: loadScenarioText(text, file, set), text, file, set });
}
