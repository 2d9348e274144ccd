// The leap's fate probabilities (engine/populationFates.ts): the expected descendants of one
// cell over a sub-step are the exact mean matrix exp(A h) of the two-type process
// (SCIENCE.md D1), and the variance of its own-compartment descendants is the linear
// birth-death variance ((b + d) / (b - d)) m (m - 1) (SCIENCE.md D4), for short and long steps.
import { describe, expect, it } from 'vitest';
import { expm2, type Mat2 } from '../../src/analysis/twoType.js';
import { factorialMoment2 } from '../../src/engine/populationFates.js';
import { Transitions } from '../../src/engine/populationModel.js';
import { TwoStateCompartments } from '../../src/engine/populationTwoState.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { makeScenario } from '../helpers/makeScenario.js';

describe('second factorial moment of a linear birth-death process', () => {
  it('matches SCIENCE.md D4: birth 1, death 0.5, t = 2 gives mean 2.718 and variance 14.01', () => {
    const m = Math.exp(1);
    const variance = ((1 + 0.5) / (1 - 0.5)) * m * (m - 1);
    expect(variance).toBeCloseTo(14.01, 2);
    expect(factorialMoment2(1, 0.5, 2)).toBeCloseTo(variance + m * m - m, 10);
  });

  it('is continuous at birth = death (2 b h) and vanishes without births', () => {
    expect(factorialMoment2(0.3, 0.3, 2)).toBeCloseTo(2 * 0.3 * 2, 12);
    expect(factorialMoment2(0.3, 0.3 + 1e-12, 2)).toBeCloseTo(1.2, 9);
    expect(factorialMoment2(0, 0.7, 3)).toBe(0);
  });
});

describe('two-state fates', () => {
  const s = makeScenario({ horizonH: 10, initial: 100, bS: 0.04, dS: 0.01, bP: 0.005, dP: 0.002, entry: 0.002, exit: 0.01 });
  const tl = compileTimeline(s);
  const model = new TwoStateCompartments(s, tl);
  const tr = new Transitions(model);

  for (const h of [0.01, 1, 5]) {
    it(`over ${h} h: the expected descendants of a cell are exp(A h), each fate a probability`, () => {
      expect(model.prepare(0, h, 1, tr)).toBe(true);
      const M = expm2([0.04 - 0.01 - 0.002, 0.01, 0.002, 0.005 - 0.002 - 0.01] as Mat2, h);
      // From a sensitive cell: S = stay + 2 divide, P = move; from a persister: the mirror.
      const stayS = 1 - tr.pDie[0] - tr.pDivide[0] - tr.pMove[0];
      const stayP = 1 - tr.pDie[1] - tr.pDivide[1] - tr.pMove[1];
      expect(stayS + 2 * tr.pDivide[0]).toBeCloseTo(M[0], 14);
      expect(tr.pMove[0]).toBeCloseTo(M[2], 14);
      expect(stayP + 2 * tr.pDivide[1]).toBeCloseTo(M[3], 14);
      expect(tr.pMove[1]).toBeCloseTo(M[1], 14);
      for (const p of [tr.pDie[0], tr.pDie[1], tr.pDivide[0], tr.pDivide[1], stayS, stayP]) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    });
  }

  it('without switching, the variance of the descendants of one cell is the birth-death variance', () => {
    const bd = makeScenario({ horizonH: 10, initial: 100, bS: 0.04, dS: 0.01 });
    const m2 = new TwoStateCompartments(bd, compileTimeline(bd));
    const t2 = new Transitions(m2);
    const h = 3;
    expect(m2.prepare(0, h, 1, t2)).toBe(true);
    const stay = 1 - t2.pDie[0] - t2.pDivide[0];
    const mean = stay + 2 * t2.pDivide[0];
    const variance = stay + 4 * t2.pDivide[0] - mean * mean;
    const m = Math.exp(0.03 * h);
    expect(mean).toBeCloseTo(m, 14);
    expect(variance).toBeCloseTo(((0.04 + 0.01) / 0.03) * m * (m - 1), 12);
  });

  it('refuses a step in which a cell would have to divide more than once (the engine then halves it)', () => {
    const fast = makeScenario({ horizonH: 10, initial: 100, bS: 1 });
    const m3 = new TwoStateCompartments(fast, compileTimeline(fast));
    const t3 = new Transitions(m3);
    expect(m3.prepare(0, 2, 1, t3)).toBe(false);
    expect(m3.prepare(0, 0.1, 1, t3)).toBe(true);
  });
});
