// Shared by every command that reads a scenario: the file, the --set overrides and the
// shortcut options (--seed, --replicates, --engine), which become --set overrides so that
// they are validated exactly like the file.
import { createHash } from 'node:crypto';
import { loadScenarioFile } from '../scenario/load.js';
import type { Scenario } from '../model/scenario.js';
import type { ScenarioIdentity } from '../output/summaryJson.js';

export interface ScenarioOptions {
  set?: string[];
  seed?: string;
  replicates?: string;
  engine?: string;
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  readonly text: string;
  readonly identity: ScenarioIdentity;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function loadFromOptions(file: string, opts: ScenarioOptions): LoadedScenario {
  const sets = [...(opts.set ?? [])];
  if (opts.seed !== undefined) sets.push(`seed=${opts.seed}`);
  if (opts.replicates !== undefined) sets.push(`replicates=${opts.replicates}`);
  if (opts.engine !== undefined) sets.push(`engine=${opts.engine}`);
  const { scenario, text } = loadScenarioFile(file, sets);
  const sha256 = createHash('sha256').update(text).digest('hex');
  return { scenario, text, identity: { name: scenario.name, file, sha256, overrides: sets } };
}

export function slug(name: string): string {
  const s = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'scenario';
}
