// Writes scenarios/data/16-pdx-mice.csv, the data of lesson 16: eight mice of the
// experiment's arm measured by calipers twice a week for 90 days (15% log-normal noise),
// and two satellite tumours profiled (500 cells) for persisters on days 7, 21 and 42; all
// simulated by persim at the rates the scenario file holds. `npm run make-lesson-data`.
import { readFitSpec } from '../src/fit/block.js';
import { synthesize, writeObservationsCsv } from '../src/fit/synthetic.js';
import { loadArms } from '../src/scenario/arms.js';
import { parseScenarioDocument } from '../src/scenario/load.js';
import { readFileSync } from 'node:fs';

const file = 'scenarios/16-fit-pdx.yaml';
const parsed = parseScenarioDocument(readFileSync(file, 'utf8'), file);
const spec = readFitSpec(parsed);
const arm = loadArms(parsed).find((a) => a.name === '2on2off_x2');
if (arm === undefined) throw new Error('lesson 16 has no arm 2on2off_x2');
const calipers = Array.from({ length: 26 }, (_, i) => i * 3.5 * 24);
const rows = synthesize({
  arms: [{ name: arm.name, scenario: arm.scenario, subjects: 8 }],
  observables: spec.observables,
  measurements: [
    { observable: 'volume_mm3', timesH: calipers },
    { observable: 'persister_fraction', timesH: [7 * 24, 21 * 24, 42 * 24], nCells: 500, satellitesPerTime: 2 },
  ],
  seed: 1616,
});
console.log(`wrote ${writeObservationsCsv('scenarios/data/16-pdx-mice.csv', rows)} (${rows.length} rows)`);
