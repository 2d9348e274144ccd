// Honest recovery (issue 13): data made by persim at known rates, fitted back. Eight in-vitro
// wells of 200 cells under a kill drug that leaves a few persisters per well, observed four
// times with 20% error: about half the wells die out, the others fall to a handful of cells
// and regrow. The likelihood is the particle filter's (64 tumours a well): each true rate lies
// inside its 90% posterior interval, the median is within half that interval's (log) width
// of the truth, and the data are no surprise to the posterior predictive. (The 8-mouse PDX
// recovery of lesson 16 runs in `npm run bench`.)
import { describe, expect, it } from 'vitest';
import { readFitSpec } from '../../src/fit/block.js';
import { fit as fitScenario } from '../../src/api/index.js';
import { observationsCsv, synthesize } from '../../src/fit/synthetic.js';
import { parseScenarioDocument, resolveWithOverrides } from '../../src/scenario/load.js';

const TEXT = `name: wells
seed: 3
time: { horizon: 10d, record_every: 1d }
population: { initial: 200, persister_fraction: stationary }
phenotypes:
  sensitive: { division_rate: 0.8/d, death_rate: 0.1/d }
  persister: { division_rate: 0.001/h, death_rate: 0.002/h, drug_sensitivity: 0.1 }
switch: { entry_rate: 1e-4/h, induced_entry_rate: 0.002/h, exit_rate: 0.02/h, exit_rate_on_drug: 0.001/h }
drugs:
  - name: chemo
    effect: kill
    potency: 0.12/h
    schedule: [{ at: [0d], dose: 10, duration: 4d }]
fit:
  data: wells.csv
  parameters:
    phenotypes.sensitive.division_rate: { prior: log-uniform, min: 0.1/d, max: 3/d }
    switch.induced_entry_rate:          { prior: log-uniform, min: 1e-4/h, max: 0.1/h }
  observables:
    viable_cells: { quantity: total, noise: log-normal, sd: 0.2 }
  particles: 32
`;

describe('recovery of known rates', () => {
  it('wells of 200 cells, half of which die out: both true rates inside their 90% intervals', async () => {
    const parsed = parseScenarioDocument(TEXT, 'wells.yaml');
    const scenario = resolveWithOverrides(parsed);
    const spec = readFitSpec(parsed);
    const rows = synthesize({
      arms: [{ name: '', scenario, subjects: 8 }],
      observables: spec.observables,
      measurements: [{ observable: 'viable_cells', timesH: [2, 4, 7, 10].map((d) => d * 24) }],
      seed: 99,
    });
    const lastValues = rows.filter((o) => o.timeH === 240).map((o) => o.value);
    const extinct = lastValues.filter((v) => v === 0).length;
    expect(extinct).toBeGreaterThanOrEqual(2); // wells died out: extinction is in the data
    expect(extinct).toBeLessThanOrEqual(6);
    const csv = observationsCsv(rows);
    // Through the library's fit(), the code `persim fit` runs.
    const r = await fitScenario(TEXT, { file: 'wells.yaml', data: csv, dataFile: 'wells.csv', seed: 5, workers: 0 });
    expect(r.json.data.observations).toBe(rows.length);
    expect(r.json.likelihood).toEqual({ estimator: 'particle filter', tumours_per_subject: 64 });
    const truth = [0.8 / 24, 0.002];
    r.summary.forEach((s, j) => {
      expect(s.q05).toBeLessThanOrEqual(truth[j]);
      expect(s.q95).toBeGreaterThanOrEqual(truth[j]);
      expect(Math.abs(Math.log(s.median / truth[j]))).toBeLessThan(Math.log(s.q95 / s.q05) / 2);
      expect(s.contraction).toBeGreaterThan(0.5);
    });
    expect(r.json.generations[r.json.generations.length - 1].temperature).toBe(1);
    expect(r.json.warnings.filter((w) => w.kind === 'outside-band')).toEqual([]);
  }, 240_000);
});
