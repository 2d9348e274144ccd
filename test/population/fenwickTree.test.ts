// The Fenwick tree of the exact part (engine/fenwickTree.ts) against a linear scan: for any
// weights and any changes to them, the total is the sum, and `find` returns the entry a
// point falls in and the point's offset into it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FenwickTree } from '../../src/engine/fenwickTree.js';

function linearFind(w: readonly number[], r: number): [number, number] {
  for (let i = 0; i < w.length; i++) {
    if (r < w[i]) return [i, r];
    r -= w[i];
  }
  return [w.length - 1, r];
}

describe('FenwickTree', () => {
  it('agrees with a linear scan after resets and changes', () => {
    const weights = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })), { minLength: 1, maxLength: 70 });
    const changes = fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }))), { maxLength: 30 });
    fc.assert(
      fc.property(weights, changes, fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 20 }), (w0, ch, us) => {
        const w = [...w0];
        const tree = new FenwickTree(w.length);
        tree.weight.set(w);
        tree.reset();
        for (const [i, v] of ch) {
          w[i % w.length] = v;
          tree.set(i % w.length, v);
        }
        const total = w.reduce((a, b) => a + b, 0);
        expect(tree.total()).toBe(total);
        if (total === 0) return;
        for (const u of us) {
          // Integer weights and points keep the sums exact, so the comparison is exact too.
          const r = Math.floor(u * total);
          const [i, rest] = linearFind(w, r);
          expect(tree.find(r)).toBe(i);
          expect(tree.residual).toBe(rest);
          expect(w[i]).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
