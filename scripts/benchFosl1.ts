// The FOSL1 section of `npm run bench`: agent-engine cell-steps per second of the FOSL1
// level update (Euler-Maruyama, one normal variate per cell per step, hysteresis moves) on
// 10^6 cells over 200 steps of 0.5 h. Cells neither divide nor die, so every step touches
// exactly 10^6 cells; the switch is the bistable reference of lesson 04. The time includes
// drawing the initial levels from the stationary distribution; a 10^4-cell run warms up the
// JIT first. Target 2.5 x 10^7, about half a plain -O3 C loop of the same update on the
// reference machine (5.2 x 10^7). Prints figures; asserts nothing.
import { simulate } from '../src/engine/simulate.js';
import type { Fosl1Switch, Scenario } from '../src/model/scenario.js';

const CELLS = 1e6;
const STEPS = 200;
const DT = 0.5;

const fosl1: Fosl1Switch = {
  model: 'fosl1',
  basal: 0.025,
  feedback: 0.045,
  halfSaturation: 1,
  hill: 8,
  decay: 0.05,
  stressGain: 0.0075,
  noise: 0.03,
  onThreshold: 1.2,
  offThreshold: 1,
  inheritanceNoise: 0.02,
  initialLevel: 'stationary',
};

function scenario(cells: number): Scenario {
  return {
    name: 'bench fosl1',
    description: '',
    seed: 1,
    replicates: 1,
    engine: 'agent',
    time: { horizonH: STEPS * DT, dtH: DT, recordEveryH: STEPS * DT },
    population: { initial: cells, persisterFraction: 0, capacity: null },
    phenotypes: {
      sensitive: { divisionRate: 0, deathRate: 0 },
      persister: { divisionRate: 0, deathRate: 0, drugSensitivity: 0 },
    },
    switch: fosl1,
    drugs: [],
    relapse: { kind: 'relative', value: 1 },
  };
}

export function benchFosl1(): void {
  simulate(scenario(1e4));
  const t0 = performance.now();
  const sim = simulate(scenario(CELLS));
  const seconds = (performance.now() - t0) / 1000;
  const o = sim.outcomes[0];
  const last = o.persister.length - 1;
  console.log(`persim bench: agent engine, FOSL1 switch, ${CELLS.toExponential(0)} cells x ${STEPS} steps of ${DT} h`);
  console.log(`  wall time             ${(seconds * 1000).toFixed(0)} ms`);
  console.log(`  cell-steps per second ${((CELLS * STEPS) / seconds).toExponential(3)}   (target >= 2.5e7)`);
  console.log(`  persisters at the end ${o.persister[last]} (${((o.persister[last] / CELLS) * 100).toFixed(3)}%), threshold crossings ${o.counters.entries + o.counters.exits}`);
}
