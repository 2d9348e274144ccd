// Bench section: the wall time of the 8-mouse fit of issue 13 (lesson 16's data: calipers twice
// a week for 90 days and persister profiles; 1.5e8 cells; population engine) with five fitted
// rates (lesson 16's three plus the sensitive death rate and the exit rate), 200 particles, on
// every core, and the subject simulations per second it sustained. Target: under 5 minutes on
// this 2-core machine. The load average is printed beside it: other work on the cores slows it.
import { availableParallelism, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { prepareData, prepareFit } from '../src/fit/prepareFit.js';
import { runFit } from '../src/fit/runFit.js';
import { parseScenarioDocument } from '../src/scenario/load.js';
import { parseRate } from '../src/scenario/units.js';

/** The rate (per hour) the scenario file writes at a dotted path. */
function truthOf(doc: ReturnType<typeof parseScenarioDocument>['doc'], path: string): number {
  const r = parseRate(doc.getIn(path.split('.')));
  if (!r.ok) throw new Error(`bench: ${path} is not a rate in ${FILE}`);
  return r.value;
}

const FILE = 'scenarios/16-fit-pdx.yaml';
const EXTRA = `    phenotypes.sensitive.death_rate:    { prior: log-uniform, min: 0.02/d, max: 1/d }
    switch.exit_rate:                   { prior: log-uniform, min: 1e-3/h, max: 0.1/h }
  observables:`;

export async function benchFit(): Promise<void> {
  const text = readFileSync(FILE, 'utf8').replace(/\n {2}observables:/, `\n${EXTRA}`);
  const prepared = prepareFit(text, FILE);
  const { spec, scenario } = prepared;
  const data = prepareData(prepared, spec.dataFile, readFileSync(spec.dataFile, 'utf8'));
  const workers = availableParallelism();
  const before = loadavg()[0];
  const t0 = performance.now();
  const r = await runFit({
    ...prepared, data, seed: scenario.seed, workers, persimVersion: 'bench',
  });
  const seconds = (performance.now() - t0) / 1000;
  const sampling = r.json.generations.reduce((s, g) => s + g.seconds, 0);
  console.log(`persim bench: fit of lesson 16's 8 mice (${spec.parameters.length} rates, ${spec.particles} particles, ${r.json.data.observations} observations, ${workers} workers)`);
  console.log(`  wall time             ${seconds.toFixed(1)} s   (target < 300 s)`);
  console.log(`  generations           ${r.json.generations.length}, ${r.json.final.simulations} subject simulations`);
  console.log(`  simulations per second ${(r.json.final.simulations / sampling).toFixed(0)} (sampling phase)`);
  console.log(`  load average          ${before.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after, on ${availableParallelism()} cores`);
  // The data were made at the scenario's own values (npm run make-lesson-data): they are the truth.
  const doc = parseScenarioDocument(text, FILE).doc;
  let inside = 0;
  r.summary.forEach((s, j) => {
    const truth = truthOf(doc, spec.parameters[j].path);
    const ok = truth >= s.q05 && truth <= s.q95;
    if (ok) inside++;
    console.log(`  ${s.parameter.padEnd(36)} median ${s.median.toPrecision(3)} [${s.q05.toPrecision(3)}, ${s.q95.toPrecision(3)}] /h, true ${truth.toPrecision(3)} ${ok ? 'inside' : 'OUTSIDE'}`);
  });
  console.log(`  true rates inside their 90% intervals: ${inside} of ${r.summary.length}`);
}
