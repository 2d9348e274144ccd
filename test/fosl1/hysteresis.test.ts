// Hysteresis (property test, fast-check): under the FOSL1 switch a cell's phenotype changes
// only on a threshold crossing. The level update of the agent engine (engine/fosl1Levels.ts)
// is run step by step on a store whose cells carry an identity field, over random switches,
// drugs, levels and divisions with inheritance noise; for every cell and step: a sensitive
// cell becomes a persister iff its new level is above the on threshold, a persister becomes
// sensitive iff its new level is below the off threshold, and the engine's entry and exit
// counters count exactly those changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellStore, PERSISTER, SENSITIVE } from '../../src/engine/cellStore.js';
import { Fosl1Levels } from '../../src/engine/fosl1Levels.js';
import type { Fosl1Switch } from '../../src/model/scenario.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { streamFor } from '../../src/rng/stream.js';
import { FOSL1_REFERENCE, makeScenario, squarePulseKill } from '../helpers/makeScenario.js';

const switchArb = fc.record({
  basal: fc.double({ min: 0, max: 0.05, noNaN: true }),
  feedback: fc.double({ min: 0, max: 0.1, noNaN: true }),
  hill: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.double({ min: 1, max: 6, noNaN: true })),
  decay: fc.double({ min: 0.01, max: 0.2, noNaN: true }),
  stressGain: fc.double({ min: 0, max: 0.05, noNaN: true }),
  noise: fc.double({ min: 0, max: 0.15, noNaN: true }),
  offThreshold: fc.double({ min: 0.2, max: 1.2, noNaN: true }),
  band: fc.double({ min: 0, max: 0.6, noNaN: true }),
  inheritanceNoise: fc.double({ min: 0, max: 0.3, noNaN: true }),
});

describe('FOSL1 hysteresis', () => {
  it('a phenotype changes only when the level crosses the threshold of its state', () => {
    let crossings = { entries: 0, exits: 0 };
    fc.assert(
      fc.property(switchArb, fc.integer({ min: 0, max: 1e6 }), (p, seed) => {
        const fosl1: Partial<Fosl1Switch> = { ...p, onThreshold: p.offThreshold + p.band + 1e-3 };
        const s = makeScenario({ horizonH: 60, recordEveryH: 60, initial: 1, bS: 0, seed, fosl1: { ...FOSL1_REFERENCE, ...fosl1 }, drugs: [squarePulseKill('chemo', 0.05, [{ start: 20, duration: 20 }])] });
        const sw = s.switch as Fosl1Switch;
        const tl = compileTimeline(s);
        const rng = streamFor(seed, 1, 'hysteresis');
        const store = new CellStore(64, 1e6);
        const levels = new Fosl1Levels(s, sw, tl, store, rng);
        const idField = store.addField('int32');
        const levelField = 0;
        let nextId = 0;
        for (let c = 0; c < 150; c++) {
          const x = rng() * 2.5;
          const pool = x > sw.onThreshold || (x >= sw.offThreshold && rng() < 0.5) ? PERSISTER : SENSITIVE;
          const k = store.add(pool, 0);
          store.fields[levelField][pool][k] = x;
          store.fields[idField][pool][k] = nextId++;
        }
        const snapshot = () => {
          const m = new Map<number, { pool: number; level: number }>();
          for (const pool of [SENSITIVE, PERSISTER]) {
            for (let k = 0; k < store.counts[pool]; k++) m.set(store.fields[idField][pool][k], { pool, level: store.fields[levelField][pool][k] });
          }
          return m;
        };
        for (let i = 0; i < tl.boundaries.length - 1; i++) {
          // A few divisions, whose daughters get noisy copies of the level (and new identities).
          for (let b = 0; b < 3; b++) {
            const pool = rng() < 0.5 || store.counts[PERSISTER] === 0 ? SENSITIVE : PERSISTER;
            if (store.counts[pool] === 0) continue;
            const k = Math.floor(rng() * store.counts[pool]);
            const j = store.divide(pool, k, 0);
            store.fields[idField][pool][j] = nextId++;
            levels.born(pool, k, j);
          }
          const before = snapshot();
          const [entries, exits] = [levels.entries, levels.exits];
          levels.advance(i, tl.boundaries[i + 1]);
          const after = snapshot();
          let newEntries = 0;
          let newExits = 0;
          const wrong: string[] = [];
          for (const [id, a] of after) {
            const b = before.get(id)!;
            if (b.pool === SENSITIVE) {
              if ((a.pool === PERSISTER) !== a.level > sw.onThreshold) wrong.push(`cell ${id}: sensitive -> ${a.pool} at level ${a.level}`);
              if (a.pool === PERSISTER) newEntries++;
            } else {
              if ((a.pool === SENSITIVE) !== a.level < sw.offThreshold) wrong.push(`cell ${id}: persister -> ${a.pool} at level ${a.level}`);
              if (a.pool === SENSITIVE) newExits++;
            }
          }
          expect(wrong).toEqual([]);
          expect(after.size).toBe(before.size);
          expect(levels.entries - entries).toBe(newEntries);
          expect(levels.exits - exits).toBe(newExits);
        }
        crossings = { entries: crossings.entries + levels.entries, exits: crossings.exits + levels.exits };
      }),
      { numRuns: 25, seed: 7 },
    );
    expect(crossings.entries).toBeGreaterThan(100);
    expect(crossings.exits).toBeGreaterThan(100);
  });
});
