// Shared by every command that reads a scenario: the file (or `-`, standard input, named
// `<stdin>` in messages), the --set overrides and the shortcut options (--seed,
// --replicates, --engine), which become --set overrides so that they are validated exactly
// like the file.
import { createHash } from 'node:crypto';
import { readStdinText } from '../io/stdin.js';
import { loadScenarioFile, loadScenarioText } from '../scenario/load.js';
import { checkFileSize, MAX_SCENARIO_BYTES } from '../scenario/textLimits.js';
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
  /** The name of the text in messages and outputs: the file's path, or `<stdin>`. */
  readonly source: string;
}

/** The scenario argument that means standard input, and its name in messages. */
export const STDIN_ARG = '-';
export const STDIN_NAME = '<stdin>';

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The scenario's name in messages: the path, or `<stdin>` for `-`. */
export function sourceName(file: string): string {
  return file === STDIN_ARG ? STDIN_NAME : file;
}

export function loadFromOptions(file: string, opts: ScenarioOptions): LoadedScenario {
  const sets = [...(opts.set ?? [])];
  if (opts.seed !== undefined) sets.push(`seed=${opts.seed}`);
  if (opts.replicates !== undefined) sets.push(`replicates=${opts.replicates}`);
  if (opts.engine !== undefined) sets.push(`engine=${opts.engine}`);
  const source = sourceName(file);
  const { scenario, text } = file === STDIN_ARG ? fromStdin(sets) : loadScenarioFile(file, sets);
  const sha256 = createHash('sha256').update(text).digest('hex');
  return { scenario, text, source, identity: { name: scenario.name, file: source, sha256, overrides: sets } };
}

function fromStdin(sets: readonly string[]): { scenario: Scenario; text: string } {
  const { text, bytes } = readStdinText(MAX_SCENARIO_BYTES);
  checkFileSize(bytes, STDIN_NAME);
  return { scenario: loadScenarioText(text, STDIN_NAME, sets), text };
}

export function slug(name: string): string {
  const s = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'scenario';
}
