// Synthetic data: the noise is the observation model's (log-normal sd, binomial fraction),
// the tumour is the engine's (a drug-free population far from capacity grows as the exact
// mean), subjects are independent and the CSV reads back.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.js';
import { observationsCsv, synthesize } from '../../src/fit/synthetic.js';
import type { Observable } from '../../src/fit/types.js';

const scenario = loadScenarioText(`
name: growth
engine: population
time: { horizon: 20d }
population: { initial: 1e8, persister_fraction: 0.02 }
phenotypes:
  sensitive: { division_rate: 0.3/d, death_rate: 0.1/d }
  persister: { division_rate: 0.3/d, death_rate: 0.1/d }
switch: { entry_rate: 0.002/h, exit_rate: 0.098/h }
`, 'growth.yaml');

const observables: Observable[] = [
  { name: 'volume_mm3', quantity: 'total', scale: 1e-6, noise: 'log-normal', sd: 0.15 },
  { name: 'persister_count', quantity: 'persister', scale: 1, noise: 'binomial', sd: null },
];
const days = [0, 4, 8, 12, 16, 20].map((d) => d * 24);

describe('synthesize', () => {
  const rows = synthesize({
    arms: [{ name: '', scenario, subjects: 40 }],
    observables,
    measurements: [
      { observable: 'volume_mm3', timesH: days },
      { observable: 'persister_count', timesH: [10 * 24], nCells: 500, satellitesPerTime: 40 },
    ],
    seed: 11,
  });

  it('log-normal volumes: ln(value / exact mean) has mean 0 and sd 0.15 (4 SE)', () => {
    const vol = rows.filter((r) => r.observable === 'volume_mm3');
    expect(vol.length).toBe(40 * days.length);
    // Equal net growth 0.2/d in both states: the mean total is 1e8 exp(0.2 t/d).
    const z = vol.map((r) => Math.log(r.value / (1e8 * 1e-6 * Math.exp((0.2 * r.timeH) / 24))));
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const sd = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / (z.length - 1));
    expect(Math.abs(mean)).toBeLessThan((4 * 0.15) / Math.sqrt(z.length));
    expect(Math.abs(sd - 0.15)).toBeLessThan((4 * 0.15) / Math.sqrt(2 * (z.length - 1)));
  });

  it('binomial profiles: persisters among 500 cells at the stationary fraction 0.02 (4 SE)', () => {
    const prof = rows.filter((r) => r.observable === 'persister_count');
    expect(prof.length).toBe(40);
    expect(new Set(prof.map((r) => r.subject)).size).toBe(40);
    expect(prof.every((r) => r.nCells === 500 && Number.isInteger(r.value))).toBe(true);
    const mean = prof.reduce((a, r) => a + r.value, 0) / prof.length;
    expect(Math.abs(mean - 10)).toBeLessThan(4 * Math.sqrt((500 * 0.02 * 0.98) / 40));
  });

  it('writes the tidy CSV with day or time_h', () => {
    const text = observationsCsv(rows.slice(0, 2));
    expect(text.split('\n')[0]).toBe('day,subject,arm,observable,value,n_cells');
    expect(text.split('\n')[1].startsWith('0,m1,,volume_mm3,')).toBe(true);
    expect(observationsCsv(rows.slice(1, 2), 'time_h').split('\n')[1].startsWith('96,m1,')).toBe(true);
  });
});
