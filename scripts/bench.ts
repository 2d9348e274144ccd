// `npm run bench`: speed and accuracy of the agent engine on the reference model of issue 2.
// Sensitive cells divide at 0.04/h and die at 0.01/h, plus 0.1/h while the drug is on; they
// enter persistence at 0.001/h (0.02/h on drug). Persisters divide at 0.002/h, die at
// 0.001/h and exit at 0.005/h. 10^4 sensitive cells, drug on for 200 h, horizon 500 h.
// Then the C anchor (benchAnchor.ts): a plain C direct-method SSA of the same model and
// timeline, compiled with the system's cc, and persim's engine as a ratio of it.
// Then the sweep section (benchSweep.ts): one sweep on 1 and on 2 worker threads.
// Then the FOSL1 section (benchFosl1.ts): the FOSL1 per-cell level update against a C loop of
// the same update (scripts/anchor-fosl1.c), cold and warm, in interleaved rounds.
// Then the population-engine section (benchPopulation.ts), the loader (benchLoader.ts), and the
// 8-mouse fit of lesson 16 with five rates (benchFit.ts), and the lineage sample of 3 x 10^7
// barcoded cells (benchLineage.ts).
// BENCH_SECTIONS (default all) runs some only: a comma list of engine (always first, it gives
// the reference figures), anchor, sweep, fosl1, population, loader, fit, lineage.
// Prints figures; asserts nothing.
import { simulate } from '../src/engine/simulate.js';
import type { Scenario } from '../src/model/scenario.js';
import { compileTimeline } from '../src/model/timeline.js';
import { expectedCounts } from '../src/analysis/meanTrajectory.js';
import { benchSweep } from './benchSweep.js';
import { benchFosl1 } from './benchFosl1.js';
import { benchPopulation } from './benchPopulation.js';
import { benchLoader } from './benchLoader.js';
import { benchFit } from './benchFit.js';
import { benchAnchor } from './benchAnchor.js';
import { benchLineage } from './benchLineage.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const SECTIONS = (process.env.BENCH_SECTIONS ?? 'anchor,sweep,fosl1,population,loader,fit,lineage').split(',');
const section = (name: string) => SECTIONS.includes(name);

const scenario: Scenario = {
  name: 'bench reference',
  description: '',
  seed: 1,
  replicates: RUNS,
  engine: 'agent',
  time: { horizonH: 500, dtH: null, recordEveryH: 50 },
  population: { initial: 1e4, persisterFraction: 0, capacity: null },
  phenotypes: {
    sensitive: { divisionRate: 0.04, deathRate: 0.01 },
    persister: { divisionRate: 0.002, deathRate: 0.001, drugSensitivity: 0 },
  },
  switch: { model: 'two-state', entryRate: 0.001, inducedEntryRate: 0.019, exitRate: 0.005, exitRateOnDrug: null },
  drugs: [
    // E = 1 - 1e-9 while the square pulse is on: effectively fully on.
    { name: 'drug', effect: 'kill', potency: 0.1, ec50: 1, hill: 1, halfLifeH: null, doses: [{ timeH: 0, amount: 1e9, durationH: 200 }] },
  ],
  relapse: { kind: 'relative', value: 1 },
};

const t0 = performance.now();
const sim = simulate(scenario);
const seconds = (performance.now() - t0) / 1000;
let events = 0;
let meanS = 0;
let meanP = 0;
let sumSq = 0;
for (const o of sim.outcomes) {
  const c = o.counters;
  events += c.divisions + c.deaths + c.entries + c.exits;
  meanS += o.final.sensitive / RUNS;
  meanP += o.final.persister / RUNS;
  sumSq += (o.final.sensitive + o.final.persister) ** 2;
}
const seTotal = Math.sqrt((sumSq / RUNS - (meanS + meanP) ** 2) / (RUNS - 1));
const timeline = compileTimeline(scenario);
const exact = expectedCounts(scenario, timeline);
const last = exact.sensitive.length - 1;
const eS = exact.sensitive[last];
const eP = exact.persister[last];
const rel = (x: number, e: number) => `${(((x - e) / e) * 100).toFixed(2)}%`;
console.log(`persim bench: agent engine, reference two-type model, ${RUNS} runs`);
console.log(`  wall time per run     ${((seconds / RUNS) * 1000).toFixed(1)} ms`);
console.log(`  events per run        ${(events / RUNS).toExponential(3)}`);
console.log(`  events per second     ${(events / seconds).toExponential(3)}   (target >= 1e7)`);
console.log(`  mean sensitive at 500 h  ${meanS.toFixed(0)}  exact ${eS.toFixed(0)}  (${rel(meanS, eS)})`);
console.log(`  mean persister at 500 h  ${meanP.toFixed(0)}  exact ${eP.toFixed(0)}  (${rel(meanP, eP)})`);
console.log(`  mean total at 500 h      ${(meanS + meanP).toFixed(0)}  exact ${(eS + eP).toFixed(0)}  (${rel(meanS + meanP, eS + eP)}, standard error ${((seTotal / (eS + eP)) * 100).toFixed(2)}%; target within 1%)`);
const engine = { secondsPerRun: seconds / RUNS, eventsPerSecond: events / seconds };
if (section('anchor')) {
  console.log('');
  benchAnchor(scenario, timeline, RUNS, engine, eS + eP);
}
if (section('sweep')) {
  console.log('');
  await benchSweep(scenario);
}
if (section('fosl1')) {
  console.log('');
  benchFosl1();
}
if (section('population')) {
  console.log('');
  benchPopulation(scenario, seconds / RUNS);
}
if (section('loader')) {
  console.log('');
  benchLoader();
}
if (section('fit')) {
  console.log('');
  await benchFit();
}
if (section('lineage')) {
  console.log('');
  benchLineage();
}
