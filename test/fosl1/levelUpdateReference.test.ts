// The agent engine's FOSL1 level update (engine/fosl1Levels.ts advance: one pass a pool with
// xoshiro128** and the ziggurat inlined, crossings moved after the pass) against a plain
// reference written the obvious way: all the step's normals drawn first by fillNormal on the
// same stream (persisters' slots 0 .. nP - 1, then the sensitive cells'), then each pool from
// its last slot down, moving a cell the moment it crosses. The two must leave the same cells
// in the same slots with the same levels (bit for bit), the same crossing counts and the
// generator in the same state, step after step: over a drug pulse, with many crossings in
// both directions in one step (more than the update's first crossing buffer holds), the
// ziggurat's slow path and tail, a non-integer Hill coefficient, and no noise.
import { describe, expect, it } from 'vitest';
import { CellStore, PERSISTER, SENSITIVE } from '../../src/engine/cellStore.js';
import { Fosl1Levels } from '../../src/engine/fosl1Levels.js';
import type { Fosl1Switch, Scenario } from '../../src/model/scenario.js';
import { compileTimeline, type Timeline } from '../../src/model/timeline.js';
import { fillNormal } from '../../src/rng/normalZiggurat.js';
import { streamFor } from '../../src/rng/stream.js';
import { xoshiroStream, type XoshiroStream } from '../../src/rng/xoshiro128.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';

const CELLS = 3000;

/** The old update, step i: normals first, then each pool from its last slot down. */
function referenceAdvance(sw: Fosl1Switch, tl: Timeline, store: CellStore, rng: XoshiroStream, i: number, timeH: number, counters: { entries: number; exits: number }): void {
  const nP = store.counts[PERSISTER];
  const nS = store.counts[SENSITIVE];
  const z = new Float64Array(nP + nS);
  if (sw.noise > 0) fillNormal(rng, z, nP + nS);
  const dt = tl.boundaries[i + 1] - tl.boundaries[i];
  const P = tl.block[i];
  const a0 = dt * (P * sw.basal + sw.stressGain * tl.blockedStress[i]);
  const a1 = 1 - dt * (sw.decay + tl.promote[i]);
  const a2 = dt * P * sw.feedback;
  const sn = sw.noise > 0 ? sw.noise * Math.sqrt(dt) : 0;
  // u^n by repeated squaring for an integer n, as the engine (Math.pow differs in the last bits).
  const power = (u: number, n: number) => {
    if (!Number.isInteger(n)) return u ** n;
    let un = 1;
    for (let e = n; e > 0; e >>= 1) {
      if (e & 1) un *= u;
      u *= u;
    }
    return un;
  };
  /** The new level, with the engine's expression (its rounding) of the drift. */
  const next = (x: number, z: number) => {
    const u = power(x * (1 / sw.halfSaturation), sw.hill);
    return Math.max(0, a1 * x + a0 + (a2 * u) / (1 + u) + sn * z);
  };
  const lvP = store.fields[0][PERSISTER];
  for (let k = nP - 1; k >= 0; k--) {
    const y = next(lvP[k], z[k]);
    lvP[k] = y;
    if (y < sw.offThreshold) {
      store.move(PERSISTER, k, SENSITIVE, timeH);
      counters.exits++;
    }
  }
  const lvS = store.fields[0][SENSITIVE];
  for (let k = nS - 1; k >= 0; k--) {
    const y = next(lvS[k], z[nP + k]);
    lvS[k] = y;
    if (y > sw.onThreshold) {
      store.move(SENSITIVE, k, PERSISTER, timeH);
      counters.entries++;
    }
  }
}

/** Cells with levels uniform on [0, 2.5] in either pool regardless of level, so the first step moves hundreds each way. */
function fill(store: CellStore, seed: number): void {
  const rng = streamFor(seed, 0, 'levels');
  for (let c = 0; c < CELLS; c++) {
    const p = rng() < 0.5 ? SENSITIVE : PERSISTER;
    store.fields[0][p][store.add(p, 0)] = 2.5 * rng();
  }
}

function compare(s: Scenario, seed: number): { entries: number; exits: number; firstStepMoves: number; state: number[] } {
  const sw = s.switch as Fosl1Switch;
  const tl = compileTimeline(s);
  const engineRng = xoshiroStream(seed, 0, 'fosl1');
  const refRng = xoshiroStream(seed, 0, 'fosl1');
  const engineStore = new CellStore(64, 1e6);
  const refStore = new CellStore(64, 1e6);
  const levels = new Fosl1Levels(s, sw, tl, engineStore, engineRng);
  refStore.addField('float64');
  fill(engineStore, seed);
  fill(refStore, seed);
  const ref = { entries: 0, exits: 0 };
  let firstStepMoves = 0;
  for (let i = 0; i + 1 < tl.boundaries.length; i++) {
    levels.advance(i, tl.boundaries[i + 1]);
    referenceAdvance(sw, tl, refStore, refRng, i, tl.boundaries[i + 1], ref);
    if (i === 0) firstStepMoves = ref.entries + ref.exits;
    expect(Array.from(engineStore.counts)).toEqual(Array.from(refStore.counts));
    for (const p of [SENSITIVE, PERSISTER]) {
      const a = engineStore.fields[0][p];
      const b = refStore.fields[0][p];
      let differ = 0;
      for (let k = 0; k < refStore.counts[p]; k++) if (!Object.is(a[k], b[k])) differ++;
      expect(differ, `pool ${p} after step ${i}`).toBe(0);
    }
    expect([levels.entries, levels.exits]).toEqual([ref.entries, ref.exits]);
    expect(Array.from(engineRng.state)).toEqual(Array.from(refRng.state));
  }
  return { ...ref, firstStepMoves, state: Array.from(engineRng.state) };
}

describe('FOSL1 level update matches the plain reference bit for bit', () => {
  const drug = [squarePulseKill('chemo', 0.05, [{ start: 10, duration: 10 }])];

  it('bistable switch (integer Hill 8), strong noise, a drug pulse', () => {
    const s = makeScenario({ horizonH: 30, dtH: 0.5, recordEveryH: 30, initial: 1, bS: 0, fosl1: { noise: 0.15 }, drugs: drug });
    const r = compare(s, 7);
    // Hundreds of moves in the first step (past the update's 256-slot crossing buffer), and many later.
    expect(r.firstStepMoves).toBeGreaterThan(512);
    expect(r.entries).toBeGreaterThan(1000);
    expect(r.exits).toBeGreaterThan(1000);
  });

  it('non-integer Hill coefficient', () => {
    const s = makeScenario({ horizonH: 20, dtH: 0.5, recordEveryH: 20, initial: 1, bS: 0, fosl1: { hill: 2.5, noise: 0.1 }, drugs: drug });
    const r = compare(s, 11);
    expect(r.entries + r.exits).toBeGreaterThan(1000);
  });

  it('no noise: no random numbers, deterministic moves', () => {
    const s = makeScenario({ horizonH: 20, dtH: 0.5, recordEveryH: 20, initial: 1, bS: 0, fosl1: { noise: 0 }, drugs: drug });
    const r = compare(s, 3);
    expect(r.firstStepMoves).toBeGreaterThan(512);
    expect(r.state).toEqual(Array.from(xoshiroStream(3, 0, 'fosl1').state));
  });
});
