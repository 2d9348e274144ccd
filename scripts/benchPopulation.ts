// The population-engine section of `npm run bench` (issue 5), one figure per line with its
// unit and target:
// - the agent engine's events per second on a 10^6-cell two-state tumour (the reference
//   model's rates, 20 h);
// - one replicate of a 10^12-cell two-state tumour, 365 days of chemotherapy every three
//   weeks (the rates of lesson 13), the same with lineage barcodes (2048 clones), and the
//   same tumour under the FOSL1 switch at 64 bins;
// - the reference model of the agent section, 100 runs on each engine: wall time per run,
//   mean error of the total at 500 h against the exact mean (and that of the engine's own
//   mean, its mean field), and the speed-up;
// - both engines on lesson 01 (10^5 cells): wall time per replicate and their ratio;
// - binomial draws per second for small n p (inversion) and large n p (BTRS), as the leap
//   draws them.
// Times are the best of three after a warm-up run. Prints figures; asserts nothing.
import { expectedCounts } from '../src/analysis/meanTrajectory.js';
import { PopulationRun } from '../src/engine/population.js';
import { simulate } from '../src/engine/simulate.js';
import type { Drug, EngineChoice, Scenario } from '../src/model/scenario.js';
import { compileTimeline } from '../src/model/timeline.js';
import { binomial } from '../src/rng/binomial.js';
import { streamFor } from '../src/rng/stream.js';
import { loadScenarioFile } from '../src/scenario/load.js';

const FOSL1_BINS = 64;

function seconds(run: () => void, repeat = 3): number {
  run();
  let best = Infinity;
  for (let k = 0; k < repeat; k++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

const q3w: Drug = {
  name: 'chemo', effect: 'kill', potency: 0.03, ec50: 1, hill: 1, halfLifeH: 24,
  doses: Array.from({ length: 18 }, (_, k) => ({ timeH: k * 21 * 24, amount: 10, durationH: null })),
};

function clinical(fosl1: boolean): Scenario {
  return {
    name: 'bench clinical', description: '', seed: 1, replicates: 1, engine: 'population',
    time: { horizonH: 365 * 24, dtH: null, recordEveryH: 24 },
    population: { initial: 1e12, persisterFraction: fosl1 ? 0 : 1e-6, capacity: 1e13 },
    phenotypes: {
      sensitive: { divisionRate: Math.LN2 / 48, deathRate: 0.012 },
      persister: { divisionRate: 0.001, deathRate: 0.0005, drugSensitivity: 0.01 },
    },
    switch: fosl1
      ? { model: 'fosl1', basal: 0.025, feedback: 0.045, halfSaturation: 1, hill: 8, decay: 0.05, stressGain: 0.0075, noise: 0.03, onThreshold: 1.2, offThreshold: 1, inheritanceNoise: 0.02, initialLevel: 'stationary' }
      : { model: 'two-state', entryRate: 1e-8, inducedEntryRate: 0.002, exitRate: 0.01, exitRateOnDrug: 0.001 },
    drugs: [q3w],
    relapse: { kind: 'cells', value: 1e9 },
  };
}

function agentEventsPerSecond(reference: Scenario): void {
  const s: Scenario = { ...reference, replicates: 1, engine: 'agent', time: { horizonH: 20, dtH: null, recordEveryH: 10 }, population: { ...reference.population, initial: 1e6 } };
  simulate({ ...s, population: { ...s.population, initial: 1e4 } });
  const t0 = performance.now();
  const c = simulate(s).outcomes[0].counters;
  const t = (performance.now() - t0) / 1000;
  const events = c.divisions + c.deaths + c.entries + c.exits;
  console.log(`  agent engine, two-state, 10^6 cells, 20 h: ${(events / t).toExponential(3)} events per second (${events.toExponential(2)} events in ${t.toFixed(2)} s)`);
}

function referenceModel(reference: Scenario, agentSecondsPerRun: number): void {
  const runs = reference.replicates;
  const s: Scenario = { ...reference, engine: 'population' };
  let sim = simulate(s);
  const t = seconds(() => (sim = simulate(s)), 2) / runs;
  const exact = expectedCounts(s, compileTimeline(s));
  const last = exact.sensitive.length - 1;
  const want = exact.sensitive[last] + exact.persister[last];
  const totals = sim.outcomes.map((o) => o.final.sensitive + o.final.persister);
  const mean = totals.reduce((a, b) => a + b, 0) / runs;
  const se = Math.sqrt(totals.reduce((a, b) => a + (b - mean) ** 2, 0) / (runs - 1) / runs);
  console.log(`  reference model, ${runs} runs: population engine ${(t * 1000).toFixed(2)} ms per run (agent ${(agentSecondsPerRun * 1000).toFixed(1)} ms): ` +
    `${(agentSecondsPerRun / t).toFixed(0)}x faster (target >= 10x)`);
  console.log(`    mean total at 500 h ${mean.toFixed(0)}, exact ${want.toFixed(0)}: error ${(((mean - want) / want) * 100).toFixed(2)}% ` +
    `(standard error ${((se / want) * 100).toFixed(2)}%; target under 1%)`);
  const field = new PopulationRun(s, compileTimeline(s), 0, streamFor(1, 0, 'unused'), { expected: true });
  while (field.advance());
  const f = field.outcome();
  const fieldTotal = f.sensitive[last] + f.persister[last];
  console.log(`    the engine's own mean (its mean field, no sampling error): ${fieldTotal.toFixed(3)}, error ${((fieldTotal / want - 1) * 100).toExponential(1)}%`);
}

function lessonRatio(): void {
  const base = loadScenarioFile('scenarios/01-biphasic-kill.yaml', ['replicates=5']).scenario;
  const per = (engine: EngineChoice) => seconds(() => simulate({ ...base, engine }), 1) / base.replicates;
  const agent = per('agent');
  const population = per('population');
  console.log(`  lesson 01 (10^5 cells, 49 days), per replicate: agent ${(agent * 1000).toFixed(0)} ms, population ${(population * 1000).toFixed(1)} ms: ratio ${(agent / population).toFixed(0)}`);
}

function binomialRate(label: string, n: number, p: number): void {
  const rng = streamFor(1, 0, 'bench-population');
  let sink = 0;
  for (let i = 0; i < 1e5; i++) sink += binomial(rng, n, p);
  const N = 2e6;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) sink += binomial(rng, n, p);
  const t = (performance.now() - t0) / 1000;
  console.log(`  binomial draws, ${label} (n = ${n.toExponential(0)}, p = ${p}): ${(N / t / 1e6).toFixed(1)} M per second${sink < 0 ? ' ' : ''}`);
}

export function benchPopulation(reference: Scenario, agentSecondsPerRun: number): void {
  console.log(`persim bench: population engine`);
  agentEventsPerSecond(reference);
  const two = clinical(false);
  console.log(`  10^12 cells, two-state, 365 days q3w, 1 replicate: ${seconds(() => simulate(two)).toFixed(3)} s (target < 0.3 s)`);
  const barcoded: Scenario = { ...two, lineage: { sampleAtH: [0, 365 * 24] } };
  let clones = 0;
  const tb = seconds(() => (clones = simulate(barcoded).outcomes[0].clones?.samples[0].barcodes.length ?? 0), 1);
  console.log(`  10^12 cells, two-state, 365 days q3w, lineage barcodes (${clones} clones), 1 replicate: ${tb.toFixed(2)} s`);
  const fosl1 = clinical(true);
  console.log(`  10^12 cells, FOSL1 at ${FOSL1_BINS} bins, 365 days q3w, 1 replicate: ${seconds(() => simulate(fosl1, { population: { bins: FOSL1_BINS } }), 2).toFixed(2)} s (target < 2 s)`);
  referenceModel(reference, agentSecondsPerRun);
  lessonRatio();
  binomialRate('small n p, inversion', 1000, 0.003);
  binomialRate('large n p, BTRS', 1e12, 0.01);
}
