// A small, fast scenario for sweep tests (a few ms per replicate), as YAML text and as a
// file, and helpers to read an output directory.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli.js';

export const SMALL = `name: small sweep test
seed: 3
replicates: 4
time:
  horizon: 30d
  record_every: 1d
population:
  initial: 500
  persister_fraction: 0.002
  capacity: 2000
phenotypes:
  sensitive:
    doubling_time: 40h
    death_rate: 0.002/h
  persister:
    division_rate: 0.001/h
    death_rate: 0.0005/h
switch:
  model: two-state
  entry_rate: 1e-5/h
  induced_entry_rate: 0.004/h
  exit_rate: 0.01/h
  exit_rate_on_drug: 0.001/h
drugs:
  - name: chemo
    effect: kill
    potency: 0.08/h
    schedule:
      - at: [0d]
        dose: 10
        duration: 10d
  - name: blocker
    effect: block-entry
    potency: 0.5
    schedule:
      - at: [0d]
        dose: 99
        duration: 10d
relapse:
  relative: 1.0
`;

/** SMALL plus a sweep block (appended). */
export const WITH_BLOCK = `${SMALL}sweep:
  vary:
    drugs.blocker.potency: [0, 0.9]
    switch.exit_rate: 0.005/h..0.02/h:log:3
  replicates: 3
  metric: relapse_probability
`;

export function scenarioFile(text = SMALL, name = 'small.yaml'): string {
  const file = join(tempDir('persim-sweep-'), name);
  writeFileSync(file, text);
  return file;
}

/** Every file under dir (recursively, relative names) -> its bytes. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub === '' ? e.name : `${sub}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else out.set(rel, readFileSync(join(dir, rel)));
    }
  };
  walk('');
  return out;
}

export function csvRows(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
