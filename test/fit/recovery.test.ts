// Honest recovery (issue 13): data made by persim at known rates, fitted back. Small in-vitro
// wells of 2000 cells under a kill drug, where persisters carry the wells through the dose and
// some wells can die out: each true rate lies inside its 90% posterior interval, the median is
// within half that interval's (log) width of the truth, and the data are no surprise to the
// posterior predictive. (The 8-mouse PDX recovery of lesson 16 runs in `npm run bench`.)
import { describe, expect, it } from 'vitest';
import { readFitSpec } from '../../src/fit/block.js';
import { fit as fitScenario } from '../../src/api/index.js';
import { observationsCsv, synthesize } from '../../src/fit/synthetic.js';
import { parseScenarioDocument, resolveWithOverrides } from '../../src/scenario/load.js';

const TEXT = `name: wells
seed: 3
time: { horizon: 12d, record_every: 1d }
population: { initial: 2000, persister_fraction: stationary }
phenotypes:
  sensitive: { division_rate: 0.8/d, death_rate: 0.1/d }
  persister: { division_rate: 0.001/h, death_rate: 0.001/h, drug_sensitivity: 0.02 }
switch: { entry_rate: 1e-3/h, induced_entry_rate: 0.01/h, exit_rate: 0.02/h, exit_rate_on_drug: 0.001/h }
drugs:
  - name: chemo
    effect: kill
    potency: 0.08/h
    schedule: [{ at: [0d], dose: 10, duration: 4d }]
fit:
  data: wells.csv
  parameters:
    phenotypes.sensitive.division_rate: { prior: log-uniform, min: 0.1/d, max: 3/d }
    switch.induced_entry_rate:          { prior: log-uniform, min: 1e-4/h, max: 0.1/h }
  observables:
    viable_cells: { quantity: total, noise: log-normal, sd: 0.25 }
  particles: 32
`;

describe('recovery of known rates', () => {
  it('wells of 2000 cells: both true rates inside their 90% intervals', async () => {
    const parsed = parseScenarioDocument(TEXT, 'wells.yaml');
    const scenario = resolveWithOverrides(parsed);
    const spec = readFitSpec(parsed);
    const rows = synthesize({
      arms: [{ name: '', scenario, subjects: 4 }],
      observables: spec.observables,
      measurements: [{ observable: 'viable_cells', timesH: [2, 4, 8, 12].map((d) => d * 24) }],
      seed: 99,
    });
    const csv = observationsCsv(rows);
    // Through the library's fit(), the code `persim fit` runs.
    const r = await fitScenario(TEXT, { file: 'wells.yaml', data: csv, dataFile: 'wells.csv', seed: 5, workers: 0 });
    expect(r.json.data.observations).toBe(rows.length);
    const truth = [0.8 / 24, 0.01];
    r.summary.forEach((s, j) => {
      expect(s.q05).toBeLessThanOrEqual(truth[j]);
      expect(s.q95).toBeGreaterThanOrEqual(truth[j]);
      expect(Math.abs(Math.log(s.median / truth[j]))).toBeLessThan(Math.log(s.q95 / s.q05) / 2);
      expect(s.contraction).toBeGreaterThan(0.5);
    });
    expect(r.json.generations[r.json.generations.length - 1].temperature).toBe(1);
    expect(r.json.warnings.filter((w) => w.kind === 'outside-band')).toEqual([]);
  }, 60_000);
});
