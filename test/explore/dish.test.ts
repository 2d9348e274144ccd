// The dish's bookkeeping: the dot store keeps its pools and occupancy grid consistent under
// any sequence of births, deaths, switches and removals; the events drawn between two
// engine frames take the dots exactly to the new counts (scaled); and a dish fed the frames
// of a real replicate shows, once it has caught up, as many dots of each state as the
// engine has cells (times the scale), through zooming out and in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dish } from '../../src/explore/dish/dish.js';
import { DotStore, GRID, STATES, gridIndex } from '../../src/explore/dish/dots.js';
import type { LiveFrame } from '../../src/explore/worker/protocol.js';
import { dotEvents, dotsFor } from '../../src/explore/dish/reconcile.js';
import { LiveRun } from '../../src/explore/worker/liveRun.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { streamFor } from '../../src/rng/stream.js';

/** The first inconsistency of the store, or ''. */
function problem(d: DotStore): string {
  const grid = new Int32Array(GRID * GRID);
  for (let i = 0; i < d.n; i++) grid[gridIndex(d.x[i], d.y[i])]++;
  for (let g = 0; g < grid.length; g++) if (grid[g] !== d.grid[g]) return `grid cell ${g}: ${d.grid[g]}, counted ${grid[g]}`;
  for (let p = 0; p < STATES; p++) {
    const seen = new Set<number>();
    for (let k = 0; k < d.living[p]; k++) {
      const i = d.livingDot(p, k);
      if (i >= d.n || d.state[i] !== p || d.died[i] !== 0) return `pool ${p} slot ${k}: dot ${i} of state ${d.state[i]}, died ${d.died[i]}`;
      seen.add(i);
    }
    if (seen.size !== d.living[p]) return `pool ${p} lists a dot twice`;
  }
  let alive = 0;
  for (let i = 0; i < d.n; i++) if (d.died[i] === 0) alive++;
  const pooled = d.living.reduce((a, b) => a + b, 0);
  return alive === pooled ? '' : `${alive} living dots, pools hold ${pooled}`;
}

describe('DotStore', () => {
  it('keeps pools and grid consistent', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), { maxLength: 300 }), (ops) => {
        const d = new DotStore(4);
        let now = 1;
        for (const [op, u, x] of ops) {
          now += 10;
          const p = Math.min(STATES - 1, Math.floor(u * STATES));
          const n = d.living[p];
          const pick = n > 0 ? d.livingDot(p, Math.floor(u * n) % n) : -1;
          if (op <= 1 || pick < 0) d.add(p, x, x * 0.5, u, 0, 0, now);
          else if (op === 2) d.kill(pick, now);
          else if (op === 3) d.switchState(pick, (p + 1) % STATES, u, now);
          else d.drop(pick);
          if (op === 4) d.sweep(now, 25);
        }
        expect(problem(d)).toBe('');
      }),
      { numRuns: 200 },
    );
  });
});

describe('dotEvents', () => {
  it('takes the dots to the scaled counts, keeping one dot for a state with cells', () => {
    const rng = streamFor(1, 1, 'test');
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 300 })),
        fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 50 })),
        fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.constantFrom(1, 0.5, 0.05),
        ([s, p, r], [ds, dp, dr], divisions, entries, exits, scale) => {
          const e = dotEvents({ after: { sensitive: s, persister: p, resistant: r }, divisions, deaths: 0, entries, exits }, [ds, dp, dr], scale, [0.017, 0.001, 0.014], rng);
          const s1 = ds + e.births[0] - e.deaths[0] - e.entries + e.exits;
          const p1 = dp + e.births[1] - e.deaths[1] + e.entries - e.exits;
          const r1 = dr + e.births[2] - e.deaths[2];
          expect([s1, p1, r1]).toEqual([dotsFor(s, scale), dotsFor(p, scale), dotsFor(r, scale)]);
          for (const v of [...e.births, ...e.deaths, e.entries, e.exits]) expect(v).toBeGreaterThanOrEqual(0);
          expect(e.entries).toBeLessThanOrEqual(ds);
          expect(e.exits).toBeLessThanOrEqual(dp);
        },
      ),
      { numRuns: 300 },
    );
    expect(dotsFor(1, 0.05)).toBe(1);
    expect(dotsFor(0, 1)).toBe(0);
  });
});

const SCENARIO = `
name: dish test
seed: 3
time: {horizon: 30d, record_every: 12h}
population: {initial: 3000, persister_fraction: 0.01, capacity: 40000}
phenotypes:
  sensitive: {doubling_time: 40h, death_rate: 0.002/h}
  persister: {division_rate: 0.001/h, death_rate: 0.0005/h}
switch: {model: two-state, entry_rate: 1e-4/h, induced_entry_rate: 0.004/h, exit_rate: 0.01/h}
drugs:
  - name: chemo
    effect: kill
    potency: 0.08/h
    schedule: [{at: [8d], dose: 10, duration: 6d}]
relapse: {relative: 1}
`;

describe('Dish', () => {
  it('follows a replicate: dots match the scaled counts at every frame, through zooming out and in', () => {
    const s = loadScenarioText(SCENARIO, 'dish.yaml');
    const live = new LiveRun({ text: SCENARIO, file: 'dish.yaml', sets: [] }, 1, () => 0);
    const dish = new Dish(s, streamFor(s.seed, 1, 'explorer-dish'), { maxDots: 6000, startDots: 5000 });
    let frame = live.frame();
    dish.push(frame, 1);
    const scales = new Set<number>([dish.scale]);
    let now = 1;
    while (!frame.finished) {
      frame = live.advance(frame.t + 6);
      now += 100;
      dish.push(frame, now);
      dish.advanceTo(frame.t, now);
      scales.add(dish.scale);
      const want = [dotsFor(frame.sensitive, dish.scale), dotsFor(frame.persister, dish.scale), 0];
      const have = Array.from(dish.dots.living);
      if (have.join() !== want.join()) expect(have, `day ${frame.t / 24}`).toEqual(want);
      expect(have[0] + have[1]).toBeLessThanOrEqual(6000);
      dish.dots.sweep(now, 150);
      const bad = problem(dish.dots);
      if (bad !== '') expect(bad, `day ${frame.t / 24}`).toBe('');
    }
    expect(Math.min(...scales)).toBeLessThan(0.5);
    expect(Math.max(...scales)).toBe(1);
    expect([...scales].length).toBeGreaterThan(2);
  });

  it('shows resistant cells as a third state, mutants born beside any mother', () => {
    const s = loadScenarioText(SCENARIO, 'dish.yaml');
    const dish = new Dish(s, streamFor(1, 1, 'explorer-dish'), { maxDots: 6000, startDots: 5000 });
    const frame = (t: number, sensitive: number, persister: number, resistant: number, divisions: number): LiveFrame => ({
      t, sensitive, persister, resistant, divisions, deaths: 0, entries: 0, exits: 0, stress: 0, finished: false, limited: false,
      extinctH: null, relapseH: null, levelsSensitive: null, levelsPersister: null,
    });
    dish.push(frame(0, 1000, 10, 0, 0), 1);
    dish.push(frame(12, 1100, 10, 3, 103), 2);
    dish.push(frame(24, 900, 12, 9, 160), 3);
    dish.advanceTo(24, 4);
    expect(Array.from(dish.dots.living)).toEqual([900, 12, 9]);
    expect(problem(dish.dots)).toBe('');
  });
});
