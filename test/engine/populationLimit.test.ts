// A population too large to hold as agents stops the run with a clear message: up front
// when the initial size already exceeds the limit, as soon as growth passes it otherwise.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineChoiceError, simulate } from '../../src/engine/simulate.js';
import { PopulationLimitError } from '../../src/engine/cellStore.js';
import { makeScenario } from '../helpers/makeScenario.js';
import { persim, tempDir } from '../helpers/cli.js';

describe('population limit of the agent engine', () => {
  it('refuses up front an initial population above the limit', () => {
    const s = makeScenario({ horizonH: 10, initial: 5000, bS: 0.01 });
    expect(() => simulate(s, { maxCells: 1000 })).toThrow(EngineChoiceError);
    expect(() => simulate(s, { maxCells: 1000 })).toThrow(/population.initial/);
  });

  it('stops with a clear error when growth passes the limit', () => {
    const s = makeScenario({ horizonH: 500, initial: 100, bS: 0.05 });
    expect(() => simulate(s, { maxCells: 2000 })).toThrow(PopulationLimitError);
    expect(() => simulate(s, { maxCells: 2000 })).toThrow(/more than the agent engine holds/);
  });

  it('the CLI exits 2 with a message, writing nothing, for an initial size over 5e7 with engine: agent', () => {
    const dir = tempDir();
    const file = join(dir, 'huge.yaml');
    writeFileSync(
      file,
      'name: huge\nengine: agent\ntime:\n  horizon: 1d\npopulation:\n  initial: 1e8\nphenotypes:\n  sensitive:\n    doubling_time: 40h\n',
    );
    const r = persim(['run', file, '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/population\.initial/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('CellStore at its limit', () => {
  it('a switch between pools is allowed when the population sits exactly at the limit', async () => {
    const { CellStore, SENSITIVE, PERSISTER } = await import('../../src/engine/cellStore.js');
    const store = new CellStore(4, 4);
    for (let i = 0; i < 4; i++) store.add(SENSITIVE, 0);
    expect(() => store.add(SENSITIVE, 0)).toThrow(PopulationLimitError);
    store.move(SENSITIVE, 0, PERSISTER, 0);
    expect(Array.from(store.counts)).toEqual([3, 1, 0]);
  });
});
