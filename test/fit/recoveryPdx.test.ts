// Honest recovery (issue 13) at the shape of a PDX experiment: lesson 16's eight mice (1.5e8
// cells; calipers twice a week for 90 days with 15% log-normal error; persister fractions of
// 500 profiled cells from satellite tumours), whose data persim made at the lesson's own rates
// (npm run make-lesson-data), fitted back with the lesson's three rates. Each true rate lies
// inside its 90% interval and the median within half that interval's (log) width; the one
// the data cannot tell apart from the others (spontaneous entry, traded off against induced
// entry) is said to be so. 24 particles rather than the lesson's 200, to fit the suite; the full
// fit with five rates runs in `npm run bench`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareData, prepareFit } from '../../src/fit/prepareFit.js';
import { runFit } from '../../src/fit/runFit.js';

const ROOT = join(import.meta.dirname, '../..');
const FILE = join(ROOT, 'scenarios/16-fit-pdx.yaml');
const TRUTH: Record<string, number> = {
  'phenotypes.sensitive.division_rate': 0.5 / 24,
  'switch.entry_rate': 2e-3 / 24,
  'switch.induced_entry_rate': 0.1 / 24,
};

describe('recovery of known rates from eight PDX mice', () => {
  it('the three rates of lesson 16 inside their 90% intervals', async () => {
    const text = readFileSync(FILE, 'utf8').replace('  particles: 200', '  particles: 24');
    const prepared = prepareFit(text, FILE);
    const data = prepareData(prepared, prepared.spec.dataFile, readFileSync(prepared.spec.dataFile, 'utf8'));
    // Predictions are not what this test checks: a few, of one arm.
    const spec = { ...prepared.spec, predict: ['continuous_28d'], predictDraws: 4, predictReplicates: 2 };
    const r = await runFit({ ...prepared, spec, data, seed: 16, workers: 0, persimVersion: 'test' });
    expect(r.json.data.subjects).toBeGreaterThanOrEqual(8);
    expect(r.json.likelihood.tumours_per_subject).toBe(1);
    expect(r.json.generations[r.json.generations.length - 1].temperature).toBe(1);
    for (const s of r.summary) {
      const truth = TRUTH[s.parameter];
      expect(truth, s.parameter).toBeDefined();
      expect(s.q05, s.parameter).toBeLessThanOrEqual(truth);
      expect(s.q95, s.parameter).toBeGreaterThanOrEqual(truth);
      expect(Math.abs(Math.log(s.median / truth)), s.parameter).toBeLessThan(Math.log(s.q95 / s.q05) / 2);
    }
    const division = r.summary.find((s) => s.parameter === 'phenotypes.sensitive.division_rate');
    expect(division?.contraction).toBeGreaterThan(0.9);
  }, 240_000);
});
