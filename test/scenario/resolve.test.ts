import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/model/scenario.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { defaultRecordEvery } from '../../src/scenario/resolve.js';
import { FULL, MINIMAL, edit } from './fixtures.js';

function expectDeepFrozen(value: unknown, where = 'scenario'): void {
  if (typeof value !== 'object' || value === null) return;
  expect(Object.isFrozen(value), `${where} is frozen`).toBe(true);
  for (const [k, v] of Object.entries(value)) expectDeepFrozen(v, `${where}.${k}`);
}

describe('a full scenario', () => {
  const scenario = loadScenarioText(FULL, 'full.yaml');

  it('resolves to hours, per-hour rates and an expanded, sorted dose list', () => {
    const expected: Scenario = {
      name: 'Weekly paclitaxel, two-state switch',
      description: 'What question this scenario answers.',
      seed: 7,
      replicates: 50,
      engine: 'auto',
      time: { horizonH: 2880, dtH: 0.5, recordEveryH: 24 },
      population: { initial: 1e5, persisterFraction: 0.003, capacity: 1e9 },
      phenotypes: {
        sensitive: { divisionRate: Math.LN2 / 40, deathRate: 0.002 },
        persister: { divisionRate: 0.001, deathRate: 0.0005, drugSensitivity: 0.01 },
      },
      switch: { model: 'two-state', entryRate: 1e-4, inducedEntryRate: 0.02, exitRate: 0.01, exitRateOnDrug: 0.001 },
      drugs: [{
        name: 'paclitaxel',
        effect: 'kill',
        potency: 0.08,
        ec50: 1,
        hill: 1,
        halfLifeH: 20,
        doses: [0, 168, 336, 504, 672, 840, 1440, 1608].map((timeH) => ({ timeH, amount: 2, durationH: null })),
      }],
      relapse: { kind: 'relative', value: 1 },
    };
    expect(scenario).toEqual(expected);
  });

  it('is deeply frozen', () => {
    expectDeepFrozen(scenario);
    expect(() => {
      (scenario.drugs[0].doses[0] as { timeH: number }).timeH = 5;
    }).toThrow(TypeError);
  });
});

describe('defaults', () => {
  const scenario = loadScenarioText(MINIMAL, 'minimal.yaml');

  it('fills every optional field', () => {
    expect(scenario).toEqual({
      name: 'minimal',
      description: '',
      seed: 1,
      replicates: 1,
      engine: 'auto',
      time: { horizonH: 240, dtH: null, recordEveryH: 12 },
      population: { initial: 1000, persisterFraction: 0, capacity: null },
      phenotypes: {
        sensitive: { divisionRate: 0.5 / 24, deathRate: 0 },
        persister: { divisionRate: 0, deathRate: 0, drugSensitivity: 0.01 },
      },
      switch: { model: 'two-state', entryRate: 0, inducedEntryRate: 0, exitRate: 0, exitRateOnDrug: null },
      drugs: [],
      relapse: { kind: 'relative', value: 1 },
    });
    expectDeepFrozen(scenario);
  });

  it('records daily, or 20 times per run when the run is shorter than 20 days', () => {
    expect(defaultRecordEvery(2880)).toBe(24);
    expect(defaultRecordEvery(240)).toBe(12);
    fc.assert(fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (h) => {
      const every = defaultRecordEvery(h);
      expect(every).toBeLessThanOrEqual(24);
      expect(every).toBeLessThanOrEqual(h / 20);
      expect(every === 24 || every === h / 20).toBe(true);
    }));
  });

  it('takes a switch model of two-state when the switch omits it', () => {
    const s = loadScenarioText(`${MINIMAL}switch:\n  entry_rate: 2/w\n`, 'f.yaml');
    expect(s.switch).toEqual({ model: 'two-state', entryRate: 2 / 168, inducedEntryRate: 0, exitRate: 0, exitRateOnDrug: null });
  });

  it('accepts version: 1 and an absolute relapse size', () => {
    const s = loadScenarioText(`version: 1\n${MINIMAL}relapse:\n  cells: 1e9\n`, 'f.yaml');
    expect(s.relapse).toEqual({ kind: 'cells', value: 1e9 });
  });
});

describe('doses', () => {
  const withDrug = (drug: string) => loadScenarioText(`${MINIMAL}drugs:\n${drug}`, 'drug.yaml').drugs[0];

  it('are square pulses without half_life, sorted by time across blocks', () => {
    const d = withDrug(`  - name: cis-platin_2
    effect: kill-persisters
    potency: 1.2/d
    schedule:
      - at: [5d, 1d]
        dose: 3
        duration: 30min
      - start: 2d
        every: 36h
        count: 3
        dose: 1
        duration: 1d
`);
    expect(d.halfLifeH).toBeNull();
    expect(d.potency).toBeCloseTo(0.05, 15);
    expect(d.doses).toEqual([
      { timeH: 24, amount: 3, durationH: 0.5 },
      { timeH: 48, amount: 1, durationH: 24 },
      { timeH: 84, amount: 1, durationH: 24 },
      { timeH: 120, amount: 3, durationH: 0.5 },
      { timeH: 120, amount: 1, durationH: 24 },
    ]);
  });

  it('of a periodic block are start + k x every for k < count', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 30 }),
      (start, every, count) => {
        const d = withDrug(`  - {name: d, effect: promote-exit, potency: 0.1, half_life: 3h, schedule: [{start: ${start}h, every: ${every}h, count: ${count}, dose: 1}]}\n`);
        expect(d.doses.map((x) => x.timeH)).toEqual(Array.from({ length: count }, (_, k) => start + k * every));
        expect(d.doses.every((x) => x.durationH === null)).toBe(true);
      },
    ), { numRuns: 50 });
  });

  it('take a plain fraction as block-entry potency', () => {
    const d = withDrug('  - {name: blocker, effect: block-entry, potency: 0.9, schedule: [{at: [0], dose: 1, duration: 1w}]}\n');
    expect(d.effect).toBe('block-entry');
    expect(d.potency).toBe(0.9);
  });
});

describe('the DESIGN example', () => {
  it('loads with its comments and the doubling time as ln 2 / 40 h', () => {
    const s = loadScenarioText(edit(FULL, 'doubling_time: 40h', 'doubling_time: 40h       # or division_rate'), 'f.yaml');
    expect(s.phenotypes.sensitive.divisionRate).toBeCloseTo(0.01732867951399863, 15);
  });
});
