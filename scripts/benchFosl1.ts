// The FOSL1 section of `npm run bench`: the agent engine's FOSL1 per-cell level update
// (engine/fosl1Levels.ts: Euler-Maruyama, one ziggurat normal per cell per step on
// xoshiro128**, hysteresis moves) against a plain C loop doing the same update
// (scripts/anchor-fosl1.c, compiled with the system's cc -O3 into a temporary folder; skipped
// with a note without cc), on 10^6 cells over 50 steps of 0.5 h of the bistable switch of
// lesson 04. The cells neither divide nor die, so every step touches exactly 10^6 cells. The
// engine draws the initial levels from the stationary distribution (not timed) and hands C
// the same levels, generator state, step coefficients and ziggurat tables, so both compute
// the same levels: the section says whether they agree. Rounds interleave C and persim
// (C first), each from the same seeded start (persim's cells are reset in place); round 1 is cold for both (persim's update not yet
// compiled by the JIT), the later rounds warm, compared by their medians. Each round is timed
// by the wall clock and by the CPU time of its process (persim's includes the JIT's and the
// GC's threads), the steadier figure when other work shares the cores; the load average is
// printed beside them. Prints figures; asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CellStore, PERSISTER, SENSITIVE } from '../src/engine/cellStore.js';
import { Fosl1Levels } from '../src/engine/fosl1Levels.js';
import type { Fosl1Switch, Scenario } from '../src/model/scenario.js';
import { compileTimeline, type Timeline } from '../src/model/timeline.js';
import { zigguratTables } from '../src/rng/normalZiggurat.js';
import { xoshiroStream } from '../src/rng/xoshiro128.js';

const CELLS = 1e6;
const STEPS = 50;
const DT = 0.5;
const ROUNDS = Number(process.env.BENCH_FOSL1_ROUNDS ?? 7);

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

const scenario: Scenario = {
  name: 'bench fosl1',
  description: '',
  seed: 1,
  replicates: 1,
  engine: 'agent',
  time: { horizonH: STEPS * DT, dtH: DT, recordEveryH: STEPS * DT },
  population: { initial: CELLS, persisterFraction: 0, capacity: null },
  phenotypes: {
    sensitive: { divisionRate: 0, deathRate: 0 },
    persister: { divisionRate: 0, deathRate: 0, drugSensitivity: 0 },
  },
  switch: fosl1,
  drugs: [],
  relapse: { kind: 'relative', value: 1 },
};

/** The engine's update on cells seeded as the agent engine seeds them, and a way back to that start. */
function prepare(tl: Timeline) {
  const rng = xoshiroStream(scenario.seed, 0, 'fosl1');
  const store = new CellStore([Math.ceil(CELLS * 1.5), Math.ceil(CELLS * 1.5), 0], 5e7);
  const levels = new Fosl1Levels(scenario, fosl1, tl, store, rng);
  levels.seed(CELLS);
  const counts = Int32Array.from(store.counts);
  const start = levels.view();
  const sensitive = Float64Array.from(start.sensitive);
  const persister = Float64Array.from(start.persister);
  const state = Int32Array.from(rng.state);
  /** Back to the seeded cells and generator state (no allocation, so no collection between rounds). */
  const reset = () => {
    store.counts.set(counts);
    store.fields[0][SENSITIVE].set(sensitive);
    store.fields[0][PERSISTER].set(persister);
    rng.state.set(state);
    levels.entries = 0;
    levels.exits = 0;
  };
  /** The input of the C anchor: the same cells, state, step coefficients and ziggurat tables. */
  const writeInput = (file: string) => {
    const z = zigguratTables();
    const head = [sensitive.length, persister.length, STEPS, 1 / fosl1.halfSaturation, fosl1.hill, Number.isInteger(fosl1.hill) ? 1 : 0, fosl1.onThreshold, fosl1.offThreshold, ...state];
    const coef = Array.from({ length: STEPS }, (_, i) => {
      const c = levels.coefficients(i);
      return [c.a0, c.a1, c.a2, c.sn];
    }).flat();
    const all = [...head, ...coef, ...z.x, ...z.y, ...z.core, ...z.step];
    const buf = new Float64Array(all.length + sensitive.length + persister.length);
    buf.set(all);
    buf.set(sensitive, all.length);
    buf.set(persister, all.length + sensitive.length);
    writeFileSync(file, new Uint8Array(buf.buffer));
  };
  return { store, levels, reset, writeInput };
}

type Prepared = ReturnType<typeof prepare>;

interface RoundResult {
  /** Wall and CPU seconds of the steps. */
  seconds: number;
  cpu: number;
  nS: number;
  nP: number;
  crossings: number;
  sum: number;
}

function persimRound(tl: Timeline, run: Prepared): RoundResult {
  const { store, levels } = run;
  run.reset();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < STEPS; i++) levels.advance(i, tl.boundaries[i + 1]);
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(c0);
  const cpu = (used.user + used.system) / 1e6;
  const view = levels.view();
  let sum = 0;
  for (const a of [view.sensitive, view.persister]) for (let k = 0; k < a.length; k++) sum += a[k];
  return { seconds, cpu, nS: store.counts[SENSITIVE], nP: store.counts[PERSISTER], crossings: levels.entries + levels.exits, sum };
}

function cRound(exe: string, input: string): RoundResult {
  const [seconds, cpu, nS, nP, entries, exits, sum] = execFileSync(exe, [input], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
  return { seconds, cpu, nS, nP, crossings: entries + exits, sum };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const rate = (seconds: number) => ((CELLS * STEPS) / seconds).toExponential(3);

export function benchFosl1(): void {
  const tl = compileTimeline(scenario);
  console.log(`persim bench: FOSL1 level update, agent engine vs C (scripts/anchor-fosl1.c, cc -O3), ${CELLS.toExponential(0)} cells x ${STEPS} steps of ${DT} h, ${ROUNDS} interleaved rounds`);
  const loadBefore = loadavg()[0];
  if (spawnSync('cc', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.log('  C anchor skipped: no C compiler (cc) on this machine');
    const run = prepare(tl);
    const r = [0, 1].map(() => persimRound(tl, run));
    console.log(`  persim cell-steps per second  cold ${rate(r[0].seconds)}  warm ${rate(r[1].seconds)}   (load average ${loadBefore.toFixed(2)})`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'persim-anchor-fosl1-'));
  try {
    const exe = join(dir, 'anchor-fosl1');
    const input = join(dir, 'input.bin');
    execFileSync('cc', ['-O3', '-o', exe, fileURLToPath(new URL('../scripts/anchor-fosl1.c', import.meta.url)), '-lm'], { stdio: 'inherit' });
    const run = prepare(tl);
    run.writeInput(input);
    const c: RoundResult[] = [];
    const p: RoundResult[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      c.push(cRound(exe, input));
      p.push(persimRound(tl, run));
    }
    const loadAfter = loadavg()[0];
    const ratio = (cr: number, pr: number) => (cr / pr).toFixed(2);
    console.log('  round     cell-steps per second, wall (CPU)               persim / C');
    console.log('            C                     persim                    wall   CPU');
    for (let r = 0; r < ROUNDS; r++) {
      const cells = (x: RoundResult) => `${rate(x.seconds)} (${rate(x.cpu)})`;
      console.log(`  ${String(r + 1).padEnd(2)} ${r === 0 ? 'cold' : 'warm'}   ${cells(c[r])}   ${cells(p[r])}   ${ratio(c[r].seconds, p[r].seconds)}x  ${ratio(c[r].cpu, p[r].cpu)}x`);
    }
    console.log(`  cold vs cold (round 1)            wall ${ratio(c[0].seconds, p[0].seconds)}x  CPU ${ratio(c[0].cpu, p[0].cpu)}x`);
    if (ROUNDS > 1) {
      const warm = (xs: RoundResult[], key: 'seconds' | 'cpu') => median(xs.slice(1).map((x) => x[key]));
      console.log(`  warm vs warm (medians, rounds 2-${ROUNDS})  wall ${ratio(warm(c, 'seconds'), warm(p, 'seconds'))}x  CPU ${ratio(warm(c, 'cpu'), warm(p, 'cpu'))}x   (target >= 0.8x)`);
    }
    const same = p.every((x) => x.nS === c[0].nS && x.nP === c[0].nP && x.crossings === c[0].crossings && x.sum === c[0].sum) && c.every((x) => x.sum === c[0].sum);
    console.log(`  same levels as C: ${same ? 'yes' : 'NO'} (persisters at the end ${p[0].nP} (${((p[0].nP / CELLS) * 100).toFixed(3)}%), threshold crossings ${p[0].crossings}; C ${c[0].nP}, ${c[0].crossings})`);
    console.log(`  load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (2 cores: above 2, other work shared them and the figures are noisy)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
